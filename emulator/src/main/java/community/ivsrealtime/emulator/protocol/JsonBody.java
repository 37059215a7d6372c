package community.ivsrealtime.emulator.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.io.IOException;
import java.util.Locale;

/** Reads a request body as a JSON object: empty or blank is {@code {}}, anything else must be an object. */
public final class JsonBody {
    private JsonBody() {
    }

    /**
     * @throws IvsException 400 {@code SerializationException} when the body is not a JSON object
     */
    public static ObjectNode parse(byte[] body) {
        if (isBlank(body)) {
            return Responses.JSON.createObjectNode();
        }
        JsonNode parsed;
        try {
            parsed = Responses.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IvsException(400, "SerializationException",
                    "Request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IvsException(400, "SerializationException", "Request body cannot be read: " + e.getMessage());
        }
        if (parsed == null || parsed.isMissingNode()) {
            return Responses.JSON.createObjectNode();
        }
        if (!parsed.isObject()) {
            throw new IvsException(400, "SerializationException",
                    "Request body must be a JSON object, got " + parsed.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) parsed;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
