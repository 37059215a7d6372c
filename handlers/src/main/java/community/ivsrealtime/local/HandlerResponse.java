package community.ivsrealtime.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a handler answered (the ProgressEvent as the wrapper writes it) and what it logged meanwhile.
 *
 * @param json the response as written by the wrapper
 * @param log  the lines logged through the Lambda context, joined with newlines
 */
public record HandlerResponse(ObjectNode json, String log) {

    /** SUCCESS, FAILED or IN_PROGRESS. */
    public String status() {
        return text("status");
    }

    /** The HandlerErrorCode of a FAILED response (e.g. NotFound), else null. */
    public String errorCode() {
        return text("errorCode");
    }

    public String message() {
        return text("message");
    }

    public String nextToken() {
        return text("nextToken");
    }

    public int callbackDelaySeconds() {
        return json.path("callbackDelaySeconds").asInt(0);
    }

    public boolean succeeded() {
        return "SUCCESS".equals(status());
    }

    /** The resourceModel, or null. */
    public ObjectNode model() {
        final JsonNode model = json.get("resourceModel");
        return model instanceof ObjectNode ? (ObjectNode) model : null;
    }

    /** The resourceModels (LIST), or null when absent. */
    public List<ObjectNode> models() {
        final JsonNode models = json.get("resourceModels");
        if (models == null || models.isNull()) {
            return null;
        }
        final List<ObjectNode> list = new ArrayList<>();
        models.forEach(m -> list.add((ObjectNode) m));
        return list;
    }

    /** The resourceModel's Arn, or null. */
    public String arn() {
        return model() == null ? null : model().path("Arn").asText(null);
    }

    private String text(final String field) {
        final JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
