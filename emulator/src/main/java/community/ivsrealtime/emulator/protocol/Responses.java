package community.ivsrealtime.emulator.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serializes responses in the IVS Real-Time wire format (reference §2): JSON bodies, {@code x-amzn-RequestId}
 * on every response, and errors with the code in both {@code x-amzn-ErrorType} and {@code __type} and the text in
 * both {@code message} and {@code exceptionMessage}.
 */
public final class Responses {
    public static final String REQUEST_ID = "x-amzn-RequestId";
    public static final String ERROR_TYPE = "x-amzn-ErrorType";
    public static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    public static WireResponse ok(JsonNode body, String requestId) {
        return json(200, body, requestId, Map.of());
    }

    public static WireResponse error(IvsException e, String requestId) {
        return error(e.status(), e.code(), e.getMessage(), requestId);
    }

    public static WireResponse error(int status, String code, String message, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", code);
        body.put("message", message);
        body.put("exceptionMessage", message);
        return json(status, body, requestId, Map.of(ERROR_TYPE, code));
    }

    public static WireResponse json(int status, JsonNode body, String requestId, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(REQUEST_ID, requestId);
        headers.putAll(extraHeaders);
        try {
            return WireResponse.of(status, headers, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a response", e);
        }
    }
}
