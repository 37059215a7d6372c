package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.time.Instant;
import java.util.List;

/**
 * Stages, their participant tokens and their sessions: CreateStage, GetStage, UpdateStage, DeleteStage, ListStages,
 * CreateParticipantToken, GetStageSession, ListStageSessions.
 *
 * <p>GetStage always returns {@code autoParticipantRecordingConfiguration} with the documented server defaults
 * filled in (storageConfigurationArn "", mediaTypes [AUDIO_VIDEO], thumbnails 60 s SEQUENTIAL DISABLED, reconnect
 * window 0, HLS segments 6 s, recordParticipantReplicas true), also when the caller never set one, as AWS does.
 * A storage configuration that does not exist is a ValidationException on CreateStage (its model declares no
 * ResourceNotFound) and a ResourceNotFoundException on UpdateStage. DeleteStage disconnects everyone and ends
 * the stage's compositions.
 */
final class StageOperations implements OperationRegistry.Family {
    static final ObjectNode RECORDING_DEFAULTS = Json.parse(
            "{\"storageConfigurationArn\":\"\",\"mediaTypes\":[\"AUDIO_VIDEO\"],\"thumbnailConfiguration\":"
            + "{\"targetIntervalSeconds\":60,\"storage\":[\"SEQUENTIAL\"],\"recordingMode\":\"DISABLED\"},"
            + "\"recordingReconnectWindowSeconds\":0,\"hlsConfiguration\":{\"targetSegmentDurationSeconds\":6},"
            + "\"recordParticipantReplicas\":true}");

    private final Quotas quotas;
    private final Sessions sessions;

    StageOperations(Quotas quotas, Sessions sessions) {
        this.quotas = quotas;
        this.sessions = sessions;
    }

    @Override
    public void register(OperationRegistry r) {
        r.write("CreateStage", this::createStage);
        r.read("GetStage", this::getStage);
        r.write("UpdateStage", this::updateStage);
        r.write("DeleteStage", this::deleteStage);
        r.read("ListStages", this::listStages);
        r.write("CreateParticipantToken", this::createParticipantToken);
        r.read("GetStageSession", this::getStageSession);
        r.read("ListStageSessions", this::listStageSessions);
    }

    ObjectNode createStage(ObjectNode in, RegionStore s, Instant now) {
        s.stages.checkQuota(quotas);
        ObjectNode recording = in.has("autoParticipantRecordingConfiguration")
                ? recording(s, (ObjectNode) in.get("autoParticipantRecordingConfiguration"), false) : null;
        Stage st = new Stage(s.arn("stage"), s.nextSeq(), Json.text(in, "name", ""), Resource.tagsOf(in));
        st.recording = recording;
        ArrayNode tokens = Json.arr();
        int index = 0;
        for (JsonNode cfg : in.path("participantTokenConfigurations")) {
            tokens.add(ParticipantTokens.mint(st, cfg, "participantTokenConfigurations." + index++ + ".", now));
        }
        s.stages.add(st);
        ObjectNode out = Json.wrap("stage", stageNode(s, st));
        out.set("participantTokens", tokens);
        return out;
    }

    ObjectNode getStage(ObjectNode in, RegionStore s, Instant now) {
        return Json.wrap("stage", stageNode(s, s.stages.require(Json.text(in, "arn", null))));
    }

