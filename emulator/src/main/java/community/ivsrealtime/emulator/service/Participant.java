package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A participant of one stage session, with its events and (as a source) its replicas. */
final class Participant {
    final String id;
    final String userId;
    final Map<String, String> attributes;
    final boolean canPublish;
    final boolean canSubscribe;
    final Instant firstJoin;
    /** ispName, osName, ... as given at join; null when none. */
    final ObjectNode client;
    final String protocol;
    boolean connected = true;
    /** Whether it publishes now (internal: publisher quota, subscriptions, replication). */
    boolean published;
    /** Whether it ever published in this session: the API's {@code published} ("ever published to the stage session"). */
    boolean everPublished;
    String recordingState = "DISABLED";
    String recordingBucket;
    String recordingPrefix;
    String replicationType = "NONE";
    String replicationState;
    String sourceStageArn;
    String sourceSessionId;
    /** ARN of the ingest configuration this participant publishes through, or null. */
    String ingestArn;
    /** The token this participant joined with, or null. */
    Token token;
    final List<ObjectNode> events = new ArrayList<>(4);
    List<Replica> replicas;
    /** For a REPLICA participant: its replication. */
    Replica replicaOf;

    Participant(String id, String userId, Map<String, String> attributes, boolean canPublish, boolean canSubscribe,
                Instant firstJoin, ObjectNode client, String protocol) {
        this.id = id;
        this.userId = userId;
        this.attributes = attributes;
        this.canPublish = canPublish;
        this.canSubscribe = canSubscribe;
        this.firstJoin = firstJoin;
        this.client = client;
        this.protocol = protocol;
    }

    List<Replica> replicas() {
        if (replicas == null) {
            replicas = new ArrayList<>(1);
        }
        return replicas;
    }

    boolean isReplica() {
        return "REPLICA".equals(replicationType);
    }

    ObjectNode summary() {
        ObjectNode o = Json.obj();
        o.put("participantId", id);
        Json.putIfNotNull(o, "userId", userId);
        o.put("state", connected ? "CONNECTED" : "DISCONNECTED");
        Json.putTime(o, "firstJoinTime", firstJoin);
        o.put("published", everPublished);
        o.put("recordingState", recordingState);
        o.put("replicationType", replicationType);
        Json.putIfNotNull(o, "replicationState", replicationState);
        Json.putIfNotNull(o, "sourceStageArn", sourceStageArn);
        Json.putIfNotNull(o, "sourceSessionId", sourceSessionId);
        return o;
    }

    ObjectNode full() {
        ObjectNode o = summary();
        o.set("attributes", Json.mapNode(attributes));
        if (client != null) {
            o.setAll(client);
        }
        Json.putIfNotNull(o, "recordingS3BucketName", recordingBucket);
        Json.putIfNotNull(o, "recordingS3Prefix", recordingPrefix);
        o.put("protocol", protocol);
        return o;
    }
}
