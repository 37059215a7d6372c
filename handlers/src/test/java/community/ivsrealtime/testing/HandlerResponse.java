package community.ivsrealtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A handler's JSON response (ProgressEvent as the wrapper writes it) plus what it logged. */
public record HandlerResponse(ObjectNode json, String log) {

    public String status() {
        return text("status");
    }

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

    /** The resourceModel, or null. */
    public ObjectNode model() {
        final JsonNode model = json.get("resourceModel");
        return model instanceof ObjectNode ? (ObjectNode) model : null;
    }

    /** The resourceModels, or null when absent. */
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
