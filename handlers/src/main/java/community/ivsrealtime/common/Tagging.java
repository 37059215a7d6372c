package community.ivsrealtime.common;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Tags, the same for all types: what to send on create, what changed on update, and what READ reports.
 *
 * <p>What the resource carries = stack tags, overridden by the resource's own {@code Tags} (the plugin merges
 * both into {@code desiredResourceTags}), plus the CloudFormation system tags ({@code aws:cloudformation:*}).
 *
 * <p>Keys starting with {@code aws:} are reserved: users cannot add, change or remove them, CloudFormation
 * sets them once at creation and never changes them. UPDATE therefore never sends them in TagResource or
 * UntagResource (also not when a request lacks the previous system tags), and READ never reports them.
 *
 * <p>READ decision: the model's {@code Tags} are the tags the service stores, minus the {@code aws:} system
 * tags, minus the stack-level tags the request carries (an entry whose key and value equal a stack tag and
 * that the model does not declare itself). A stack tag is not a property of the resource in the template, so
 * reporting it would make drift detection flag every stack tag and break input-equals-output for stacks
 * with tags. A tag a user added outside CloudFormation is reported, so drift on tags is detected. CREATE and
 * UPDATE return the desired model's {@code Tags} unchanged (the service just confirmed them).
 */
public final class Tagging {

    /** The reserved prefix of system tags. */
    public static final String SYSTEM_PREFIX = "aws:";

    /**
     * Tags an IVS resource can carry (model: {@code Tags} map max 50); {@code aws:} keys do not count, by AWS's
     * tagging rules (the tag restrictions of the AWS General Reference).
     */
    public static final int MAX_TAGS = 50;

    private Tagging() {
    }

    /** The tags to apply: stack + resource tags (from the plugin) + system tags. Never null. */
    public static Map<String, String> desiredTags(final ResourceHandlerRequest<?> request) {
        final Map<String, String> tags = new TreeMap<>();
        putAll(tags, request.getSystemTags());
        putAll(tags, request.getDesiredResourceTags());
        return tags;
    }

    /** The tags applied before this update: previous stack + resource tags + previous system tags. Never null. */
    public static Map<String, String> previousTags(final ResourceHandlerRequest<?> request) {
        final Map<String, String> tags = new TreeMap<>();
        putAll(tags, request.getPreviousSystemTags());
        putAll(tags, request.getPreviousResourceTags());
        return tags;
    }

    /** What one UPDATE must change: one TagResource with {@code toAdd}, one UntagResource with {@code toRemove}. */
    public record Diff(Map<String, String> toAdd, Set<String> toRemove) {
        public Diff {
            toAdd = Collections.unmodifiableMap(new TreeMap<>(toAdd));
            toRemove = Collections.unmodifiableSet(new TreeSet<>(toRemove));
        }

        public boolean isEmpty() {
            return toAdd.isEmpty() && toRemove.isEmpty();
        }
    }

    /** Added or changed keys go to TagResource, removed keys to UntagResource; {@code aws:} keys are left alone. */
    public static Diff diff(final Map<String, String> previous, final Map<String, String> desired) {
        final Map<String, String> before = previous == null ? Map.of() : previous;
        final Map<String, String> after = desired == null ? Map.of() : desired;
        final Map<String, String> toAdd = after.entrySet().stream()
            .filter(e -> !isSystem(e.getKey()))
            .filter(e -> !before.containsKey(e.getKey()) || !Objects.equals(before.get(e.getKey()), e.getValue()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        final Set<String> toRemove = before.keySet().stream()
            .filter(k -> !isSystem(k))
            .filter(k -> !after.containsKey(k))
            .collect(Collectors.toSet());
        return new Diff(toAdd, toRemove);
    }

    /**
     * The tags READ reports (see the class comment): service tags minus {@code aws:} tags minus the request's
     * stack-level tags. {@code modelTags} are the tags the request's model declares itself (may be null).
     * When nothing is left: null if the model has no {@code Tags} (it reads back without them), else an empty map
     * (a model that declares {@code Tags}, even {@code []}, reads back with the property: input equals output).
     */
    public static Map<String, String> reportedTags(final Map<String, String> serviceTags,
                                                   final ResourceHandlerRequest<?> request,
                                                   final Map<String, String> modelTags) {
        final Map<String, String> nothing = modelTags == null ? null : Map.of();
        if (serviceTags == null || serviceTags.isEmpty()) {
            return nothing;
        }
        final Map<String, String> own = modelTags == null ? Map.of() : modelTags;
        final Map<String, String> stackLevel = request == null || request.getDesiredResourceTags() == null
            ? Map.of() : request.getDesiredResourceTags();
        final Map<String, String> result = new TreeMap<>();
        serviceTags.forEach((key, value) -> {
            if (isSystem(key)) {
                return;
            }
            final boolean isStackTag = !own.containsKey(key) && Objects.equals(stackLevel.get(key), value);
            if (!isStackTag) {
                result.put(key, value);
            }
        });
        return result.isEmpty() ? nothing : result;
    }

    /**
     * Null, or why the tags the resource would carry ({@link #desiredTags}) are more than IVS allows: the
     * resource's own Tags ({@code modelTags}) and the stack's tags that CloudFormation adds, {@code aws:} keys not
     * counted. Checked before any call, so the message can say where the tags come from.
     */
    public static String overLimit(final ResourceHandlerRequest<?> request, final Map<String, String> modelTags) {
        final Map<String, String> desired = desiredTags(request);
        final long counted = desired.keySet().stream().filter(k -> !isSystem(k)).count();
        if (counted <= MAX_TAGS) {
            return null;
        }
        final Set<String> own = modelTags == null ? Set.of() : modelTags.keySet();
        final long fromStack = desired.keySet().stream().filter(k -> !isSystem(k) && !own.contains(k)).count();
        return "Tags: the resource would carry " + counted + " tags (" + (counted - fromStack)
            + " from its Tags property, " + fromStack + " from the stack's tags), but IVS allows at most " + MAX_TAGS
            + " per resource (keys starting with aws: are not counted)";
    }

    /** True for reserved system tag keys. */
    public static boolean isSystem(final String key) {
        return key != null && key.regionMatches(true, 0, SYSTEM_PREFIX, 0, SYSTEM_PREFIX.length());
    }

    /** A model's tag set as a map (null for null); a later duplicate key wins. */
    public static <T> Map<String, String> toMap(final Collection<T> tags, final Function<T, String> key,
                                                final Function<T, String> value) {
        if (tags == null) {
            return null;
        }
        final Map<String, String> map = new LinkedHashMap<>();
        for (final T tag : tags) {
            map.put(key.apply(tag), value.apply(tag) == null ? "" : value.apply(tag));
        }
        return map;
    }

    /** A tag map as a model's tag set (null for null or empty). */
    public static <T> Set<T> toSet(final Map<String, String> tags, final BiFunction<String, String, T> tag) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        return tags.entrySet().stream()
            .map(e -> tag.apply(e.getKey(), e.getValue()))
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The map to send with a create call: null when empty (the member is then left out). */
    public static Map<String, String> orNull(final Map<String, String> tags) {
        return tags == null || tags.isEmpty() ? null : tags;
    }

    private static void putAll(final Map<String, String> target, final Map<String, String> source) {
        if (source != null) {
            source.forEach((k, v) -> {
                if (k != null) {
                    target.put(k, v == null ? "" : v);
                }
            });
        }
    }
}
