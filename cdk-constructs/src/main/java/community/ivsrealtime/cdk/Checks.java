package community.ivsrealtime.cdk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.constructs.IConstruct;
import software.constructs.IValidation;

/**
 * The synth-time checks of the five L2s, in one place. Each check does nothing for a value that is absent or an
 * unresolved token (its value is only known at deploy time), and otherwise throws an
 * {@link IllegalArgumentException} whose message names the prop, the value and what is allowed, for example
 * {@code stageName must match ^[a-zA-Z0-9-_]*$, got "my stage"}. The limits are those of the type schemas in
 * {@code resource-schemas/}.
 */
final class Checks {

    /** Names of all five types: letters, digits, {@code -} and {@code _}, at most 128 characters, may be empty. */
    static final String NAME_PATTERN = "^[a-zA-Z0-9-_]*$";
    static final int NAME_MAX_LENGTH = 128;

    /** Resource IDs inside IVS ARNs ({@code arn:aws:ivs:<region>:<account>:stage/<id>}). */
    private static final Pattern RESOURCE_ID = Pattern.compile("^[a-zA-Z0-9-]+$");

    /** Most tags per resource (the schemas' {@code maxItems}). */
    static final int MAX_TAGS = 50;

    private Checks() {
    }

    /**
     * aws-cdk-lib's own test of a string (and of the one string of a list) for a token, {@code unresolved} in
     * {@code core/lib/private/encoding.js}: the string must contain {@code Token[} and then match a string token
     * ({@code ${Token[KEY]}}, KEY of {@code a-zA-Z0-9:._-}) or a number token turned into a string
     * ({@code -1.<10 to 16 digits>e+289}); a list token is {@code #{Token[KEY]}}. {@code ChecksTest} holds these
     * against {@code Token.isUnresolved}, so an aws-cdk-lib that encodes tokens differently fails the build.
     */
    private static final String ANY_TOKEN_MARKER = "Token[";
    private static final Pattern STRING_TOKEN =
            Pattern.compile("\\$\\{Token\\[[a-zA-Z0-9:._-]+]}|-1\\.\\d{10,16}e\\+289");
    private static final Pattern LIST_TOKEN = Pattern.compile("#\\{Token\\[[a-zA-Z0-9:._-]+]}");
    /** The upper 16 bits of a token-encoded double in aws-cdk-lib ({@code DOUBLE_TOKEN_MARKER_BITS}). */
    private static final long DOUBLE_TOKEN_MARKER = 0xFBFFL;

