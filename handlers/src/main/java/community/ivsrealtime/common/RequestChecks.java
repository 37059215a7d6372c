package community.ivsrealtime.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.everit.json.schema.Schema;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/**
 * What the wrapper checks in a CloudFormation request before the plugin reads it, parsing it once. Each check
 * answers what the plugin would get wrong or leave vague:
 * <ul>
 *   <li>not JSON: the plugin answers InternalFailure with its parser's message, which quotes the request, caller
 *       credentials included, into the response and the log. Here: InvalidRequest saying where it breaks.</li>
 *   <li>a part of the wrong shape (action, requestData, callbackContext, tag maps): the plugin says "Resource
 *       properties validation failed with invalid configuration", naming nothing.</li>
 *   <li>callerCredentials without a sessionToken: the plugin fails with a NullPointerException (InternalFailure),
 *       as if the handler were broken.</li>
 *   <li>a CREATE/UPDATE model that breaks the schema. The plugin validates the model after reading it into the
 *       generated classes, which drop unknown properties; here the properties are checked as sent, so an
 *       unknown or misspelt property is refused too. CloudFormation sends numbers and booleans of a private type
 *       as strings ({@code "1920"}); those are read as the schema's type first, as the plugin's reading does. A
 *       failure keeps the plugin's message form, completed with the bad values and rules ({@link SchemaMessages}).</li>
 * </ul>
 */
final class RequestChecks {

