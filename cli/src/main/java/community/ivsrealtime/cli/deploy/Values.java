package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares property values as CloudFormation sends them: scalars by their text ({@code "1920"} and {@code 1920}
 * are the same, since CloudFormation sends a private type's numbers and booleans as strings), objects member by
 * member, lists in order except {@code Tags} (a set: its schema says {@code insertionOrder: false}).
 */
final class Values {

    private Values() {
    }

    /** A difference at a property path ({@code Name}, {@code Video/Width}). */
    record Difference(String path, JsonNode expected, JsonNode actual) {
    }

    static boolean same(final JsonNode a, final JsonNode b) {
        return differences("", a, b, false).isEmpty();
    }

    /** The top-level properties whose values differ between {@code a} and {@code b} (absent counts). */
    static Set<String> changedProperties(final ObjectNode a, final ObjectNode b) {
        final Set<String> names = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        names.removeIf(name -> same(a.get(name), b.get(name)));
        return names;
    }

    /**
     * Where {@code actual} differs from {@code expected}. With {@code expectedOnly}, members absent from
     * {@code expected} are not compared (drift detection looks at what the template sets).
     */
    static List<Difference> differences(final String path, final JsonNode expected, final JsonNode actual,
                                        final boolean expectedOnly) {
        final List<Difference> out = new ArrayList<>();
        compare(path, expected, actual, expectedOnly, out);
        return out;
    }

    private static void compare(final String path, final JsonNode expected, final JsonNode actual,
                                final boolean expectedOnly, final List<Difference> out) {
        final boolean noExpected = expected == null || expected.isNull() || expected.isMissingNode();
        final boolean noActual = actual == null || actual.isNull() || actual.isMissingNode();
        if (noExpected || noActual) {
            if (noExpected != noActual && !(noExpected && expectedOnly)) {
                out.add(new Difference(path, expected, actual));
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            final Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            if (!expectedOnly) {
                actual.fieldNames().forEachRemaining(names::add);
            }
            for (final String name : names) {
                compare(path.isEmpty() ? name : path + "/" + name, expected.get(name), actual.get(name),
                    expectedOnly, out);
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            final boolean unordered = path.equals("Tags") || path.endsWith("/Tags");
            if (unordered ? !sameSet(expected, actual) : !sameList(expected, actual)) {
                out.add(new Difference(path, expected, actual));
            }
            return;
        }
        if (expected.isValueNode() && actual.isValueNode()) {
            if (!sameScalar(expected.asText(), actual.asText())) {
                out.add(new Difference(path, expected, actual));
            }
            return;
        }
        out.add(new Difference(path, expected, actual));
    }

    /** Equal text, or equal numbers ({@code 30} and {@code 30.0}). */
    private static boolean sameScalar(final String a, final String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return new java.math.BigDecimal(a.trim()).compareTo(new java.math.BigDecimal(b.trim())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean sameList(final JsonNode a, final JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameSet(final JsonNode a, final JsonNode b) {
        return a.size() == b.size() && counts(a).equals(counts(b));
    }

    private static Map<String, Integer> counts(final JsonNode list) {
        final Map<String, Integer> counts = new HashMap<>();
        list.forEach(item -> counts.merge(canonical(item), 1, Integer::sum));
        return counts;
    }

    /** A text form in which equal values (by {@link #same}) are equal strings. */
    private static String canonical(final JsonNode node) {
        if (node.isObject()) {
            final java.util.TreeMap<String, String> members = new java.util.TreeMap<>();
            node.fields().forEachRemaining(e -> members.put(e.getKey(), canonical(e.getValue())));
            return members.toString();
        }
        if (node.isArray()) {
            final List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            return items.toString();
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.asText();
    }

    /** The value at a dotted attribute path of a model ({@code Endpoints.Whip}), or null. */
    static JsonNode attribute(final JsonNode model, final String attribute) {
        JsonNode node = model;
        for (final String part : attribute.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }
}
