package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime side of stages: sessions, participants, their events, recording state and replication.
 * Every method runs with the write lock of the {@link RegionStore} held.
 */
final class Sessions {
    private final Quotas quotas;

    Sessions(Quotas quotas) {
        this.quotas = quotas;
    }

    /** What a joining participant brings. */
    record Join(String participantId, String userId, Map<String, String> attributes, boolean canPublish,
                boolean canSubscribe, ObjectNode client, String protocol) {
    }

    /** The active session of the stage, opened if there is none. */
    Session open(Stage stage, Instant now) {
        if (stage.active == null) {
            Session s = new Session(Ids.sessionId(), now);
            stage.sessions().add(s);
            stage.active = s;
        }
        return stage.active;
    }

    Participant join(Stage stage, Join j, Instant now) {
        Session existing = stage.active;
        if (existing != null) {
            Participant p = existing.participant(j.participantId());
            if (p != null && p.connected) {
                throw IvsException.conflict("Participant " + j.participantId() + " is already connected to stage " + stage.arn);
            }
            int limit = quotas.get(Quotas.PARTICIPANTS_PER_STAGE);
            if (existing.connected() >= limit) {
                throw IvsException.quotaExceeded("Quota exceeded: at most " + limit + " participants per stage (quota "
                        + Quotas.PARTICIPANTS_PER_STAGE + ")");
            }
        } else if (quotas.get(Quotas.PARTICIPANTS_PER_STAGE) < 1) {
            throw IvsException.quotaExceeded("Quota exceeded: at most 0 participants per stage (quota "
                    + Quotas.PARTICIPANTS_PER_STAGE + ")");
        }
        Session session = open(stage, now);
        Participant again = session.participant(j.participantId());
        if (again != null) {
            // the same participant (token) rejoins the running session: it is listed once
            again.connected = true;
            again.events.add(event(again, "JOINED", now));
            return again;
        }
        Participant p = new Participant(j.participantId(), j.userId(), j.attributes(), j.canPublish(), j.canSubscribe(),
                now, j.client(), j.protocol());
        if (recordingEnabled(stage, false)) {
            p.recordingState = "STOPPED";
        }
        session.add(p);
        p.events.add(event(p, "JOINED", now));
        return p;
    }

    /** The connected participant of the active session, or ResourceNotFoundException. */
    Participant connected(Stage stage, String participantId) {
        Participant p = stage.active == null ? null : stage.active.participant(participantId);
        if (p == null || !p.connected) {
            throw IvsException.notFound("Participant not found: " + participantId + " is not connected to stage " + stage.arn);
        }
        return p;
    }

    void publish(RegionStore store, Stage stage, Participant p, Instant now) {
        if (p.published) {
            return;
        }
        if (!p.canPublish) {
            ObjectNode e = event(p, "PUBLISH_ERROR", now);
            e.put("errorCode", "INSUFFICIENT_CAPABILITIES");
            p.events.add(e);
            throw IvsException.validation("Participant " + p.id + " cannot publish: its token lacks the PUBLISH capability");
        }
        int limit = quotas.get(Quotas.PUBLISHERS_PER_STAGE);
        if (stage.active.publishing() >= limit) {
            ObjectNode e = event(p, "PUBLISH_ERROR", now);
            e.put("errorCode", "QUOTA_EXCEEDED");
            p.events.add(e);
            throw IvsException.quotaExceeded("Quota exceeded: at most " + limit + " publishers per stage (quota "
                    + Quotas.PUBLISHERS_PER_STAGE + ")");
        }
        p.published = true;
        p.everPublished = true;
        p.events.add(event(p, "PUBLISH_STARTED", now));
        if (recordingEnabled(stage, p.isReplica())) {
            Storage storage = store.storages.find(stage.recording.path("storageConfigurationArn").asText());
            if (storage == null) {
                p.recordingState = "FAILED";
            } else {
                p.recordingState = "ACTIVE";
                p.recordingBucket = storage.bucketName;
                p.recordingPrefix = stage.id();
            }
        }
    }