    /** A request the wrapper answers itself. */
    record Refusal(HandlerErrorCode code, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TAG_MAPS =
        List.of("stackTags", "previousStackTags", "systemTags", "previousSystemTags");

    private final String typeName;
    private final JsonNode schemaTree;
    /**
     * The schema loaded once ({@link TypeSchema}): {@code Validator.validateObject} loads it again on every call (about
     * 3 ms per warm request, measured on this machine), the loaded one validates in about 0.02 ms.
     */
    private final Schema loaded;

    RequestChecks(final String typeName, final TypeSchema schema) {
        this.typeName = typeName;
        this.loaded = schema.loaded();
        try {
            this.schemaTree = JSON.readTree(schema.json().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("schema of " + typeName, e);
        }
    }

    /** Null when the request may go on to the plugin; else how to answer it. {@code request} is decompressed. */
    Refusal check(final String request) {
        final JsonNode root;
        try {
            root = JSON.readTree(request);
        } catch (JsonProcessingException e) {
            final JsonLocation at = e.getLocation();
            return invalid("the request is not valid JSON" + (at == null ? ""
                : " (it breaks at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            return invalid("the request is not a JSON object");
        }
        final String misshapen = misshapen(root, typeName);
        if (misshapen != null) {
            return invalid(misshapen);
        }
        if (lacksSessionToken(root.path("requestData").get("callerCredentials"))) {
            return new Refusal(HandlerErrorCode.InvalidCredentials, typeName + ": the request's callerCredentials have "
                + "no sessionToken; the CloudFormation handlers call with temporary credentials only (access key, "
                + "secret and session token, e.g. from aws sts get-session-token or assume-role)");
        }
        final String action = root.path("action").asText();
        final JsonNode properties = root.path("requestData").path("resourceProperties");
        if (("CREATE".equals(action) || "UPDATE".equals(action)) && properties.isObject()) {
            final String broken = schemaViolations(properties);
            return broken == null ? null : invalid(broken);
        }
        return null;
    }

    private Refusal invalid(final String message) {
        return new Refusal(HandlerErrorCode.InvalidRequest, typeName + ": " + message);
    }

    private static boolean lacksSessionToken(final JsonNode credentials) {
        if (credentials == null || !credentials.isObject()) {
            return false; // no credentials at all: the wrapper's handler answers InvalidCredentials
        }
        final JsonNode token = credentials.get("sessionToken");
        return token == null || token.isNull() || token.asText().isEmpty();
    }

    /** Top-level members that are strings when present. */
    private static final List<String> TEXT_MEMBERS = List.of("awsAccountId", "bearerToken", "region",
        "responseEndpoint", "resourceType", "resourceTypeVersion", "stackId", "nextToken");
    /** requestData members that are objects when present. */
    private static final List<String> OBJECT_DATA = List.of("resourceProperties", "previousResourceProperties",
        "callerCredentials", "providerCredentials", "typeConfiguration");
    /** Credential members, strings; the first two required. */
    private static final List<String> CREDENTIALS = List.of("accessKeyId", "secretAccessKey", "sessionToken");

    private static boolean absent(final JsonNode node) {
        return node == null || node.isNull();
    }

    /** Null, or which part of the request has the wrong shape; names fields and JSON types, never values. */
    private static String misshapen(final JsonNode root, final String typeName) {
        final JsonNode action = root.get("action");
        if (action == null || !action.isTextual()
            || Arrays.stream(Action.values()).noneMatch(a -> a.name().equals(action.asText()))) {
            return "the request's action must be one of " + Arrays.toString(Action.values()) + ", got " + action;
        }
        for (final String member : TEXT_MEMBERS) {
            final JsonNode value = root.get(member);
            if (!absent(value) && !value.isTextual()) {
                return "the request's " + member + " must be a string, got " + value.getNodeType();
            }
        }
        final JsonNode resourceType = root.get("resourceType");
        if (!absent(resourceType) && !typeName.equals(resourceType.asText())) {
            return "the request's resourceType is not " + typeName + ": this handler serves that type only";
        }
        final JsonNode data = root.get("requestData");
        if (absent(data)) {
            return "the request has no requestData (an object with resourceProperties, callerCredentials, ...)";
        }
        if (!data.isObject()) {
            return "the request's requestData must be an object, got " + data.getNodeType();
        }
        for (final String member : OBJECT_DATA) {
            final JsonNode value = data.get(member);
            if (!absent(value) && !value.isObject()) {
                return "the request's requestData." + member + " must be an object, got " + value.getNodeType();
            }
        }
        final String act = action.asText();
        if ((act.equals("CREATE") || act.equals("UPDATE")) && absent(data.get("resourceProperties"))) {
            return "the request's requestData.resourceProperties (the model to " + act.toLowerCase(java.util.Locale.ROOT)
                + ") is missing";
        }
        final JsonNode logicalId = data.get("logicalResourceId");
        if (!absent(logicalId) && !logicalId.isTextual()) {
            return "the request's requestData.logicalResourceId must be a string, got " + logicalId.getNodeType();
        }
        final JsonNode credentials = data.get("callerCredentials");
        if (!absent(credentials)) {
            for (final String member : CREDENTIALS) {
                final JsonNode value = credentials.get(member);
                if (absent(value) ? !member.equals("sessionToken") : !value.isTextual()) {
                    return "the request's requestData.callerCredentials." + member + " must be a string"
                        + (absent(value) ? ", but it is missing" : ", got " + value.getNodeType());
                }
            }
        }
        final JsonNode context = root.get("callbackContext");
        if (context != null && !context.isNull() && !context.isObject()) {
            return "the request's callbackContext must be an object or null, got " + context.getNodeType();
        }
        for (final String field : TAG_MAPS) {
            final JsonNode tags = data == null ? null : data.get(field);
            if (tags == null || tags.isNull()) {
                continue;
            }
            if (!tags.isObject()) {
                return "the request's requestData." + field + " must be an object of tag keys and values, got "
                    + tags.getNodeType();
            }
            final Iterator<Map.Entry<String, JsonNode>> it = tags.fields();
            while (it.hasNext()) {
                final Map.Entry<String, JsonNode> tag = it.next();
                if (!tag.getValue().isTextual()) {
                    return "the request's requestData." + field + "." + tag.getKey() + " must be a string, got "
                        + tag.getValue().getNodeType();
                }
            }
        }
        return null;
    }

    /** Null, or the schema violations of {@code properties} (read as the schema's types) in the plugin's form. */
    String schemaViolations(final JsonNode properties) {
        final JsonNode typed = asSchemaTypes(properties, schemaTree);
        try {
            loaded.validate(new JSONObject(typed.toString()));
            return null;
        } catch (final org.everit.json.schema.ValidationException e) { // the library's, not the plugin's
            // scrubbed as the plugin does: pointers and keywords, no values (SchemaMessages adds the request's own)
            return SchemaMessages.explain("Model validation failed ("
                + ValidationException.buildFullExceptionMessage(ValidationException.newScrubbedException(e)) + ")",
                typed, schemaTree);
        }
    }

    /**
     * A copy of {@code value} in which strings are read as the integer, number or boolean the schema declares
     * where they parse as one ({@code "1920"} becomes 1920); everything else as it is.
     */
    private JsonNode asSchemaTypes(final JsonNode value, final JsonNode rule) {
        final JsonNode r = rule == null ? null : SchemaMessages.resolve(schemaTree, rule);
        if (r == null) {
            return value.deepCopy();
        }
        if (value.isTextual()) {
            return scalar(value.asText(), r.path("type").asText());
        }
        if (value.isObject()) {
            final ObjectNode out = JSON.createObjectNode();
            value.fields().forEachRemaining(e ->
                out.set(e.getKey(), asSchemaTypes(e.getValue(), SchemaMessages.child(r, e.getKey()))));
            return out;
        }
        if (value.isArray()) {
            final ArrayNode out = JSON.createArrayNode();
            value.forEach(item -> out.add(asSchemaTypes(item, r.get("items"))));
            return out;
        }
        return value.deepCopy();
    }

    private static JsonNode scalar(final String text, final String type) {
        try {
            switch (type) {
                case "integer":
                    return LongNode.valueOf(Long.parseLong(text.trim()));
                case "number":
                    return DecimalNode.valueOf(new BigDecimal(text.trim()));
                case "boolean":
                    if ("true".equalsIgnoreCase(text.trim()) || "false".equalsIgnoreCase(text.trim())) {
                        return BooleanNode.valueOf(Boolean.parseBoolean(text.trim()));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // not a number: the validator reports the string for what it is
        }
        return TextNode.valueOf(text);
    }
}