    /**
     * Whether a value is a token, as {@code Token.isUnresolved} answers. Each {@code Token.isUnresolved} is a round trip
     * to node, so what Java can decide exactly by aws-cdk-lib's rules is decided here: a string, a number, a boolean, a
     * list. Anything else (an object, which is a token when it has a {@code resolve} method) is asked of node.
     */
    static boolean isUnresolved(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof String s) {
            return isStringToken(s);
        }
        if (value instanceof Double || value instanceof Float) {
            return (Double.doubleToRawLongBits(((Number) value).doubleValue()) >>> 48) == DOUBLE_TOKEN_MARKER;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof Boolean) {
            return false;
        }
        if (value instanceof List<?> list) {
            return list.size() == 1 && list.get(0) instanceof String s && s.contains(ANY_TOKEN_MARKER)
                    && LIST_TOKEN.matcher(s).find();
        }
        return Token.isUnresolved(value);
    }

    /** Whether a string holds a token ({@code Token.isUnresolved} of a string), decided in Java. */
    static boolean isStringToken(String s) {
        return s.contains(ANY_TOKEN_MARKER) && STRING_TOKEN.matcher(s).find();
    }

    /** A literal value to check: present and not a token. */
    static boolean known(Object value) {
        return value != null && !isUnresolved(value);
    }

    static IllegalArgumentException fail(String prop, String rule, Object got) {
        return new IllegalArgumentException(prop + " must " + rule + ", got " + show(got));
    }

    static String show(Object value) {
        return value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
    }

    /** The name prop of every type. */
    static void name(String prop, String value) {
        matches(prop, value, NAME_PATTERN);
        length(prop, value, 0, NAME_MAX_LENGTH);
    }

    static void matches(String prop, String value, String regex) {
        if (known(value) && !Pattern.compile(regex).matcher(value).find()) {
            throw fail(prop, "match " + regex, value);
        }
    }

    static void length(String prop, String value, int min, int max) {
        if (!known(value)) {
            return;
        }
        int n = value.length();
        if (n < min || n > max) {
            String rule = min == 0 ? "be at most " + max + " characters long"
                    : "be between " + min + " and " + max + " characters long";
            throw new IllegalArgumentException(prop + " must " + rule + ", got " + n + " characters: " + show(value));
        }
    }

    /** An integer prop in [min, max]. */
    static void integer(String prop, Number value, long min, long max) {
        if (!known(value)) {
            return;
        }
        double d = value.doubleValue();
        if (d != Math.rint(d)) {
            throw fail(prop, "be a whole number between " + min + " and " + max, value);
        }
        range(prop, value, min, max);
    }

    /** A number prop in [min, max]. */
    static void range(String prop, Number value, double min, double max) {
        if (known(value) && (value.doubleValue() < min || value.doubleValue() > max)) {
            throw fail(prop, "be between " + plain(min) + " and " + plain(max), value);
        }
    }

    /**
     * A {@link Duration} prop that the schema holds as whole seconds in [min, max]; returns those seconds for the
     * template (a token Duration yields its token).
     */
    static Number seconds(String prop, Duration value, long min, long max) {
        if (value == null) {
            return null;
        }
        if (value.isUnresolved()) {
            return value.toSeconds();
        }
        double millis = value.toMilliseconds().doubleValue();
        if (millis % 1000 != 0) {
            throw new IllegalArgumentException(prop + " must be a whole number of seconds between " + min + " and "
                    + max + ", got " + value.toHumanString());
        }
        long s = (long) (millis / 1000);
        if (s < min || s > max) {
            throw new IllegalArgumentException(prop + " must be between " + min + " and " + max + " seconds, got "
                    + value.toHumanString());
        }
        return s;
    }

    /** An enum-like value that must be one of the schema's values (values made with {@code of(...)} may not be). */
    static void oneOf(String prop, Choice value, Collection<String> allowed) {
        if (value != null && known(value.getValue()) && !allowed.contains(value.getValue())) {
            throw fail(prop, "be one of " + String.join(", ", allowed), value.getValue());
        }
    }

    /** A string map whose keys and values together are at most {@code maxBytes} bytes in UTF-8. */
    static void totalBytes(String prop, Map<String, String> map, int maxBytes) {
        if (map == null) {
            return;
        }
        int bytes = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (isUnresolved(e.getKey()) || isUnresolved(e.getValue())) {
                return;
            }
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
            bytes += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > maxBytes) {
            throw new IllegalArgumentException(prop + " must be at most " + maxBytes
                    + " bytes in total (keys and values, UTF-8), got " + bytes + " bytes");
        }
    }

    /** A prop that means something only together with another one: fails when {@code needed} is absent. */
    static void requires(String prop, Object value, String needed, Object neededValue) {
        if (value != null && neededValue == null) {
            throw new IllegalArgumentException(prop + " requires " + needed + " to be set, got " + show(value)
                    + " without " + needed);
        }
    }

    /**
     * Checks an ARN given to an import method: {@code arn:<partition>:ivs:<region>:<account>:<resourceType>/<id>}.
     * Parts that are tokens are not checked. Messages follow aws-cdk's {@code aws-ivs-alpha} imports.
     *
     * @return the ARN's parts (the resource name is the resource ID)
     */
    static ArnComponents arn(String arn, String resourceType) {
        if (arn == null) {
            throw new IllegalArgumentException(resourceType + " ARN must be given, got null");
        }
        ArnComponents parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
        if (known(parts.getService()) && !"ivs".equals(parts.getService())) {
            throw new IllegalArgumentException("Invalid service, expected 'ivs', got '" + parts.getService() + "'");
        }
        if (known(parts.getResource()) && !resourceType.equals(parts.getResource())) {
            throw new IllegalArgumentException(
                    "Invalid resource, expected '" + resourceType + "', got '" + parts.getResource() + "'");
        }
        String id = parts.getResourceName();
        if (!isUnresolved(arn) && (id == null || (known(id) && !RESOURCE_ID.matcher(id).matches()))) {
            throw new IllegalArgumentException("Invalid resource ID, expected '" + resourceType
                    + "/' followed by letters, digits or '-', got '" + arn + "'");
        }
        return parts;
    }

    /** One tag check per scope of our constructs: see {@link #tags}. */
    private static final Map<IConstruct, TagCheck> TAG_CHECKS = java.util.Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Adds a synth-time check of the tags that end up on a resource ({@code Tags.of(scope).add(...)} runs as an
     * aspect, after the constructor): at most 50, keys 1-128 characters not starting with {@code aws:}, values at
     * most 256 characters. The resources made in one scope share one validation on that scope, which resolves all
     * their tags in one call: a validation per resource would be one callback from node per resource at synth, and
     * each callback a round trip (and one Java stack level deeper, see BENCHMARKS.md).
     *
     * @param scope the scope the L2 was made in
     * @param owner the L1
     * @param renderedTags its tag manager's rendered tags (a lazy value)
     */
    static void tags(IConstruct scope, CfnResource owner, Object renderedTags) {
        TAG_CHECKS.computeIfAbsent(scope, s -> {
            TagCheck check = new TagCheck(s);
            s.getNode().addValidation(check);
            return check;
        }).add(owner, renderedTags);
    }

    private static final class TagCheck implements IValidation {
        private final IConstruct scope;
        /** Each L1's latest rendered tags (its {@code setTags} makes a new tag manager). */
        private final Map<CfnResource, Object> rendered = new LinkedHashMap<>();

        TagCheck(IConstruct scope) {
            this.scope = scope;
        }

        synchronized void add(CfnResource owner, Object renderedTags) {
            rendered.put(owner, renderedTags);
        }

        @Override
        public synchronized List<String> validate() {
            List<String> errors = new ArrayList<>();
            if (rendered.isEmpty()) {
                return errors;
            }
            List<CfnResource> owners = new ArrayList<>(rendered.keySet());
            Object resolved = Stack.of(scope).resolve(new ArrayList<>(rendered.values()));
            if (!(resolved instanceof List<?> all)) {
                return errors;
            }
            for (int i = 0; i < all.size() && i < owners.size(); i++) {
                if (!(all.get(i) instanceof List<?> tags)) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (Object tag : tags) {
                    if (tag instanceof Map<?, ?> m) {
                        Object key = m.get("Key");
                        Object value = m.get("Value");
                        // a token resolves to an intrinsic (not a string): its value is only known at deploy time
                        values.put(String.valueOf(key), value instanceof String v ? v : "");
                    }
                }
                List<String> found = tagErrors(values);
                if (!found.isEmpty()) {
                    String path = owners.get(i).getNode().getPath();
                    found.forEach(e -> errors.add(path + ": " + e));
                }
            }
            return errors;
        }
    }

    static List<String> tagErrors(Map<String, String> tags) {
        List<String> errors = new ArrayList<>();
        if (tags.size() > MAX_TAGS) {
            errors.add("tags must be at most " + MAX_TAGS + " per resource, got " + tags.size());
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (key.isEmpty() || key.length() > 128) {
                errors.add("tag key must be between 1 and 128 characters long, got " + key.length() + " characters: "
                        + show(key));
            } else if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                errors.add("tag key must not start with \"aws:\" (reserved for AWS), got " + show(key));
            }
            if (value.length() > 256 && !isUnresolved(value)) {
                errors.add("tag value must be at most 256 characters long, got " + value.length()
                        + " characters for key " + show(key));
            }
        }
        return errors;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
