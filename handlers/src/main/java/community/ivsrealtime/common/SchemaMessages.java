package community.ivsrealtime.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes the plugin's schema-validation message. The plugin reports a broken constraint as
 * {@code #/Tags/0/Key: failed validation constraint for keyword [pattern]}: the property, but neither the value
 * nor the rule. Each such line gets both from the request's properties and the type's schema, e.g.
 * {@code #/Name: failed validation constraint for keyword [pattern] (value "my stage"; must match
 * ^[a-zA-Z0-9-_]*$)}. Every other line is left as it is. The values are the request's own template input, never
 * a read-only value such as a stream key, and long ones are shortened.
 */
public final class SchemaMessages {

    private static final Pattern CONSTRAINT = Pattern.compile(
        "(#(?:/[^:\\s]*)?): failed validation constraint for keyword \\[(\\w+)\\]");
    private static final int MAX_VALUE_CHARS = 80;

    private SchemaMessages() {
    }

    /** {@code message} with the value and the rule after each broken constraint it names. */
    public static String explain(final String message, final JsonNode properties, final JsonNode schema) {
        if (message == null || properties == null || schema == null) {
            return message;
        }
        final Matcher m = CONSTRAINT.matcher(message);
        final StringBuilder out = new StringBuilder();
        while (m.find()) {
            final List<String> path = segments(m.group(1));
            final String detail = detail(m.group(2), value(properties, path), rule(schema, path));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group() + detail));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String detail(final String keyword, final JsonNode value, final JsonNode rule) {
        final List<String> parts = new ArrayList<>();
        if (value != null && !value.isMissingNode()) {
            final String text = value.toString();
            parts.add("value " + (text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "..." : text));
        }
        final String expected = rule == null ? null : expected(keyword, rule);
        if (expected != null) {
            parts.add(expected);
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    private static String expected(final String keyword, final JsonNode rule) {
        return switch (keyword) {
            case "pattern" -> "must match " + rule.path("pattern").asText();
            case "minLength", "maxLength" -> "length must be " + range(rule, "minLength", "maxLength") + " characters";
            case "minimum", "maximum" -> "must be " + range(rule, "minimum", "maximum");
            case "minItems", "maxItems" -> "must have " + range(rule, "minItems", "maxItems") + " items";
            case "enum" -> "must be one of " + rule.path("enum");
            case "uniqueItems" -> "items must be unique";
            default -> null;
        };
    }

    private static String range(final JsonNode rule, final String min, final String max) {
        if (rule.has(min) && rule.has(max)) {
            return rule.get(min).asText() + " to " + rule.get(max).asText();
        }
        return rule.has(min) ? "at least " + rule.get(min).asText() : "at most " + rule.path(max).asText();
    }

    /** {@code #/Tags/0/Key} as [Tags, 0, Key] (JSON-pointer escapes undone). */
    private static List<String> segments(final String pointer) {
        final List<String> segments = new ArrayList<>();
        for (final String s : pointer.substring(1).split("/")) {
            if (!s.isEmpty()) {
                segments.add(s.replace("~1", "/").replace("~0", "~"));
            }
        }
        return segments;
    }

    private static JsonNode value(final JsonNode properties, final List<String> path) {
        JsonNode node = properties;
        for (final String segment : path) {
            node = node.isArray() ? node.path(index(segment)) : node.path(segment);
        }
        return node;
    }

    /** The schema node that states the rules for {@code path}, or null where the path leaves the schema. */
    private static JsonNode rule(final JsonNode schema, final List<String> path) {
        JsonNode node = schema;
        for (final String segment : path) {
            node = child(resolve(schema, node), segment);
            if (node == null) {
                return null;
            }
        }
        return resolve(schema, node);
    }

    /**
     * The schema node for member {@code segment} of a value that {@code node} (resolved) describes: an array's
     * items, an object's property, or a map's single pattern property; null where the schema has none.
     */
    static JsonNode child(final JsonNode node, final String segment) {
        if (node.has("items") && index(segment) >= 0) {
            return node.get("items");
        }
        if (node.path("properties").has(segment)) {
            return node.get("properties").get(segment);
        }
        if (node.path("patternProperties").size() == 1) {
            return node.get("patternProperties").elements().next();
        }
        return null;
    }

    /** {@code node}, or the definition its {@code $ref} names. */
    static JsonNode resolve(final JsonNode schema, final JsonNode node) {
        final String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? schema.at(ref.substring(1)) : node;
    }

    private static int index(final String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