    void unpublish(RegionStore store, Participant p, Instant now) {
        if (!p.published) {
            return;
        }
        stopReplicas(store, p, now);
        p.published = false;
        p.events.add(event(p, "PUBLISH_STOPPED", now));
        if ("ACTIVE".equals(p.recordingState)) {
            p.recordingState = "STOPPED";
        }
    }

    void subscribe(Stage stage, Participant p, String remoteId, Instant now) {
        String name = "SUBSCRIBE_STARTED";
        String error = null;
        if (!p.canSubscribe) {
            name = "SUBSCRIBE_ERROR";
            error = "INSUFFICIENT_CAPABILITIES";
        } else if (remoteId != null) {
            Participant remote = stage.active.participant(remoteId);
            if (remote == null || !remote.connected || !remote.published) {
                name = "SUBSCRIBE_ERROR";
                error = "PUBLISHER_NOT_FOUND";
            }
        }
        ObjectNode e = event(p, name, now);
        Json.putIfNotNull(e, "remoteParticipantId", remoteId);
        Json.putIfNotNull(e, "errorCode", error);
        p.events.add(e);
        if (error != null) {
            throw IvsException.validation("Participant " + p.id + " cannot subscribe: " + error);
        }
    }

    void unsubscribe(Participant p, String remoteId, Instant now) {
        ObjectNode e = event(p, "SUBSCRIBE_STOPPED", now);
        Json.putIfNotNull(e, "remoteParticipantId", remoteId);
        p.events.add(e);
    }

    /**
     * The participant leaves (or is disconnected): it stops publishing and replicating, LEFT is recorded,
     * an ingest configuration it publishes through becomes INACTIVE ({@code detach}: and loses its
     * stageArn), and the session ends when nobody is left.
     */
    void leave(RegionStore store, Stage stage, Participant p, Instant now, boolean detach) {
        if (!p.connected) {
            return;
        }
        unpublish(store, p, now);
        p.connected = false;
        p.events.add(event(p, "LEFT", now));
        if (p.ingestArn != null) {
            Ingest ingest = store.ingests.find(p.ingestArn);
            if (ingest != null) {
                ingest.publishingTo = null;
                if (detach) {
                    ingest.stageArn = "";
                }
            }
        }
        if (p.replicaOf != null && "ACTIVE".equals(p.replicaOf.state)) {
            endReplica(p.replicaOf, now);
        }
        if (stage.active != null && stage.active.connected() == 0) {
            stage.active.end = now;
            stage.active = null;
        }
    }

    /** Disconnects everyone (DeleteStage), ending the session. */
    void shutDown(RegionStore store, Stage stage, Instant now) {
        if (stage.active != null) {
            for (Participant p : new ArrayList<>(stage.active.participants)) {
                leave(store, stage, p, now, true);
            }
            if (stage.active != null) {
                stage.active.end = now;
                stage.active = null;
            }
        }
    }

    boolean recordingActive(Stage stage) {
        return stage.active != null
                && stage.active.participants.stream().anyMatch(p -> p.connected && "ACTIVE".equals(p.recordingState));
    }

    private boolean recordingEnabled(Stage stage, boolean replica) {
        ObjectNode r = stage.recording;
        if (r == null || r.path("storageConfigurationArn").asText("").isEmpty()) {
            return false;
        }
        if ("NONE".equals(r.path("mediaTypes").path(0).asText())) {
            return false;
        }
        return !replica || r.path("recordParticipantReplicas").asBoolean(true);
    }

