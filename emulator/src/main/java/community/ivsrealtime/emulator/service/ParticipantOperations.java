package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Participants of stage sessions, their events and their replication into other stages: GetParticipant,
 * ListParticipants, ListParticipantEvents, DisconnectParticipant, StartParticipantReplication,
 * StopParticipantReplication, ListParticipantReplicas. Participants appear through the simulation
 * ({@link Simulation}); the state changes themselves live in {@link Sessions}.
 *
 * <ul>
 *   <li>A participant's {@code published} (and {@code filterByPublished}) means "ever published to the stage
 *       session", as the model documents. ListParticipants accepts at most one of its four filters.</li>
 *   <li>DisconnectParticipant revokes the participant's token (a later join with it is rejected).</li>
 *   <li>An unknown stage is a ResourceNotFoundException; List operations answer an empty list for an unknown
 *       session or participant, Get operations ResourceNotFoundException.</li>
 *   <li>Replication needs the source participant CONNECTED and publishing (else 404 / 409); the replica joins the
 *       destination's session with the same participant id and the source's token attributes merged with the
 *       request's {@code attributes} (the request wins on the same key).</li>
 * </ul>
 */
final class ParticipantOperations implements OperationRegistry.Family {
    private static final List<String> FILTERS = List.of("filterByUserId", "filterByPublished", "filterByState",
            "filterByRecordingState");

    private final Sessions sessions;

    ParticipantOperations(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void register(OperationRegistry r) {
        r.read("GetParticipant", this::getParticipant);
        r.read("ListParticipants", this::listParticipants);
        r.read("ListParticipantEvents", this::listParticipantEvents);
        r.write("DisconnectParticipant", this::disconnectParticipant);
        r.write("StartParticipantReplication", this::startParticipantReplication);
        r.write("StopParticipantReplication", this::stopParticipantReplication);
        r.read("ListParticipantReplicas", this::listParticipantReplicas);
    }

    ObjectNode getParticipant(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        Session se = StageOperations.requireSession(st, Json.text(in, "sessionId", null));
        String id = Json.text(in, "participantId", null);
        Participant p = se.participant(id);
        if (p == null) {
            throw IvsException.notFound("Participant not found: " + id + " in session " + se.id + " of stage " + st.arn);
        }
        return Json.wrap("participant", p.full());
    }

    ObjectNode listParticipants(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        String sessionId = Json.text(in, "sessionId", "");
        Session se = st.session(sessionId);
        String userId = Json.text(in, "filterByUserId", null);
        Boolean published = Json.has(in, "filterByPublished") ? in.get("filterByPublished").asBoolean() : null;
        String state = Json.text(in, "filterByState", null);
        String recording = Json.text(in, "filterByRecordingState", null);
        // model documentation of each filter: "Only one of filterByUserId, filterByPublished, filterByState, or
        // filterByRecordingState can be provided per request."
        List<String> given = new ArrayList<>();
        for (String f : FILTERS) {
            if (Json.has(in, f)) {
                given.add(f + "=" + in.get(f).asText());
            }
        }
        if (given.size() > 1) {
            throw IvsException.validation("Only one of filterByUserId, filterByPublished, filterByState, or "
                    + "filterByRecordingState can be provided per request, got " + String.join(", ", given));
        }
        ObjectNode out = Json.obj();
        Pager.page(in, out, "participants", "participants:" + st.arn + ":" + sessionId, 50,
                se == null ? List.<Participant>of() : se.participants,
                p -> (userId == null || userId.equals(p.userId))
                        && (published == null || published == p.everPublished)
                        && (state == null || state.equals(p.connected ? "CONNECTED" : "DISCONNECTED"))
                        && (recording == null || recording.equals(p.recordingState)),
                Participant::summary);
        return out;
    }

    ObjectNode listParticipantEvents(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        Session se = st.session(Json.text(in, "sessionId", ""));
        Participant p = se == null ? null : se.participant(Json.text(in, "participantId", ""));
        ObjectNode out = Json.obj();
        Pager.page(in, out, "events", "events:" + st.arn + ":" + (se == null ? "" : se.id) + ":"
                + Json.text(in, "participantId", ""), 50,
                p == null ? List.<ObjectNode>of() : p.events, x -> true, ObjectNode::deepCopy);
        return out;
    }

    ObjectNode disconnectParticipant(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        Participant p = sessions.connected(st, Json.text(in, "participantId", null));
        if (p.token != null) {
            p.token.revoked = true;
        }
        sessions.leave(s, st, p, now, true);
        return Json.obj();
    }

    ObjectNode startParticipantReplication(ObjectNode in, RegionStore s, Instant now) {
        Stage source = s.stages.require(Json.text(in, "sourceStageArn", null));
        Stage destination = s.stages.require(Json.text(in, "destinationStageArn", null));
        Map<String, String> attributes = Json.stringMap(in, "attributes");
        Json.checkAttributesSize(attributes, "attributes");
        sessions.startReplication(s, source, destination, Json.text(in, "participantId", null), attributes, now);
        return Json.obj();
    }

    ObjectNode stopParticipantReplication(ObjectNode in, RegionStore s, Instant now) {
        Stage source = s.stages.require(Json.text(in, "sourceStageArn", null));
        String destination = Json.text(in, "destinationStageArn", null);
        s.stages.require(destination);
        sessions.stopReplication(s, source, destination, Json.text(in, "participantId", null), now);
        return Json.obj();
    }

    ObjectNode listParticipantReplicas(ObjectNode in, RegionStore s, Instant now) {
        Stage source = s.stages.require(Json.text(in, "sourceStageArn", null));
        String id = Json.text(in, "participantId", "");
        ObjectNode out = Json.obj();
        Pager.page(in, out, "replicas", "replicas:" + source.arn + ":" + id, 50,
                sessions.replicas(source, id), x -> true, Replica::node);
        return out;
    }
}
