package community.ivsrealtime.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.TestSupport;
import community.ivsrealtime.emulator.TestSupport.EchoHandler;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Reads the shipped model and proves, over signed HTTP, that every operation is routed and that every constraint
 * on every member reachable from each operation's input is enforced: for each one a violating request is built
 * from an otherwise valid input, and the ValidationException must name the member path and the constraint.
 */
class ModelDrivenValidationTest {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ServiceModel MODEL = ServiceModel.get();
    static final EchoHandler HANDLER = new EchoHandler();
    @RegisterExtension
    static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create(IvsRealTimeEmulator.builder().handler(HANDLER));

    /**
     * One request that differs from the operation's valid request in exactly one member: a description, the
     * document, the message fragment the error must contain (null: the request must be accepted) and the number of
     * validation errors the message must report.
     */
    record Case(String operation, String description, ObjectNode input, String expected, int errors) {
    }

    /** A character outside the Basic Multilingual Plane: one code point, two UTF-16 units (Java chars). */
    static final String NON_BMP = new String(Character.toChars(0x1F3A5));

    @Test
    void theModelHas39OperationsAndEveryOneIsRoutedAndAcceptsAValidInput() {
        assertThat(MODEL.operations()).hasSize(39);
        for (OperationModel op : MODEL.operations().values()) {
            ObjectNode input = validStructure(op.inputShape(), 0);
            int before = HANDLER.operations.size();
            TestSupport.Raw r = send(op, input);
            assertThat(r.status()).as(op.name() + " " + r.body()).isEqualTo(200);
            assertThat(HANDLER.operations.subList(before, HANDLER.operations.size())).containsExactly(op.name());
            ObjectNode received = HANDLER.inputs.get(HANDLER.inputs.size() - 1);
            assertThat(received).as(op.name()).isEqualTo(input);
        }
    }

    @Test
    void anEmptyRequestReachesValidationNotUnknownOperation() {
        for (OperationModel op : MODEL.operations().values()) {
            if (op.hasLabels()) {
                continue; // a label cannot be empty in a path; covered by the valid-input test
            }
            TestSupport.Raw r = TestSupport.sendSigned(ivs, op.method(), op.uriTemplate(), "{}");
            List<String> required = new ArrayList<>();
            MODEL.shape(op.inputShape()).path("required").forEach(n -> required.add(n.asText()));
            if (required.isEmpty()) {
                assertThat(r.status()).as(op.name()).isEqualTo(200);
            } else {
                assertThat(r.status()).as(op.name()).isEqualTo(400);
                assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
                String message = r.json().get("message").asText();
                assertThat(message).startsWith(required.size() + " validation error");
                required.forEach(m -> assertThat(message)
                        .contains("Value null at '" + m + "' failed to satisfy constraint: Member must not be null"));
            }
        }
    }