    Replica startReplication(RegionStore store, Stage source, Stage destination, String participantId,
                             Map<String, String> attributes, Instant now) {
        if (source == destination) {
            throw IvsException.validation("destinationStageArn: must differ from sourceStageArn, got " + source.arn
                    + " for both");
        }
        Participant p = connected(source, participantId);
        if (!p.published) {
            throw IvsException.conflict("Participant " + participantId + " is not publishing in stage " + source.arn);
        }
        if (p.isReplica()) {
            throw IvsException.validation("Participant " + participantId + " is itself a replica and cannot be replicated");
        }
        for (Replica r : p.replicas()) {
            if (r.destinationStageArn.equals(destination.arn) && "ACTIVE".equals(r.state)) {
                throw IvsException.conflict("Participant " + participantId + " is already replicated to stage " + destination.arn);
            }
        }
        // "These attributes are merged with any attributes set for this participant when creating the token. If there
        // is overlap in keys, the values in these attributes are replaced." (StartParticipantReplication, attributes:
        // https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_StartParticipantReplication.html)
        Map<String, String> merged = new LinkedHashMap<>();
        if (p.attributes != null) {
            merged.putAll(p.attributes);
        }
        if (attributes != null) {
            merged.putAll(attributes);
        }
        Participant replica = join(destination, new Join(participantId, p.userId, merged.isEmpty() ? null : merged,
                true, false, null, p.protocol), now);
        replica.events.get(replica.events.size() - 1).put("replica", true);
        replica.replicationType = "REPLICA";
        replica.replicationState = "ACTIVE";
        replica.sourceStageArn = source.arn;
        replica.sourceSessionId = source.active.id;
        Replica r = new Replica(source.arn, participantId, source.active.id, destination.arn, destination.active.id, p, replica);
        replica.replicaOf = r;
        try {
            publish(store, destination, replica, now);
        } catch (IvsException e) {
            leave(store, destination, replica, now, false);
            throw e;
        }
        replica.events.get(replica.events.size() - 1).put("replica", true);
        p.replicas().add(r);
        p.replicationType = "SOURCE";
        p.replicationState = "ACTIVE";
        ObjectNode e = event(p, "REPLICATION_STARTED", now);
        e.put("destinationStageArn", destination.arn);
        e.put("destinationSessionId", r.destinationSessionId);
        p.events.add(e);
        return r;
    }

    /** Stops the active replication of the participant to the destination, or ResourceNotFoundException. */
    void stopReplication(RegionStore store, Stage source, String destinationArn, String participantId, Instant now) {
        for (Replica r : replicas(source, participantId)) {
            if (r.destinationStageArn.equals(destinationArn) && "ACTIVE".equals(r.state)) {
                stop(store, r, now);
                return;
            }
        }
        throw IvsException.notFound("Participant replication not found: participant " + participantId + " of stage "
                + source.arn + " to stage " + destinationArn);
    }

    /** All replications (active and stopped) of a participant of the stage, oldest first. */
    List<Replica> replicas(Stage source, String participantId) {
        List<Replica> out = new ArrayList<>();
        if (source.sessions != null) {
            for (Session s : source.sessions) {
                for (Participant p : s.participants) {
                    if (p.id.equals(participantId) && p.replicas != null) {
                        out.addAll(p.replicas);
                    }
                }
            }
        }
        return out;
    }

    private void stopReplicas(RegionStore store, Participant p, Instant now) {
        if (p.replicas != null) {
            for (Replica r : p.replicas) {
                if ("ACTIVE".equals(r.state)) {
                    stop(store, r, now);
                }
            }
        }
    }

    private void stop(RegionStore store, Replica r, Instant now) {
        Stage destination = store.stages.find(r.destinationStageArn);
        if (destination != null && r.destination.connected) {
            leave(store, destination, r.destination, now, false);
        }
        if ("ACTIVE".equals(r.state)) {
            endReplica(r, now);
        }
    }

    private void endReplica(Replica r, Instant now) {
        r.state = "STOPPED";
        r.destination.replicationState = "STOPPED";
        Participant source = r.source;
        ObjectNode e = event(source, "REPLICATION_STOPPED", now);
        e.put("destinationStageArn", r.destinationStageArn);
        e.put("destinationSessionId", r.destinationSessionId);
        source.events.add(e);
        if (source.replicas.stream().noneMatch(x -> "ACTIVE".equals(x.state))) {
            source.replicationState = "STOPPED";
        }
    }

    static ObjectNode event(Participant p, String name, Instant now) {
        ObjectNode e = Json.obj();
        e.put("name", name);
        e.put("participantId", p.id);
        Json.putTime(e, "eventTime", now);
        e.put("replica", p.isReplica());
        return e;
    }
}
