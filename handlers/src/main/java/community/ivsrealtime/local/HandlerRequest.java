package community.ivsrealtime.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the JSON request CloudFormation sends to a resource handler (the plugin's {@code HandlerRequest}, protocol
 * 2.0.0), for running a {@code HandlerWrapper} outside CloudFormation (the {@code ivsrt} command, tests).
 *
 * <p>The request carries {@code callerCredentials} (the credentials the handler signs its IVS calls with) once
 * {@link #callerCredentials} is set, and never {@code providerCredentials} / {@code providerLogGroupName}: those
 * make the plugin publish metrics and logs to CloudWatch. Defaults: account {@value #DEFAULT_ACCOUNT_ID}, region
 * {@value #DEFAULT_REGION}, logical id {@value #DEFAULT_LOGICAL_ID}, a stack named {@value #DEFAULT_STACK_NAME} in
 * that account and region.
 *
 * <pre>{@code
 * byte[] json = HandlerRequest.of("CREATE", "Community::IVSRealTime::Stage")
 *     .callerCredentials(accessKeyId, secretAccessKey, null)
 *     .properties(JSON.createObjectNode().put("Name", "my-stage"))
 *     .bytes();
 * }</pre>
 *
 * <p>A mutable builder: every setter changes this request and returns it.
 */
public final class HandlerRequest {

    /** The mapper used for requests and responses (plain Jackson, as the plugin's serializer reads them). */
    public static final ObjectMapper JSON = new ObjectMapper();

    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_STACK_NAME = "local-stack";
    public static final String DEFAULT_LOGICAL_ID = "MyResource";
    /** The stack id's UUID part when no stack id is given. */
    private static final String DEFAULT_STACK_UUID = "00000000-0000-0000-0000-000000000000";

    private final String action;
    private final String resourceType;
    private final ObjectNode data = JSON.createObjectNode();
    private String awsAccountId = DEFAULT_ACCOUNT_ID;
    private String region = DEFAULT_REGION;
    private String stackId;
    private String nextToken;
    private JsonNode callbackContext;
    private String bearerToken = UUID.randomUUID().toString();

    private HandlerRequest(final String action, final String resourceType) {
        this.action = Objects.requireNonNull(action, "action");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        data.put("logicalResourceId", DEFAULT_LOGICAL_ID);
    }

    /**
     * A request for {@code action} (CREATE, READ, UPDATE, DELETE, LIST) on {@code resourceType}
     * (e.g. {@code Community::IVSRealTime::Stage}).
     */
    public static HandlerRequest of(final String action, final String resourceType) {
        return new HandlerRequest(action, resourceType);
    }

    public String action() {
        return action;
    }

    public String resourceType() {
        return resourceType;
    }

    public HandlerRequest awsAccountId(final String accountId) {
        this.awsAccountId = Objects.requireNonNull(accountId, "awsAccountId");
        return this;
    }

    public HandlerRequest region(final String region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    public String region() {
        return region;
    }

    /** The stack's ARN ({@code arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>}). */
    public HandlerRequest stackId(final String stackId) {
        this.stackId = stackId;
        return this;
    }

    /** The stack id given, else one of a stack named {@value #DEFAULT_STACK_NAME} in this account and region. */
    public String stackId() {
        return stackId != null ? stackId
            : "arn:aws:cloudformation:" + region + ":" + awsAccountId + ":stack/" + DEFAULT_STACK_NAME + "/"
                + DEFAULT_STACK_UUID;
    }

    public HandlerRequest logicalResourceId(final String logicalId) {
        data.put("logicalResourceId", logicalId);
        return this;
    }

    public HandlerRequest bearerToken(final String token) {
        this.bearerToken = token;
        return this;
    }

    /**
     * The credentials the handler calls IVS with. The wrapper refuses a request without a session token
     * ({@code InvalidCredentials}); null omits it (to see that happen).
     */
    public HandlerRequest callerCredentials(final String accessKeyId, final String secretAccessKey,
                                            final String sessionToken) {
        final ObjectNode credentials = data.putObject("callerCredentials");
        credentials.put("accessKeyId", Objects.requireNonNull(accessKeyId, "accessKeyId"));
        credentials.put("secretAccessKey", Objects.requireNonNull(secretAccessKey, "secretAccessKey"));
        if (sessionToken != null) {
            credentials.put("sessionToken", sessionToken);
        }
        return this;
    }

    public HandlerRequest withoutCallerCredentials() {
        data.remove("callerCredentials");
        return this;
    }

    /** The desired resource properties (a copy is kept). */
    public HandlerRequest properties(final JsonNode properties) {
        data.set("resourceProperties", properties == null ? null : properties.deepCopy());
        return this;
    }

    /** The previous resource properties of an UPDATE (a copy is kept). */
    public HandlerRequest previousProperties(final JsonNode properties) {
        data.set("previousResourceProperties", properties == null ? null : properties.deepCopy());
        return this;
    }

    public HandlerRequest stackTags(final Map<String, String> tags) {
        data.set("stackTags", JSON.valueToTree(tags));
        return this;
    }

    public HandlerRequest previousStackTags(final Map<String, String> tags) {
        data.set("previousStackTags", JSON.valueToTree(tags));
        return this;
    }

    public HandlerRequest systemTags(final Map<String, String> tags) {
        data.set("systemTags", JSON.valueToTree(tags));
        return this;
    }

    public HandlerRequest previousSystemTags(final Map<String, String> tags) {
        data.set("previousSystemTags", JSON.valueToTree(tags));
        return this;
    }

    /** The system tags CloudFormation adds to this request's resource (from {@link #stackId()} and the logical id). */
    public Map<String, String> cloudFormationSystemTags() {
        return systemTags(stackId(), data.path("logicalResourceId").asText());
    }

    /** The system tags CloudFormation adds to every resource of stack {@code stackId}. */
    public static Map<String, String> systemTags(final String stackId, final String logicalId) {
        final String[] parts = stackId.split("/");
        final String stackName = parts.length > 1 ? parts[1] : stackId;
        return Map.of(
            "aws:cloudformation:stack-name", stackName,
            "aws:cloudformation:stack-id", stackId,
            "aws:cloudformation:logical-id", logicalId);
    }

    /** The LIST page to fetch (null: the first). */
    public HandlerRequest nextToken(final String token) {
        this.nextToken = token;
        return this;
    }

    /** The callbackContext of a re-invocation (what the previous IN_PROGRESS response returned); null for none. */
    public HandlerRequest callbackContext(final JsonNode context) {
        this.callbackContext = context == null || context.isNull() ? null : context.deepCopy();
        return this;
    }

    /** Sets any {@code requestData} field (e.g. to see what the wrapper does with it). */
    public HandlerRequest requestData(final String field, final JsonNode value) {
        data.set(field, value);
        return this;
    }

    /** The request as CloudFormation sends it. */
    public ObjectNode json() {
        final ObjectNode root = JSON.createObjectNode();
        root.put("awsAccountId", awsAccountId);
        root.put("bearerToken", bearerToken);
        root.put("region", region);
        root.put("action", action);
        root.put("resourceType", resourceType);
        root.put("resourceTypeVersion", "00000001");
        root.put("stackId", stackId());
        if (nextToken != null) {
            root.put("nextToken", nextToken);
        }
        if (callbackContext == null) {
            root.putNull("callbackContext");
        } else {
            root.set("callbackContext", callbackContext.deepCopy());
        }
        root.set("requestData", data.deepCopy());
        return root;
    }

    public byte[] bytes() {
        try {
            return JSON.writeValueAsString(json()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request without its credentials' secrets (for logs). */
    @Override
    public String toString() {
        final ObjectNode json = json();
        final JsonNode credentials = json.path("requestData").path("callerCredentials");
        if (credentials instanceof ObjectNode) {
            ((ObjectNode) credentials).put("secretAccessKey", "****");
            if (credentials.has("sessionToken")) {
                ((ObjectNode) credentials).put("sessionToken", "****");
            }
        }
        return json.toString();
    }
}
