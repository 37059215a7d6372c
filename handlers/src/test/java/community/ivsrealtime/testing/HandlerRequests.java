package community.ivsrealtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the JSON request CloudFormation sends to a handler (HandlerRequest, protocol 2.0.0), signed with the
 * local endpoint's default credential pair as the caller credentials. No providerCredentials /
 * providerLogGroupName: those would make the plugin publish to CloudWatch.
 */
public final class HandlerRequests {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String STACK_ID =
        "arn:aws:cloudformation:us-east-1:123456789012:stack/test-stack/11111111-2222-3333-4444-555555555555";

    static {
        Loopback.confine();
    }

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode data = JSON.createObjectNode();

    private HandlerRequests(final String action, final String resourceType) {
        root.put("awsAccountId", IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID);
        root.put("bearerToken", UUID.randomUUID().toString());
        root.put("region", IvsRealTimeEmulator.DEFAULT_REGION);
        root.put("action", action);
        root.put("resourceType", resourceType);
        root.put("resourceTypeVersion", "00000001");
        root.put("stackId", STACK_ID);
        root.putNull("callbackContext");
        final ObjectNode credentials = data.putObject("callerCredentials");
        credentials.put("accessKeyId", IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
        credentials.put("secretAccessKey", IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY);
        credentials.put("sessionToken", "test-session-token");
        data.put("logicalResourceId", "MyResource");
        root.set("requestData", data);
    }

    public static HandlerRequests request(final String action, final String resourceType) {
        return new HandlerRequests(action, resourceType);
    }

    public HandlerRequests properties(final JsonNode properties) {
        data.set("resourceProperties", properties == null ? null : properties.deepCopy());
        return this;
    }

    public HandlerRequests previousProperties(final JsonNode properties) {
        data.set("previousResourceProperties", properties == null ? null : properties.deepCopy());
        return this;
    }

    public HandlerRequests stackTags(final Map<String, String> tags) {
        data.set("stackTags", JSON.valueToTree(tags));
        return this;
    }

    public HandlerRequests previousStackTags(final Map<String, String> tags) {
        data.set("previousStackTags", JSON.valueToTree(tags));
        return this;
    }

    public HandlerRequests systemTags(final Map<String, String> tags) {
        data.set("systemTags", JSON.valueToTree(tags));
        return this;
    }

    public HandlerRequests previousSystemTags(final Map<String, String> tags) {
        data.set("previousSystemTags", JSON.valueToTree(tags));
        return this;
    }

    public HandlerRequests nextToken(final String token) {
        root.put("nextToken", token);
        return this;
    }

    /** Sets any top-level or requestData field (e.g. to test what the wrapper does with it). */
    public HandlerRequests requestData(final String field, final JsonNode value) {
        data.set(field, value);
        return this;
    }

    public HandlerRequests withoutCallerCredentials() {
        data.remove("callerCredentials");
        return this;
    }

    public ObjectNode json() {
        return root.deepCopy();
    }

    public byte[] bytes() {
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The system tags CloudFormation adds to every resource of a stack. */
    public static Map<String, String> systemTagsFor(final String logicalId) {
        return Map.of(
            "aws:cloudformation:stack-name", "test-stack",
            "aws:cloudformation:stack-id", STACK_ID,
            "aws:cloudformation:logical-id", logicalId);
    }
}