    /** All cases, each checked to differ from its operation's valid request in exactly one member. */
    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (OperationModel op : MODEL.operations().values()) {
            ObjectNode valid = validStructure(op.inputShape(), 0);
            int before = cases.size();
            structureViolations(op, op.inputShape(), valid, valid, List.of(), "", cases);
            for (Case c : cases.subList(before, cases.size())) {
                assertThat(differences(op.inputShape(), valid, c.input())).as(c.operation() + ": " + c.description()).isEqualTo(1);
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryReachableMemberIsEnforced() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(300);
        assertThat(cases.stream().filter(c -> c.expected() != null).map(Case::expected)
                .map(ModelDrivenValidationTest::kind).distinct())
                .contains("not be null", "length less", "length greater", "regular expression", "enum", "value less",
                        "value greater", "be a string", "an integer", "a number", "a boolean", "a list", "a map",
                        "a structure", "Map keys");
        Map<String, Long> byKind = new java.util.TreeMap<>();
        cases.forEach(c -> byKind.merge(c.expected() == null ? "accepted (at the limit)" : kind(c.expected()), 1L, Long::sum));
        long single = cases.stream().filter(c -> c.errors() == 1).count();
        long nonBmp = cases.stream().filter(c -> c.input().toString().contains(NON_BMP)).count();
        System.out.printf("ModelDrivenValidationTest: %d cases over %d operations, each differing from a valid request "
                        + "in exactly one member; %d must be refused (%d with exactly one violation, %d whose boundary "
                        + "value also breaks the member's pattern), %d accepted at the limit; %d with characters outside "
                        + "the BMP; by kind: %s%n", cases.size(), MODEL.operations().size(),
                cases.stream().filter(c -> c.expected() != null).count(), single,
                cases.stream().filter(c -> c.errors() > 1).count(), byKind.get("accepted (at the limit)"), nonBmp,
                byKind);
        assertThat(nonBmp).isGreaterThan(10);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.description(), () -> {
            TestSupport.Raw r = send(MODEL.operation(c.operation()), c.input());
            if (c.expected() == null) {
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                return;
            }
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
            assertThat(r.json().get("__type").asText()).isEqualTo("ValidationException");
            assertThat(r.json().get("message").asText()).contains(c.expected())
                    .startsWith(c.errors() + (c.errors() == 1 ? " validation error detected: " : " validation errors detected: "));
            assertThat(r.json().get("exceptionMessage").asText()).isEqualTo(r.json().get("message").asText());
        }));
    }

    private static String kind(String expected) {
        for (String k : List.of("Map keys", "not be null", "length less", "length greater", "regular expression", "enum",
                "value less", "value greater", "be a string", "an integer", "a number", "a boolean", "a list",
                "a map", "a structure")) {
            if (expected.contains(k)) {
                return k;
            }
        }
        return expected;
    }

    // ---- sending: label and query members go into the URI, the rest into the JSON body ----

    static TestSupport.Raw send(OperationModel op, ObjectNode input) {
        ObjectNode body = input.deepCopy();
        StringBuilder path = new StringBuilder();
        for (String segment : op.pathSegments()) {
            path.append('/');
            if (OperationModel.isLabel(segment)) {
                String member = op.labelMembers().get(OperationModel.labelName(segment));
                path.append(SdkHttpUtils.urlEncode(body.remove(member).asText()));
            } else {
                path.append(segment);
            }
        }
        List<String> query = new ArrayList<>();
        op.queryMembers().forEach((param, member) -> {
            JsonNode value = body.remove(member);
            if (value != null) {
                (value.isArray() ? value : F.arrayNode().add(value)).forEach(v ->
                        query.add(SdkHttpUtils.urlEncode(param) + "=" + SdkHttpUtils.urlEncode(v.asText())));
            }
        });
        String uri = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        boolean hasBody = op.method().equals("POST");
        return TestSupport.sendSigned(ivs, op.method(), uri, hasBody ? body.toString() : null);
    }

    static boolean inUri(OperationModel op, String path) {
        return op.labelMembers().containsValue(path) || op.queryMembers().containsValue(path.split("\\.")[0]);
    }

    // ---- valid values ----

    static ObjectNode validStructure(String shapeName, int depth) {
        ObjectNode node = F.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = MODEL.shape(shapeName).path("members").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> m = it.next();
            if (m.getValue().has("location") && m.getValue().get("location").asText().equals("header")) {
                continue;
            }
            node.set(m.getKey(), valid(m.getValue().path("shape").asText(), depth + 1));
        }
        return node;
    }

    static JsonNode valid(String shapeName, int depth) {
        assertThat(depth).as("model recursion").isLessThan(20);
        JsonNode shape = MODEL.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure":
                return validStructure(shapeName, depth);
            case "list": {
                ArrayNode array = F.arrayNode();
                int n = Math.max(1, shape.path("min").asInt(0));
                for (int i = 0; i < n; i++) {
                    array.add(valid(shape.path("member").path("shape").asText(), depth + 1));
                }
                return array;
            }
            case "map": {
                ObjectNode map = F.objectNode();
                map.set(validString(shape.path("key").path("shape").asText()),
                        valid(shape.path("value").path("shape").asText(), depth + 1));
                return map;
            }
            case "string":
                return TextNode.valueOf(validString(shapeName));
            case "integer":
            case "long":
                return IntNode.valueOf(shape.has("min") ? shape.get("min").asInt() : 1);
            case "float":
            case "double":
                return F.numberNode(shape.has("min") ? shape.get("min").asDouble() : 1.5);
            case "boolean":
                return F.booleanNode(true);
            case "timestamp":
                return TextNode.valueOf("2025-01-02T03:04:05Z");
            default:
                throw new AssertionError("unexpected shape type in an input: " + shapeName);
        }
    }

    static final Pattern ARN = Pattern.compile("arn:aws:ivs:\\[a-z0-9-\\]\\+:\\[0-9\\]\\+:([a-z-]+)/.*");

    static String validString(String shapeName) {
        JsonNode shape = MODEL.shape(shapeName);
        if (shape.has("enum")) {
            return shape.get("enum").get(0).asText();
        }
        int min = shape.path("min").asInt(0);
        String sample = "sample";
        Pattern pattern = MODEL.pattern(shapeName);
        if (pattern != null) {
            String p = pattern.pattern().replace("^$|^", "").replace("$", "");
            Matcher arn = ARN.matcher(p);
            if (arn.matches()) {
                sample = "arn:aws:ivs:us-east-1:123456789012:" + arn.group(1) + "/abcdABCDefgh";
            } else if (p.equals(ServiceModel.FIXED_RESOURCE_ARN_PATTERN)) {
                sample = "arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh";
            } else if (p.startsWith("st-")) {
                sample = "st-a1b2c3d4e5f6g";
            } else if (p.contains("BEGIN PUBLIC KEY")) {
                sample = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n";
            } else if (p.startsWith("rt_")) {
                sample = "rt_123456789012_us-east-1_abcd_secret";
            }
        }
        StringBuilder s = new StringBuilder(sample);
        while (s.length() < min) {
            s.append('a');
        }
        String value = s.toString();
        if (shape.has("max") && value.length() > shape.get("max").asInt()) {
            value = value.substring(0, shape.get("max").asInt());
        }
        assertThat(pattern == null || pattern.matcher(value).matches()).as(shapeName + " sample " + value).isTrue();
        return value;
    }

    // ---- violations: each case is the valid request with one value replaced (or removed) ----

    /** Where a value sits in the request: field names and list indexes from the root. */
    static ObjectNode replaced(ObjectNode valid, List<Object> at, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        JsonNode parent = copy;
        for (Object step : at.subList(0, at.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = at.get(at.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else if (value == null) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    static List<Object> step(List<Object> at, Object next) {
        List<Object> more = new ArrayList<>(at);
        more.add(next);
        return List.copyOf(more);
    }

    /**
     * In how many members two inputs of the shape differ: structures are compared member by member, lists of the
     * same size element by element, maps with the same keys value by value; anything else that differs counts once.
     */
    static int differences(String shapeName, JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b ? 0 : 1;
        }
        if (a.equals(b)) {
            return 0;
        }
        JsonNode shape = MODEL.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> {
                if (a.isObject() && b.isObject()) {
                    int n = 0;
                    Iterator<Map.Entry<String, JsonNode>> it = shape.path("members").fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> m = it.next();
                        n += differences(m.getValue().path("shape").asText(), a.get(m.getKey()), b.get(m.getKey()));
                    }
                    return n;
                }
            }
            case "list" -> {
                if (a.isArray() && b.isArray() && a.size() == b.size()) {
                    int n = 0;
                    for (int k = 0; k < a.size(); k++) {
                        n += differences(shape.path("member").path("shape").asText(), a.get(k), b.get(k));
                    }
                    return n;
                }
            }
            case "map" -> {
                if (a.isObject() && b.isObject() && a.size() == b.size()) {
                    java.util.Set<String> ka = new java.util.TreeSet<>();
                    java.util.Set<String> kb = new java.util.TreeSet<>();
                    a.fieldNames().forEachRemaining(ka::add);
                    b.fieldNames().forEachRemaining(kb::add);
                    if (ka.equals(kb)) {
                        int n = 0;
                        for (String k : ka) {
                            n += differences(shape.path("value").path("shape").asText(), a.get(k), b.get(k));
                        }
                        return n;
                    }
                }
            }
            default -> {
            }
        }
        return 1;
    }

    /** Length as IVS (Smithy's length trait) counts it: Unicode code points, not UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The first {@code n} code points of {@code text}. */
    static String prefix(String text, int n) {
        return text.substring(0, text.offsetByCodePoints(0, n));
    }

    /** The validation errors a string value of the shape has (enum, max, min, pattern), as the endpoint lists them. */
    static int stringErrors(String shapeName, String text) {
        JsonNode shape = MODEL.shape(shapeName);
        int n = 0;
        if (shape.has("enum")) {
            boolean known = false;
            for (JsonNode e : shape.get("enum")) {
                known |= e.asText().equals(text);
            }
            n += known ? 0 : 1;
        }
        n += shape.has("max") && length(text) > shape.get("max").asInt() ? 1 : 0;
        n += shape.has("min") && length(text) < shape.get("min").asInt() ? 1 : 0;
        Pattern pattern = MODEL.pattern(shapeName);
        n += pattern != null && !pattern.matcher(text).matches() ? 1 : 0;
        return n;
    }

    /** {@code valid} padded to exactly {@code length} code points with a character its pattern allows, if one does. */
    static String padded(String shapeName, String valid, int length, String filler) {
        Pattern pattern = MODEL.pattern(shapeName);
        String first = null;
        for (String pad : filler == null ? List.of("a", "0", "A", "-") : List.of(filler)) {
            StringBuilder b = new StringBuilder(prefix(valid, Math.min(length(valid), length)));
            while (length(b.toString()) < length) {
                b.append(pad);
            }
            String candidate = b.toString();
            if (pattern == null || pattern.matcher(candidate).matches()) {
                return candidate;
            }
            first = first == null ? candidate : first;
        }
        return first;
    }

    /** Adds the violations of the structure at {@code at} (whose valid value is {@code node}). */
    static void structureViolations(OperationModel op, String shapeName, ObjectNode root, ObjectNode node,
                                    List<Object> at, String path, List<Case> cases) {
        JsonNode shape = MODEL.shape(shapeName);
        for (JsonNode required : shape.path("required")) {
            String child = child(path, required.asText());
            if (op.labelMembers().containsValue(child)) {
                continue; // a path label cannot be absent
            }
            cases.add(new Case(op.name(), "required " + child, replaced(root, step(at, required.asText()), null),
                    "Value null at '" + child + "' failed to satisfy constraint: Member must not be null", 1));
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String memberShape = shape.path("members").path(name).path("shape").asText();
            memberViolations(op, memberShape, root, node.get(name), step(at, name), child(path, name), cases);
        }
    }

    /** Adds the violations of one value: each replaces the valid value at {@code at} and nothing else. */
    static void memberViolations(OperationModel op, String shapeName, ObjectNode root, JsonNode validValue,
                                 List<Object> at, String path, List<Case> cases) {
        JsonNode shape = MODEL.shape(shapeName);
        String type = shape.path("type").asText();
        boolean uri = inUri(op, path);
        String at2 = "at '" + path + "' failed to satisfy constraint: ";
        java.util.function.BiConsumer<String, Object[]> add = (what, valueExpectedErrors) -> cases.add(new Case(op.name(),
                what + " " + path, replaced(root, at, (JsonNode) valueExpectedErrors[0]), (String) valueExpectedErrors[1],
                (Integer) valueExpectedErrors[2]));
        switch (type) {
            case "string" -> {
                String text = validValue.asText();
                int max = shape.path("max").asInt(-1);
                int min = shape.path("min").asInt(0);
                if (max >= 0) {
                    String tooLong = padded(shapeName, text, max + 1, null);
                    add.accept("too long (max+1 = " + (max + 1) + ")", new Object[] {TextNode.valueOf(tooLong),
                            at2 + "Member must have length less than or equal to " + max, stringErrors(shapeName, tooLong)});
                    // outside the BMP: max code points (2 x max UTF-16 units) pass, max+1 do not
                    String atMax = padded(shapeName, "", max, NON_BMP);
                    if (stringErrors(shapeName, atMax) == 0 && max > 0) {
                        add.accept("at max with characters outside the BMP (" + max + " code points, " + atMax.length()
                                + " UTF-16 units)", new Object[] {TextNode.valueOf(atMax), null, 0});
                        String over = atMax + NON_BMP;
                        add.accept("max+1 characters outside the BMP", new Object[] {TextNode.valueOf(over),
                                at2 + "Member must have length less than or equal to " + max, stringErrors(shapeName, over)});
                    }
                }
                if (min > 0) {
                    String tooShort = prefix(text, min - 1);
                    add.accept("too short (min-1 = " + (min - 1) + ")", new Object[] {TextNode.valueOf(tooShort),
                            at2 + "Member must have length greater than or equal to " + min, stringErrors(shapeName, tooShort)});
                    if (min > 1 && shape.has("max") && MODEL.pattern(shapeName) == null) {
                        // min-1 code points outside the BMP are 2 x (min-1) UTF-16 units, maybe >= min: still too short
                        String shortWide = NON_BMP.repeat(min - 1);
                        add.accept("min-1 characters outside the BMP", new Object[] {TextNode.valueOf(shortWide),
                                at2 + "Member must have length greater than or equal to " + min,
                                stringErrors(shapeName, shortWide)});
                    }
                }
                Pattern pattern = MODEL.pattern(shapeName);
                if (pattern != null) {
                    String bad = "!".repeat(Math.max(1, min));
                    add.accept("pattern", new Object[] {TextNode.valueOf(bad),
                            at2 + "Member must satisfy regular expression pattern: " + pattern.pattern(),
                            stringErrors(shapeName, bad)});
                }
                if (shape.has("enum")) {
                    add.accept("enum", new Object[] {TextNode.valueOf("NOT_A_VALUE"),
                            at2 + "Member must satisfy enum value set: [", stringErrors(shapeName, "NOT_A_VALUE")});
                }
                if (!uri) {
                    add.accept("type", new Object[] {IntNode.valueOf(123), "Value '123' " + at2 + "Member must be a string", 1});
                }
            }
            case "integer", "long", "float", "double" -> {
                boolean integral = type.equals("integer") || type.equals("long");
                java.math.BigDecimal step = integral ? java.math.BigDecimal.ONE : new java.math.BigDecimal("0.001");
                if (shape.has("max")) {
                    add.accept("above max", new Object[] {F.numberNode(shape.get("max").decimalValue().add(step)),
                            at2 + "Member must have value less than or equal to " + shape.get("max").asText(), 1});
                }
                if (shape.has("min")) {
                    add.accept("below min", new Object[] {F.numberNode(shape.get("min").decimalValue().subtract(step)),
                            at2 + "Member must have value greater than or equal to " + shape.get("min").asText(), 1});
                }
                add.accept("type", new Object[] {TextNode.valueOf("12"),
                        "Value '12' " + at2 + (integral ? "Member must be an integer" : "Member must be a number"), 1});
                if (integral) {
                    add.accept("fraction", new Object[] {F.numberNode(new java.math.BigDecimal("2.5")),
                            at2 + "Member must be an integer", 1});
                }
            }
            case "boolean" -> add.accept("type", new Object[] {TextNode.valueOf("true"), at2 + "Member must be a boolean", 1});
            case "list" -> {
                JsonNode element = validValue.get(0);
                if (shape.has("max")) {
                    ArrayNode many = F.arrayNode();
                    for (int i = 0; i <= shape.get("max").asInt(); i++) {
                        many.add(element.isTextual() && uri ? TextNode.valueOf("k" + i) : element);
                    }
                    add.accept("too many (max+1)", new Object[] {many,
                            at2 + "Member must have length less than or equal to " + shape.get("max").asInt(), 1});
                }
                if (shape.path("min").asInt(0) > 0) {
                    ArrayNode few = F.arrayNode();
                    for (int i = 0; i < shape.get("min").asInt() - 1; i++) {
                        few.add(element);
                    }
                    add.accept("too few (min-1)", new Object[] {few,
                            at2 + "Member must have length greater than or equal to " + shape.get("min").asInt(), 1});
                }
                if (!uri) {
                    add.accept("type", new Object[] {F.objectNode(), at2 + "Member must be a list", 1});
                }
                memberViolations(op, shape.path("member").path("shape").asText(), root, element, step(at, 0),
                        path + ".0", cases);
            }
            case "map" -> {
                String key = validValue.fieldNames().next();
                JsonNode value = validValue.get(key);
                if (shape.has("max")) {
                    ObjectNode many = F.objectNode();
                    for (int i = 0; i <= shape.get("max").asInt(); i++) {
                        many.set("k" + i, value);
                    }
                    add.accept("too many (max+1)", new Object[] {many,
                            at2 + "Member must have length less than or equal to " + shape.get("max").asInt(), 1});
                }
                add.accept("type", new Object[] {F.arrayNode(), at2 + "Member must be a map", 1});
                String keyShapeName = shape.path("key").path("shape").asText();
                JsonNode keyShape = MODEL.shape(keyShapeName);
                if (keyShape.has("max")) {
                    int max = keyShape.get("max").asInt();
                    String longKey = padded(keyShapeName, key, max + 1, null);
                    add.accept("key too long (max+1)", new Object[] {F.objectNode().set(longKey, value),
                            at2 + "Map keys must have length less than or equal to " + max,
                            stringErrors(keyShapeName, longKey)});
                    String wideKey = padded(keyShapeName, "", max, NON_BMP);
                    if (stringErrors(keyShapeName, wideKey) == 0) {
                        add.accept("key at max with characters outside the BMP", new Object[] {
                                F.objectNode().set(wideKey, value), null, 0});
                        add.accept("key max+1 characters outside the BMP", new Object[] {
                                F.objectNode().set(wideKey + NON_BMP, value),
                                at2 + "Map keys must have length less than or equal to " + max,
                                stringErrors(keyShapeName, wideKey + NON_BMP)});
                    }
                }
                if (keyShape.path("min").asInt(0) > 0) {
                    add.accept("key too short", new Object[] {F.objectNode().set("", value),
                            at2 + "Map keys must have length greater than or equal to " + keyShape.get("min").asInt(),
                            stringErrors(keyShapeName, "")});
                }
                memberViolations(op, shape.path("value").path("shape").asText(), root, value, step(at, key),
                        path + "." + key, cases);
            }
            case "structure" -> {
                add.accept("type", new Object[] {TextNode.valueOf("x"), at2 + "Member must be a structure", 1});
                structureViolations(op, shapeName, root, (ObjectNode) validValue, at, path, cases);
            }
            default -> {
            }
        }
    }

    static String child(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }
}