    ObjectNode updateStage(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "arn", null));
        ObjectNode recording = null;
        if (in.has("autoParticipantRecordingConfiguration")) {
            recording = recording(s, (ObjectNode) in.get("autoParticipantRecordingConfiguration"), true);
            if (sessions.recordingActive(st)) {
                throw IvsException.conflict("autoParticipantRecordingConfiguration of stage " + st.arn
                        + " cannot be updated while participants are being recorded");
            }
        }
        if (in.has("name")) {
            st.name = Json.text(in, "name", "");
        }
        if (recording != null) {
            st.recording = recording;
        }
        return Json.wrap("stage", stageNode(s, st));
    }

    ObjectNode deleteStage(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "arn", null));
        sessions.shutDown(s, st, now);
        s.stages.remove(st);
        s.purgeEndedCompositions(now);
        return Json.obj();
    }

    ObjectNode listStages(ObjectNode in, RegionStore s, Instant now) {
        return Pager.list(in, "stages", s.stages, 50, r -> true, StageOperations::stageSummary);
    }

    ObjectNode createParticipantToken(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        return Json.wrap("participantToken", ParticipantTokens.mint(st, in, "", now));
    }

    ObjectNode getStageSession(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        return Json.wrap("stageSession", sessionNode(requireSession(st, Json.text(in, "sessionId", null))));
    }

    ObjectNode listStageSessions(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        ObjectNode out = Json.obj();
        Pager.page(in, out, "stageSessions", "sessions:" + st.arn, 50,
                st.sessions == null ? List.<Session>of() : st.sessions, x -> true, StageOperations::sessionNode);
        return out;
    }

    /** The session of the stage, or ResourceNotFoundException. */
    static Session requireSession(Stage st, String sessionId) {
        Session se = st.session(sessionId);
        if (se == null) {
            throw IvsException.notFound("Stage session not found: " + sessionId + " of stage " + st.arn);
        }
        return se;
    }

    private static ObjectNode sessionNode(Session se) {
        ObjectNode o = Json.obj();
        o.put("sessionId", se.id);
        Json.putTime(o, "startTime", se.start);
        Json.putTime(o, "endTime", se.end);
        return o;
    }

    /** Checks a recording configuration and fills in the server defaults. */
    private static ObjectNode recording(RegionStore s, ObjectNode given, boolean update) {
        ObjectNode r = given.deepCopy();
        String storage = Json.text(r, "storageConfigurationArn", "");
        if (!storage.isEmpty() && s.storages.find(storage) == null) {
            String msg = "autoParticipantRecordingConfiguration.storageConfigurationArn: StorageConfiguration not found: " + storage;
            throw update ? IvsException.notFound(msg) : IvsException.validation(msg);
        }
        JsonNode thumb = r.get("thumbnailConfiguration");
        if (thumb != null && Json.has(thumb, "targetIntervalSeconds")
                && !"INTERVAL".equals(Json.text(thumb, "recordingMode", "DISABLED"))) {
            throw IvsException.validation("autoParticipantRecordingConfiguration.thumbnailConfiguration.targetIntervalSeconds:"
                    + " can be set only when recordingMode is INTERVAL, got recordingMode "
                    + Json.text(thumb, "recordingMode", "DISABLED") + " (default DISABLED)");
        }
        if (r.path("mediaTypes").isArray() && r.path("mediaTypes").isEmpty()) {
            r.remove("mediaTypes");
        }
        return Json.fillDefaults(r, RECORDING_DEFAULTS);
    }

    private static ObjectNode stageNode(RegionStore s, Stage st) {
        ObjectNode o = st.base();
        if (st.active != null) {
            o.put("activeSessionId", st.active.id);
        }
        o.set("autoParticipantRecordingConfiguration", (st.recording != null ? st.recording : RECORDING_DEFAULTS).deepCopy());
        ObjectNode e = o.putObject("endpoints");
        e.put("events", "wss://global.events.live-video.net");
        e.put("whip", "https://" + s.endpointPrefix + ".global-bm.whip.live-video.net");
        e.put("rtmp", "rtmp://" + s.endpointPrefix + ".global-contribute.live-video.net/app/");
        e.put("rtmps", "rtmps://" + s.endpointPrefix + ".global-contribute.live-video.net:443/app/");
        return o;
    }

    private static ObjectNode stageSummary(Stage st) {
        ObjectNode o = st.base();
        if (st.active != null) {
            o.put("activeSessionId", st.active.id);
        }
        return o;
    }
}
