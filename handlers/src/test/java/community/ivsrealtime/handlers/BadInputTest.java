package community.ivsrealtime.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed request CloudFormation could send ends FAILED InvalidRequest with a message naming the bad part,
 * through HandlerWrapper.handleRequest: never InternalFailure, never SUCCESS, never a quoted secret, no IVS call.
 * The corpus: one model per constraint of every property of every schema, nested ones included (wrong JSON type,
 * lengths, patterns, enums, bounds, item counts, unique items, required members, unknown members), for CREATE and
 * UPDATE; plus hand-written requests broken in every part (root, action, requestData, resourceProperties,
 * previousResourceProperties, nextToken, callbackContext, tag maps, callerCredentials, region, ...).
 */
class BadInputTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String SECRET = IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY;
    private static final String SESSION = "test-session-token";
    private static int cases;

    /** One case: its type, what it breaks (the message must name it), the request. */
    record Case(TypeUnderTest type, String part, String name, byte[] request) {
        @Override
        public String toString() {
            return type.typeName + " " + name;
        }
    }

    static Stream<Case> corpus() {
        final List<Case> all = new ArrayList<>();
        for (final TypeUnderTest type : TypeUnderTest.values()) {
            all.addAll(generated(type));
            all.addAll(handWritten(type));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aMalformedRequestFailsInvalidRequestNamingThePart(final Case c) {
        final IvsRealTimeEmulator endpoint = SharedEmulator.get();
        final long before = endpoint.calls().counts().values().stream().mapToLong(Long::longValue).sum();

        final HandlerResponse response = c.type().invoker().invoke(c.request());

        cases++;
        assertThat(response.status()).as("%s: %s", c, response).isEqualTo("FAILED");
        assertThat(response.errorCode()).as("%s: %s", c, response).isEqualTo("InvalidRequest");
        assertThat(response.message()).as("%s: %s", c, response).contains(c.part());
        assertThat(response.toString()).as(c.toString()).doesNotContain(SECRET).doesNotContain(SESSION);
        assertThat(response.log()).as(c.toString()).doesNotContain(SECRET).doesNotContain(SESSION);
        final long after = endpoint.calls().counts().values().stream().mapToLong(Long::longValue).sum();
        assertThat(after).as("IVS calls made for %s", c).isEqualTo(before);
    }

    @AfterAll
    static void report() {
        System.out.println("BadInputTest: " + cases + " malformed requests, each FAILED InvalidRequest");
    }

    // ---------------------------------------------------------------- hand-written: every part of the request

    private static ObjectNode valid(final TypeUnderTest type, final String action) {
        final HandlerRequest request = type.request(action);
        if (action.equals("CREATE")) {
            request.properties(type.createInput());
        } else if (action.equals("UPDATE")) {
            request.properties(type.updateInput().put("Arn", type.missingArn()))
                .previousProperties(type.createInput().put("Arn", type.missingArn()));
        } else if (!action.equals("LIST")) {
            request.properties(F.objectNode().put("Arn", type.missingArn()));
        }
        return request.json();
    }

    private static Case hand(final TypeUnderTest type, final String action, final String part, final String name,
                             final Consumer<ObjectNode> breakIt) {
        final ObjectNode json = valid(type, action);
        breakIt.accept(json);
        return new Case(type, part, action + " " + name, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode data(final ObjectNode root) {
        return (ObjectNode) root.get("requestData");
    }

    static List<Case> handWritten(final TypeUnderTest type) {
        final List<Case> c = new ArrayList<>();
        c.add(new Case(type, "JSON object", "root is an array", "[]".getBytes(StandardCharsets.UTF_8)));
        c.add(new Case(type, "JSON object", "root is a string", "\"CREATE\"".getBytes(StandardCharsets.UTF_8)));
        c.add(new Case(type, "JSON object", "root is null", "null".getBytes(StandardCharsets.UTF_8)));
        c.add(new Case(type, "not valid JSON", "truncated JSON", ("{\"action\":\"CREATE\",\"requestData\":"
            + "{\"callerCredentials\":{\"secretAccessKey\":\"" + SECRET + "\"").getBytes(StandardCharsets.UTF_8)));
        for (final String action : List.of("CREATE", "READ", "UPDATE", "DELETE", "LIST")) {
            c.add(hand(type, action, "action", "action missing", r -> r.remove("action")));
            c.add(hand(type, action, "action", "action a number", r -> r.put("action", 1)));
            c.add(hand(type, action, "action", "action lower-case", r -> r.put("action", action.toLowerCase())));
            c.add(hand(type, action, "action", "action unknown", r -> r.put("action", "DESTROY")));
            c.add(hand(type, action, "requestData", "requestData missing", r -> r.remove("requestData")));
            c.add(hand(type, action, "requestData", "requestData null", r -> r.putNull("requestData")));
            c.add(hand(type, action, "requestData", "requestData a string", r -> r.put("requestData", "x")));
            c.add(hand(type, action, "requestData", "requestData an array", r -> r.putArray("requestData")));
            c.add(hand(type, action, "callbackContext", "callbackContext a string", r -> r.put("callbackContext", "x")));
            c.add(hand(type, action, "callbackContext", "callbackContext an array", r -> r.putArray("callbackContext")));
            c.add(hand(type, action, "resourceProperties", "resourceProperties a string",
                r -> data(r).put("resourceProperties", "x")));
            c.add(hand(type, action, "resourceProperties", "resourceProperties an array",
                r -> data(r).putArray("resourceProperties").add(1)));
            c.add(hand(type, action, "resourceProperties", "resourceProperties a number",
                r -> data(r).put("resourceProperties", 7)));
            c.add(hand(type, action, "previousResourceProperties", "previousResourceProperties a string",
                r -> data(r).put("previousResourceProperties", "x")));
            c.add(hand(type, action, "nextToken", "nextToken a number", r -> r.put("nextToken", 5)));
            c.add(hand(type, action, "nextToken", "nextToken an object", r -> r.putObject("nextToken").put("a", 1)));
            c.add(hand(type, action, "region", "region a number", r -> r.put("region", 1)));
            c.add(hand(type, action, "region", "region an object", r -> r.putObject("region")));
            c.add(hand(type, action, "awsAccountId", "awsAccountId an object", r -> r.putObject("awsAccountId")));
            c.add(hand(type, action, "stackId", "stackId a number", r -> r.put("stackId", 3)));
            c.add(hand(type, action, "resourceType", "resourceType another type",
                r -> r.put("resourceType", "AWS::IVS::Stage")));
            c.add(hand(type, action, "logicalResourceId", "logicalResourceId a number",
                r -> data(r).put("logicalResourceId", 1)));
            for (final String tags : List.of("stackTags", "previousStackTags", "systemTags", "previousSystemTags")) {
                c.add(hand(type, action, tags, tags + " an array", r -> data(r).putArray(tags).add("a")));
                c.add(hand(type, action, tags, tags + " with a number value", r -> data(r).putObject(tags).put("k", 1)));
            }
            c.add(hand(type, action, "callerCredentials", "callerCredentials a string",
                r -> data(r).put("callerCredentials", "x")));
            c.add(hand(type, action, "callerCredentials", "callerCredentials.accessKeyId a number",
                r -> ((ObjectNode) data(r).get("callerCredentials")).put("accessKeyId", 1)));
            c.add(hand(type, action, "callerCredentials", "callerCredentials.secretAccessKey missing",
                r -> ((ObjectNode) data(r).get("callerCredentials")).remove("secretAccessKey")));
            c.add(hand(type, action, "typeConfiguration", "typeConfiguration a string",
                r -> data(r).put("typeConfiguration", "x")));
        }
        c.add(hand(type, "CREATE", "resourceProperties", "resourceProperties missing",
            r -> data(r).remove("resourceProperties")));
        c.add(hand(type, "UPDATE", "resourceProperties", "resourceProperties missing",
            r -> data(r).remove("resourceProperties")));
        c.add(hand(type, "CREATE", "resourceProperties", "resourceProperties null",
            r -> data(r).putNull("resourceProperties")));
        return c;
    }

    // ---------------------------------------------------------------- generated from the schema

    /** A violating value per constraint of every property (nested too), as a model broken at one place. */
    static List<Case> generated(final TypeUnderTest type) {
        final ObjectNode schema = community.ivsrealtime.testing.Models.schema(type);
        final Set<String> readOnly = community.ivsrealtime.testing.Models.properties(type, "readOnlyProperties");
        final List<Case> c = new ArrayList<>();
        final ObjectNode base = type.createInput();
        final JsonNode props = schema.path("properties");
        for (final Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> p = it.next();
            if (readOnly.contains(p.getKey())) {
                continue;
            }
            for (final Violation v : violations(schema, p.getValue(), base.get(p.getKey()), p.getKey())) {
                for (final String action : List.of("CREATE", "UPDATE")) {
                    final ObjectNode model = base.deepCopy();
                    model.set(p.getKey(), v.value());
                    c.add(model(type, action, v.part(), p.getKey() + ": " + v.what(), model));
                }
            }
        }
        for (final JsonNode required : schema.path("required")) {
            final ObjectNode model = base.deepCopy();
            model.remove(required.asText());
            c.add(model(type, "CREATE", required.asText(), "required " + required.asText() + " missing", model));
        }
        final ObjectNode unknown = base.deepCopy().put("Colour", "blue");
        c.add(model(type, "CREATE", "Colour", "unknown property", unknown));
        c.add(model(type, "UPDATE", "Colour", "unknown property", unknown));
        return c;
    }

    private static Case model(final TypeUnderTest type, final String action, final String part, final String name,
                              final ObjectNode model) {
        final HandlerRequest request = type.request(action);
        if (action.equals("UPDATE")) {
            request.properties(model.deepCopy().put("Arn", type.missingArn()))
                .previousProperties(type.createInput().put("Arn", type.missingArn()));
        } else {
            request.properties(model);
        }
        return new Case(type, part, action + " " + name, request.bytes());
    }

    record Violation(String what, String part, JsonNode value) {
    }

    private static JsonNode resolve(final ObjectNode schema, final JsonNode node) {
        JsonNode n = node;
        while (n != null && n.has("$ref")) {
            n = schema.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    /** A valid value for {@code node} (the example's where there is one). */
    private static JsonNode sample(final ObjectNode schema, final JsonNode rawNode, final JsonNode example) {
        if (example != null && !example.isNull()) {
            return example.deepCopy();
        }
        final JsonNode node = resolve(schema, rawNode);
        if (node.has("enum")) {
            return node.get("enum").get(0).deepCopy();
        }
        switch (node.path("type").asText()) {
            case "object": {
                final ObjectNode o = F.objectNode();
                for (final JsonNode r : node.path("required")) {
                    o.set(r.asText(), sample(schema, node.path("properties").get(r.asText()), null));
                }
                return o;
            }
            case "array":
                return F.arrayNode();
            case "integer":
            case "number":
                return F.numberNode(node.has("minimum") ? node.get("minimum").asLong() : 1);
            case "boolean":
                return F.booleanNode(true);
            default:
                return F.textNode("a".repeat(Math.max(1, node.path("minLength").asInt(1))));
        }
    }

    /** Violations of every constraint of {@code rawNode} and of its members, as values for the property. */
    private static List<Violation> violations(final ObjectNode schema, final JsonNode rawNode, final JsonNode example,
                                              final String name) {
        final JsonNode node = resolve(schema, rawNode);
        final List<Violation> v = new ArrayList<>();
        final String type = node.path("type").asText();
        switch (type) {
            case "string": {
                v.add(new Violation("a number for a string", name, F.numberNode(12)));
                v.add(new Violation("an object for a string", name, F.objectNode()));
                if (node.path("minLength").asInt(0) > 0) {
                    v.add(new Violation("shorter than minLength", name, F.textNode("")));
                }
                if (node.has("maxLength")) {
                    v.add(new Violation("longer than maxLength", name,
                        F.textNode("a".repeat(node.get("maxLength").asInt() + 1))));
                }
                if (node.has("pattern")) {
                    final Pattern pattern = Pattern.compile(node.get("pattern").asText());
                    for (final String candidate : List.of("has spaces and !", "", "UPPER lower !", "\u00e9")) {
                        if (!pattern.matcher(candidate).find() && candidate.length() <= node.path("maxLength").asInt(99)
                            && candidate.length() >= node.path("minLength").asInt(0)) {
                            v.add(new Violation("not matching the pattern", name, F.textNode(candidate)));
                            break;
                        }
                    }
                }
                if (node.has("enum")) {
                    v.add(new Violation("not one of the enum", name, F.textNode("NOT_AN_ENUM_VALUE")));
                }
                break;
            }
            case "integer":
            case "number": {
                v.add(new Violation("a word for a number", name, F.textNode("twelve")));
                v.add(new Violation("a boolean for a number", name, F.booleanNode(true)));
                if (type.equals("integer")) {
                    v.add(new Violation("a fraction for an integer", name, F.numberNode(1.5)));
                }
                if (node.has("minimum")) {
                    v.add(new Violation("below minimum", name, F.numberNode(node.get("minimum").asLong() - 1)));
                }
                if (node.has("maximum")) {
                    v.add(new Violation("above maximum", name, F.numberNode(node.get("maximum").asLong() + 1)));
                }
                break;
            }
            case "boolean":
                v.add(new Violation("a word for a boolean", name, F.textNode("maybe")));
                v.add(new Violation("a number for a boolean", name, F.numberNode(7)));
                break;
            case "array": {
                v.add(new Violation("a string for an array", name, F.textNode("x")));
                final JsonNode item = sample(schema, node.get("items"),
                    example != null && example.size() > 0 ? example.get(0) : null);
                if (node.path("minItems").asInt(0) > 0) {
                    v.add(new Violation("fewer than minItems", name, F.arrayNode()));
                }
                if (node.has("maxItems")) {
                    final ArrayNode many = F.arrayNode();
                    for (int i = 0; i <= node.get("maxItems").asInt(); i++) {
                        many.add(item.isObject() ? ((ObjectNode) item.deepCopy()).put("Key", "k" + i) : item);
                    }
                    v.add(new Violation("more than maxItems", name, many));
                }
                if (node.path("uniqueItems").asBoolean(false)) {
                    v.add(new Violation("repeated items", name, F.arrayNode().add(item).add(item.deepCopy())));
                }
                for (final Violation inner : violations(schema, node.get("items"), item, name)) {
                    v.add(new Violation("item " + inner.what(), inner.part(), F.arrayNode().add(inner.value())));
                }
                break;
            }
            case "object": {
                v.add(new Violation("a string for an object", name, F.textNode("x")));
                final ObjectNode valid = (ObjectNode) sample(schema, node, example);
                if (node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean()
                    && !node.has("patternProperties")) {
                    v.add(new Violation("an unknown member", "Colour", valid.deepCopy().put("Colour", "blue")));
                }
                if (node.has("patternProperties")) {
                    // a map: a value of the wrong type
                    v.add(new Violation("a map value of the wrong type", name, valid.deepCopy().put("k", 12)));
                }
                for (final JsonNode r : node.path("required")) {
                    final ObjectNode missing = valid.deepCopy();
                    missing.remove(r.asText());
                    v.add(new Violation("required " + r.asText() + " missing", r.asText(), missing));
                }
                for (final Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
                    final Map.Entry<String, JsonNode> member = it.next();
                    for (final Violation inner : violations(schema, member.getValue(), valid.get(member.getKey()),
                        member.getKey())) {
                        final ObjectNode broken = valid.deepCopy();
                        broken.set(member.getKey(), inner.value());
                        v.add(new Violation(member.getKey() + " " + inner.what(), inner.part(), broken));
                    }
                }
                break;
            }
            default:
                break;
        }
        return v;
    }
}
