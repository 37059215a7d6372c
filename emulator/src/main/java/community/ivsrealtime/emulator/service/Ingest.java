package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** An ingest configuration; ACTIVE while its participant publishes (simulated with {@code ingestStart}). */
final class Ingest extends Resource {
    final String protocol;
    final boolean insecure;
    final String userId;
    final Map<String, String> attributes;
    final String participantId;
    final String streamKey;
    String stageArn;
    /** The stage the participant publishes to while ACTIVE, else null. */
    String publishingTo;

    Ingest(String arn, long seq, String name, Map<String, String> tags, String protocol, boolean insecure, String stageArn,
           String userId, Map<String, String> attributes, String participantId, String streamKey) {
        super(arn, seq, name, tags);
        this.protocol = protocol;
        this.insecure = insecure;
        this.stageArn = stageArn;
        this.userId = userId;
        this.attributes = attributes;
        this.participantId = participantId;
        this.streamKey = streamKey;
    }

    String state() {
        return publishingTo == null ? "INACTIVE" : "ACTIVE";
    }

    ObjectNode summary() {
        ObjectNode o = Json.obj();
        o.put("name", name);
        o.put("arn", arn);
        o.put("ingestProtocol", protocol);
        o.put("stageArn", stageArn);
        o.put("participantId", participantId);
        o.put("state", state());
        Json.putIfNotNull(o, "userId", userId);
        return o;
    }

    ObjectNode full() {
        ObjectNode o = summary();
        o.put("streamKey", streamKey);
        o.set("attributes", Json.mapNode(attributes));
        o.set("tags", tagsNode());
        return o;
    }
}
