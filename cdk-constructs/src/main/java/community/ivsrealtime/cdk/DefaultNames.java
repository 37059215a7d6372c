package community.ivsrealtime.cdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * Default physical names made in Java, the same as aws-cdk-lib's {@code Names.uniqueResourceName} makes them in node,
 * without a round trip to node per resource.
 *
 * <p>{@code Names.uniqueResourceName(construct, options)} takes the path from the innermost stack whose name is not a
 * token: that stack's name, then the IDs of the constructs below it down to {@code construct}. From those components it
 * makes the name: without {@code Default} components; a single component as it is (allowed characters only) if short
 * enough; otherwise the components without repeats and without {@code Resource}, allowed characters only, joined, cut
 * in the middle to {@code maxLength - 8}, then the first 8 hex digits of the MD5 of the components joined by {@code /},
 * upper case. Java knows that path without asking node when the L2 is made directly in a stack whose name is not a
 * token, or in one of our L2s whose path it knows ({@link #components}); anywhere else, and for IDs outside ASCII, the
 * L2s ask node ({@link IvsResource#nameOrDefault}). {@code DefaultNamesTest} compares the two over unusual paths.
 */
final class DefaultNames {

    private static final String HIDDEN = "Default";
    private static final String HIDDEN_FROM_HUMANS = "Resource";
    private static final int HASH_LENGTH = 8;

    /** The characters a name drops, per set of allowed special characters. */
    private static final Map<String, Pattern> DISALLOWED = new ConcurrentHashMap<>();

    /** The names of the stacks asked so far (a stack's name never changes). */
    private static final Map<Stack, String> STACK_NAMES = Collections.synchronizedMap(new WeakHashMap<>());

    private DefaultNames() {
    }

    /**
     * The components {@code Names.uniqueResourceName} would take for a construct {@code id} made in {@code scope}, or
     * null when Java cannot tell without asking node.
     *
     * @param parent the components of {@code scope} when it is one of our L2s (null otherwise, or when unknown)
     */
    static List<String> components(Construct scope, String id, List<String> parent) {
        List<String> base;
        if (parent != null) {
            base = parent;
        } else if (scope instanceof Stack stack) {
            String name = STACK_NAMES.computeIfAbsent(stack, Stack::getStackName);
            if (name == null || Checks.isStringToken(name)) {
                return null; // a stack whose name is a token does not count: the path goes on above it
            }
            base = List.of(name);
        } else {
            return null;
        }
        if (!isAscii(id)) {
            return null;
        }
        List<String> components = new ArrayList<>(base.size() + 1);
        components.addAll(base);
        components.add(id);
        return List.copyOf(components);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name {@code Names.uniqueResourceName} makes of these components, with no separator.
     *
     * @param allowedSpecialCharacters the non-alphanumeric characters kept (regular-expression class syntax, as in
     *        aws-cdk-lib)
     */
    static String make(List<String> components, int maxLength, String allowedSpecialCharacters) {
        Pattern disallowed = DISALLOWED.computeIfAbsent(allowedSpecialCharacters,
                c -> Pattern.compile("[^A-Za-z0-9" + c + "]"));
        List<String> kept = components.stream().filter(c -> !HIDDEN.equals(c)).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no components to make a name of: " + components);
        }
        if (kept.size() == 1) {
            String single = disallowed.matcher(kept.get(0)).replaceAll("");
            if (single.length() <= maxLength) {
                return single;
            }
        }
        StringBuilder human = new StringBuilder();
        for (String c : withoutRepeats(kept)) {
            if (!HIDDEN_FROM_HUMANS.equals(c)) {
                human.append(disallowed.matcher(c).replaceAll(""));
            }
        }
        int humanLength = maxLength - HASH_LENGTH;
        String shown = human.length() > humanLength ? splitInMiddle(human.toString(), humanLength) : human.toString();
        return shown + hash(String.join("/", kept));
    }

    /** Drops a component when the one kept before it ends with it ({@code FooBar}, {@code Bar}: only {@code FooBar}). */
    private static List<String> withoutRepeats(List<String> components) {
        List<String> out = new ArrayList<>();
        for (String c : components) {
            if (out.isEmpty() || !out.get(out.size() - 1).endsWith(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static String splitInMiddle(String s, int maxLength) {
        int half = maxLength / 2;
        return s.substring(0, half) + s.substring(s.length() - half);
    }

    private static String hash(String path) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(md5, 0, HASH_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
