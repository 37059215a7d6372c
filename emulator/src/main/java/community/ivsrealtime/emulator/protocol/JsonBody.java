package community.ivsrealtime.emulator.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a request body as a JSON object: empty or blank is {@code {}}, anything else must be exactly one JSON
 * object (nothing but white space after it). A member name given twice keeps its last value (Jackson's default;
 * IVS does not document what it does, and no AWS SDK sends one).
 */
public final class JsonBody {
    private static final ObjectReader READER = Responses.JSON.reader();

    private JsonBody() {
    }

    /**
     * @throws IvsException 400 {@code SerializationException} when the body is not a JSON object or has data
     *                      after it
     */
    public static ObjectNode parse(byte[] body) {
        if (isBlank(body)) {
            return Responses.JSON.createObjectNode();
        }
        JsonNode parsed;
        try (JsonParser parser = READER.createParser(body)) {
            parsed = READER.readTree(parser);
            if (parsed != null && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new IvsException(400, "SerializationException", "Request body is not valid JSON: unexpected "
                        + "data after the JSON value at line " + at.getLineNr() + ", column " + at.getColumnNr());
            }
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
