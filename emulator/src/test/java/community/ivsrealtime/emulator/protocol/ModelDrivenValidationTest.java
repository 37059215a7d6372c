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
import java.util.function.Consumer;
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

    /** One violating input: a description, the document, and the message fragment the error must contain. */
    record Case(String operation, String description, ObjectNode input, String expected) {
    }

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

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryReachableMemberIsEnforced() {
        List<Case> cases = new ArrayList<>();
        for (OperationModel op : MODEL.operations().values()) {
            ObjectNode valid = validStructure(op.inputShape(), 0);
            violations(op, op.inputShape(), valid, valid, "", cases);
        }
        assertThat(cases).hasSizeGreaterThan(300);
        assertThat(cases.stream().map(Case::expected).map(ModelDrivenValidationTest::kind).distinct())
                .contains("not be null", "length less", "length greater", "regular expression", "enum", "value less",
                        "value greater", "be a string", "an integer", "a number", "a boolean", "a list", "a map",
                        "a structure", "Map keys");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.description(), () -> {
            TestSupport.Raw r = send(MODEL.operation(c.operation()), c.input());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
            assertThat(r.json().get("__type").asText()).isEqualTo("ValidationException");
            assertThat(r.json().get("message").asText()).contains(c.expected()).matches("\\d+ validation errors? detected: .*");
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

    // ---- violations ----

    /** Adds every violation of the structure at {@code path} (whose valid value is {@code node}). */
    static void violations(OperationModel op, String shapeName, ObjectNode root, ObjectNode node, String path,
                           List<Case> cases) {
        JsonNode shape = MODEL.shape(shapeName);
        for (JsonNode required : shape.path("required")) {
            String child = child(path, required.asText());
            if (op.labelMembers().containsValue(child)) {
                continue; // a path label cannot be absent
            }
            cases.add(mutate(op, root, node, required.asText(), null, "required " + child,
                    "Value null at '" + child + "' failed to satisfy constraint: Member must not be null"));
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        it.forEachRemaining(members::add);
        for (Map.Entry<String, JsonNode> m : members) {
            String memberShape = shape.path("members").path(m.getKey()).path("shape").asText();
            String child = child(path, m.getKey());
            memberViolations(op, memberShape, root, v -> node.set(m.getKey(), v), () -> node.set(m.getKey(),
                    m.getValue()), m.getValue(), child, cases);
        }
    }

    /** Violations of one value: {@code set} puts a replacement in place, {@code restore} puts the valid one back. */
    static void memberViolations(OperationModel op, String shapeName, ObjectNode root, Consumer<JsonNode> set,
                                 Runnable restore, JsonNode validValue, String path, List<Case> cases) {
        JsonNode shape = MODEL.shape(shapeName);
        String type = shape.path("type").asText();
        boolean uri = inUri(op, path);
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        Map<String, String> expect = new LinkedHashMap<>();
        String at = "at '" + path + "' failed to satisfy constraint: ";
        switch (type) {
            case "string" -> {
                int max = shape.path("max").asInt(-1);
                int min = shape.path("min").asInt(0);
                if (max >= 0) {
                    bad.put("too long", TextNode.valueOf(validValue.asText() + "a".repeat(max + 1)));
                    expect.put("too long", at + "Member must have length less than or equal to " + max);
                }
                if (min > 0) {
                    bad.put("too short", TextNode.valueOf(validValue.asText().substring(0, min - 1)));
                    expect.put("too short", at + "Member must have length greater than or equal to " + min);
                }
                Pattern pattern = MODEL.pattern(shapeName);
                if (pattern != null) {
                    int len = Math.max(1, min);
                    bad.put("pattern", TextNode.valueOf("!".repeat(len)));
                    expect.put("pattern", at + "Member must satisfy regular expression pattern: " + pattern.pattern());
                }
                if (shape.has("enum")) {
                    bad.put("enum", TextNode.valueOf("NOT_A_VALUE"));
                    expect.put("enum", at + "Member must satisfy enum value set: [");
                }
                if (!uri) {
                    bad.put("type", IntNode.valueOf(123));
                    expect.put("type", "Value '123' " + at + "Member must be a string");
                }
            }
            case "integer", "long", "float", "double" -> {
                boolean integral = type.equals("integer") || type.equals("long");
                if (shape.has("max")) {
                    bad.put("above max", F.numberNode(shape.get("max").decimalValue().add(java.math.BigDecimal.ONE)));
                    expect.put("above max", at + "Member must have value less than or equal to " + shape.get("max").asText());
                }
                if (shape.has("min")) {
                    bad.put("below min", F.numberNode(shape.get("min").decimalValue().subtract(java.math.BigDecimal.ONE)));
                    expect.put("below min", at + "Member must have value greater than or equal to " + shape.get("min").asText());
                }
                bad.put("type", TextNode.valueOf("12"));
                expect.put("type", "Value '12' " + at + (integral ? "Member must be an integer" : "Member must be a number"));
                if (integral) {
                    bad.put("fraction", F.numberNode(new java.math.BigDecimal("2.5")));
                    expect.put("fraction", at + "Member must be an integer");
                }
            }
            case "boolean" -> {
                bad.put("type", TextNode.valueOf("true"));
                expect.put("type", at + "Member must be a boolean");
            }
            case "list" -> {
                JsonNode element = validValue.get(0);
                if (shape.has("max")) {
                    ArrayNode many = F.arrayNode();
                    for (int i = 0; i <= shape.get("max").asInt(); i++) {
                        many.add(element.isTextual() && uri ? TextNode.valueOf("k" + i) : element);
                    }
                    bad.put("too many", many);
                    expect.put("too many", at + "Member must have length less than or equal to " + shape.get("max").asInt());
                }
                if (shape.path("min").asInt(0) > 0) {
                    ArrayNode few = F.arrayNode();
                    for (int i = 0; i < shape.get("min").asInt() - 1; i++) {
                        few.add(element);
                    }
                    bad.put("too few", few);
                    expect.put("too few", at + "Member must have length greater than or equal to " + shape.get("min").asInt());
                }
                if (!uri) {
                    bad.put("type", F.objectNode());
                    expect.put("type", at + "Member must be a list");
                }
                // the first element's own constraints
                ArrayNode array = (ArrayNode) validValue;
                memberViolations(op, shape.path("member").path("shape").asText(), root, v -> {
                    ArrayNode copy = array.deepCopy();
                    copy.set(0, v);
                    set.accept(copy);
                }, restore, element, path + ".0", cases);
            }
            case "map" -> {
                String key = validValue.fieldNames().next();
                JsonNode value = validValue.get(key);
                if (shape.has("max")) {
                    ObjectNode many = F.objectNode();
                    for (int i = 0; i <= shape.get("max").asInt(); i++) {
                        many.set("k" + i, value);
                    }
                    bad.put("too many", many);
                    expect.put("too many", at + "Member must have length less than or equal to " + shape.get("max").asInt());
                }
                bad.put("type", F.arrayNode());
                expect.put("type", at + "Member must be a map");
                JsonNode keyShape = MODEL.shape(shape.path("key").path("shape").asText());
                if (keyShape.has("max")) {
                    bad.put("key too long", F.objectNode().set("k".repeat(keyShape.get("max").asInt() + 1), value));
                    expect.put("key too long", at + "Map keys must have length less than or equal to " + keyShape.get("max").asInt());
                }
                if (keyShape.path("min").asInt(0) > 0) {
                    bad.put("key too short", F.objectNode().set("", value));
                    expect.put("key too short", at + "Map keys must have length greater than or equal to " + keyShape.get("min").asInt());
                }
                memberViolations(op, shape.path("value").path("shape").asText(), root, v -> {
                    ObjectNode copy = F.objectNode();
                    copy.set(key, v);
                    set.accept(copy);
                }, restore, value, path + "." + key, cases);
            }
            case "structure" -> {
                bad.put("type", TextNode.valueOf("x"));
                expect.put("type", at + "Member must be a structure");
                violations(op, shapeName, root, (ObjectNode) validValue, path, cases);
            }
            default -> {
            }
        }
        bad.forEach((what, value) -> {
            set.accept(value);
            cases.add(new Case(op.name(), what + " " + path, root.deepCopy(), expect.get(what)));
            restore.run();
        });
    }

    static Case mutate(OperationModel op, ObjectNode root, ObjectNode node, String member, JsonNode value,
                       String description, String expected) {
        JsonNode saved = node.get(member);
        if (value == null) {
            node.remove(member);
        } else {
            node.set(member, value);
        }
        ObjectNode copy = root.deepCopy();
        node.set(member, saved);
        return new Case(op.name(), description, copy, expected);
    }

    static String child(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }
}
