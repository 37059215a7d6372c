package community.ivsrealtime.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Checks the JSON bodies of the admin API (faults, simulate actions): every member must be known and of its
 * type, so a typo or a wrongly typed value is a ValidationException naming the member, the expected type and the
 * value, never a silent default. A JSON {@code null} is a wrong type too.
 */
public final class AdminInput {
    /** The type a member must have: a description for messages and the test. */
    public record Kind(String description, Predicate<JsonNode> accepts) {
    }

    public static final Kind STRING = new Kind("a string", JsonNode::isTextual);
    public static final Kind BOOLEAN = new Kind("true or false", JsonNode::isBoolean);
    public static final Kind WHOLE_NUMBER = new Kind("a whole number",
            n -> n.isIntegralNumber() && n.canConvertToInt());
    public static final Kind NUMBER = new Kind("a number", JsonNode::isNumber);
    public static final Kind STRING_MAP = new Kind("an object with string values",
            n -> n.isObject() && all(n.elements(), JsonNode::isTextual));

    private AdminInput() {
    }

    /** A string that is one of the given values. */
    public static Kind oneOf(String... values) {
        List<String> allowed = List.of(values);
        return new Kind("one of " + allowed, n -> n.isTextual() && allowed.contains(n.textValue()));
    }

    /** A JSON array whose elements are all of the given kind ({@code elements} describes them, plural). */
    public static Kind listOf(String elements, Kind element) {
        return new Kind("a list of " + elements, n -> n.isArray() && all(n.elements(), element.accepts()));
    }

    /**
     * Checks that {@code body} has only the given members, each of its kind.
     *
     * @param what    what the body describes, for messages ({@code fault}, {@code join})
     * @param members the known members and their kinds
     * @throws IvsException ValidationException naming the first unknown or wrongly typed member
     */
    public static void check(String what, JsonNode body, Map<String, Kind> members) {
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> member = it.next();
            Kind kind = members.get(member.getKey());
            if (kind == null) {
                throw IvsException.validation("unknown " + what + " member '" + member.getKey() + "'; known: "
                        + new TreeSet<>(members.keySet()));
            }
            check(what, member.getKey(), member.getValue(), kind);
        }
    }

    /** Checks one member's value. */
    public static void check(String what, String name, JsonNode value, Kind kind) {
        if (value == null || !kind.accepts().test(value)) {
            throw IvsException.validation(what + " member " + name + " must be " + kind.description() + ", got "
                    + value);
        }
    }

    private static boolean all(Iterator<JsonNode> elements, Predicate<JsonNode> test) {
        while (elements.hasNext()) {
            if (!test.test(elements.next())) {
                return false;
            }
        }
        return true;
    }
}
