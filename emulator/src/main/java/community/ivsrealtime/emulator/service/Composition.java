package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A running composition. It is STARTING for its first second of clock time and ACTIVE after that (evaluated
 * when read); StopComposition deletes it, and it ends by itself a minute after its stage is empty
 * ({@link RegionStore#ended}).
 */
final class Composition extends Resource {
    static final Duration STARTUP = Duration.ofSeconds(1);
    /** A composition ends this long after its stage became empty. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    final String stageArn;
    final ObjectNode layout;
    /** Per destination: {@code id}, {@code configuration}, {@code detail}. */
    final List<ObjectNode> destinations;
    final Instant start;
    final String idempotencyToken;
    /** The request without its idempotency token, to recognise a retry. */
    final JsonNode request;

    Composition(String arn, long seq, Map<String, String> tags, String stageArn, ObjectNode layout, List<ObjectNode> destinations,
                Instant start, String idempotencyToken, JsonNode request) {
        super(arn, seq, "", tags);
        this.stageArn = stageArn;
        this.layout = layout;
        this.destinations = destinations;
        this.start = start;
        this.idempotencyToken = idempotencyToken;
        this.request = request;
    }

    String state(Instant now) {
        return now.isBefore(start.plus(STARTUP)) ? "STARTING" : "ACTIVE";
    }

    boolean uses(String arn) {
        for (ObjectNode d : destinations) {
            JsonNode c = d.get("configuration");
            if (arn.equals(c.path("channel").path("encoderConfigurationArn").asText(null))
                    || arn.equals(c.path("s3").path("storageConfigurationArn").asText(null))) {
                return true;
            }
            for (JsonNode e : c.path("s3").path("encoderConfigurationArns")) {
                if (arn.equals(e.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private ArrayNode destinationsNode(Instant now, boolean summary) {
        ArrayNode a = Json.arr();
        String state = state(now);
        for (ObjectNode d : destinations) {
            ObjectNode o = a.addObject();
            o.put("id", d.get("id").asText());
            o.put("state", state);
            Json.putTime(o, "startTime", start);
            if (!summary) {
                o.set("configuration", d.get("configuration").deepCopy());
                if (d.has("detail")) {
                    o.set("detail", d.get("detail").deepCopy());
                }
            }
        }
        return a;
    }

    ObjectNode summary(Instant now) {
        ObjectNode o = Json.obj();
        o.put("arn", arn);
        o.put("stageArn", stageArn);
        o.set("destinations", destinationsNode(now, true));
        o.put("state", state(now));
        o.set("tags", tagsNode());
        Json.putTime(o, "startTime", start);
        return o;
    }

    ObjectNode full(Instant now) {
        ObjectNode o = Json.obj();
        o.put("arn", arn);
        o.put("stageArn", stageArn);
        o.put("state", state(now));
        o.set("layout", layout.deepCopy());
        o.set("destinations", destinationsNode(now, false));
        o.set("tags", tagsNode());
        Json.putTime(o, "startTime", start);
        return o;
    }
}
