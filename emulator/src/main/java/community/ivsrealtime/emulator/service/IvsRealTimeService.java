package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.AdminInput;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.core.IvsException;
import community.ivsrealtime.emulator.core.OperationHandler;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-memory business logic of all 39 IVS Real-Time operations, per account and region. Input has been
 * validated against the model before {@link #invoke} is called; this class applies the business and
 * cross-field rules of the API reference §10. Thread-safe: one read-write lock per account and region.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Get and List return {@code name} ({@code ""} when never set) and {@code tags} ({@code {}}) always.
 *       {@code GetStage} always returns {@code autoParticipantRecordingConfiguration} with the documented
 *       server defaults filled in (storageConfigurationArn "", mediaTypes [AUDIO_VIDEO], thumbnails 60 s
 *       SEQUENTIAL DISABLED, reconnect window 0, HLS segments 6 s, recordParticipantReplicas true), also
 *       when the caller never set one, as AWS does.</li>
 *   <li>A referenced resource that does not exist: {@code ValidationException} from operations whose model
 *       declares no ResourceNotFound (CreateStage's storageConfigurationArn, CreateIngestConfiguration's
 *       stageArn), {@code ResourceNotFoundException} elsewhere (UpdateStage, UpdateIngestConfiguration,
 *       StartComposition, ...).</li>
 *   <li>Public key fingerprint: MD5 of the DER (SubjectPublicKeyInfo) bytes, lower-case hex pairs joined
 *       with {@code :} (the 16-pair form of the IVS documentation examples). EC and RSA keys are accepted.</li>
 *   <li>StartComposition idempotency: the same token with the same request returns the running composition;
 *       the same token with a different request is a {@code ConflictException}. A stopped composition is
 *       deleted (GetComposition then 404) and frees its token. Compositions are STARTING for one second of
 *       clock time, then ACTIVE. As in IVS, a composition also ends by itself 60 s after its stage became
 *       empty (counted from its start or the end of the stage's last session, whichever is later; use
 *       {@code advanceTime} to see it), and DeleteStage ends those of the stage.</li>
 *   <li>Recording: participants publishing in a stage whose recording configuration names a storage
 *       configuration (and media type not NONE) are recorded: recordingState ACTIVE, recordingS3BucketName
 *       of that storage configuration, recordingS3Prefix the stage id. UpdateStage of the recording
 *       configuration while someone is recorded is a ConflictException.</li>
 *   <li>DisconnectParticipant revokes the participant's token (a later join with it is rejected).</li>
 *   <li>A participant's {@code published} (and {@code filterByPublished}) means "ever published to the stage
 *       session", as the model documents: it stays true after unpublishing or leaving. ListParticipants accepts
 *       at most one of its four filters (ValidationException otherwise), as the model documents.</li>
 *   <li>Sessions end as soon as the last connected participant leaves. DeleteStage disconnects everyone and
 *       sets {@code stageArn ""} (and INACTIVE) on the ingest configurations publishing to it; ingest
 *       configurations that merely name the stage keep their stageArn, as the API documents.</li>
 *   <li>Operations on a stage's runtime data (sessions, participants, events, replicas) answer
 *       ResourceNotFoundException for an unknown stage; List operations answer an empty list for an unknown
 *       session or participant, Get operations ResourceNotFoundException.</li>
 *   <li>Participant replication needs the source participant CONNECTED and publishing (else 404 / 409); the
 *       replica joins the destination's session with the same participant id; it stops with
 *       StopParticipantReplication, when the source stops publishing or leaves, or when the replica is
 *       disconnected.</li>
 *   <li>Lists are in creation order; {@code maxResults} defaults to 100 for compositions, encoder and
 *       storage configurations and to 50 for the rest (API reference §9.14).</li>
 * </ul>
 *
 * <h2>Simulation ({@link #admin}, also {@code POST /_emulator/simulate/{action}})</h2>
 * Every action answers a JSON object; unknown stages, participants or ingest configurations give
 * ResourceNotFoundException, missing members ValidationException. Before anything happens every member is
 * checked: an unknown member or a value of the wrong JSON type (a string where a list is expected, a JSON
 * {@code null}, a capability or protocol outside its enum) is a ValidationException naming the member, the
 * expected type and the value ({@link AdminInput}, shared with the admin fault and quota checks).
 * <ul>
 *   <li>{@code join} {@code {"stageArn", "token"?, "userId"?, "attributes"?, "capabilities"?, "publish"?,
 *       "subscribe"?, "protocol"? (UNKNOWN|WHIP|RTMP|RTMPS, default WHIP), "ispName"?, "osName"?, "osVersion"?,
 *       "browserName"?, "browserVersion"?, "sdkVersion"?}}: a participant joins. With {@code token} (from
 *       CreateParticipantToken or CreateStage) its participant id, user id, attributes and capabilities come
 *       from the token; an unknown, revoked or expired token is rejected (ValidationException). Without a
 *       token a participant with a new id and the given (default: PUBLISH, SUBSCRIBE) capabilities joins.
 *       The first join opens a session. Answer {@code {"stageArn","sessionId","participantId","participant"}}.</li>
 *   <li>{@code publish}, {@code unpublish}, {@code leave} {@code {"stageArn","participantId"}};
 *       {@code subscribe}, {@code unsubscribe} {@code {"stageArn","participantId","remoteParticipantId"?}}:
 *       same answer. Publishing without the PUBLISH capability records PUBLISH_ERROR and fails; the last
 *       leave ends the session.</li>
 *   <li>{@code ingestStart} / {@code ingestStop} {@code {"ingestConfigurationArn"}}: the configuration's
 *       participant joins its stage and publishes with protocol RTMP/RTMPS (state ACTIVE), or leaves.</li>
 *   <li>{@code advanceTime} {@code {"seconds"}}: moves this service's clock forward (token expiry,
 *       composition start-up), at most to 9999-12-31T23:59:59Z; {@code now} {@code {}}: the current time.
 *       Answer {@code {"now"}}.</li>
 * </ul>
 */
public final class IvsRealTimeService implements OperationHandler {
    private static final Set<String> READS = Set.of("GetStage", "ListStages", "GetEncoderConfiguration",
            "ListEncoderConfigurations", "GetStorageConfiguration", "ListStorageConfigurations", "GetPublicKey",
            "ListPublicKeys", "GetIngestConfiguration", "ListIngestConfigurations", "GetComposition",
            "ListCompositions", "GetStageSession", "ListStageSessions", "GetParticipant", "ListParticipants",
            "ListParticipantEvents", "ListParticipantReplicas", "ListTagsForResource");
    private static final ObjectNode RECORDING_DEFAULTS = defaultsNode(
            "{\"storageConfigurationArn\":\"\",\"mediaTypes\":[\"AUDIO_VIDEO\"],\"thumbnailConfiguration\":"
            + "{\"targetIntervalSeconds\":60,\"storage\":[\"SEQUENTIAL\"],\"recordingMode\":\"DISABLED\"},"
            + "\"recordingReconnectWindowSeconds\":0,\"hlsConfiguration\":{\"targetSegmentDurationSeconds\":6},"
            + "\"recordParticipantReplicas\":true}");
    private static final ObjectNode GRID_DEFAULTS = defaultsNode(
            "{\"featuredParticipantAttribute\":\"\",\"omitStoppedVideo\":false,\"videoAspectRatio\":\"VIDEO\",\"gridGap\":2}");
    private static final ObjectNode PIP_DEFAULTS = defaultsNode(
            "{\"featuredParticipantAttribute\":\"\",\"omitStoppedVideo\":false,\"videoFillMode\":\"COVER\",\"gridGap\":0,"
            + "\"pipParticipantAttribute\":\"\",\"pipBehavior\":\"STATIC\",\"pipOffset\":0,\"pipPosition\":\"BOTTOM_RIGHT\"}");
    private static final ObjectNode S3_DESTINATION_DEFAULTS = defaultsNode(
            "{\"recordingConfiguration\":{\"format\":\"HLS\",\"hlsConfiguration\":{\"targetSegmentDurationSeconds\":2}}}");
    private static final ObjectNode THUMBNAIL_DEFAULTS = defaultsNode(
            "{\"targetIntervalSeconds\":60,\"storage\":[\"SEQUENTIAL\"]}");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----\\r?\\n([a-zA-Z0-9+/=\\r\\n]+)\\r?\\n-----END PUBLIC KEY-----");
    private static final String[] CLIENT_ATTRIBUTES = {"ispName", "osName", "osVersion", "browserName", "browserVersion", "sdkVersion"};
    /** The members each simulate action accepts, with their types (in the order of the class comment). */
    private static final Map<String, Map<String, AdminInput.Kind>> SIMULATE_MEMBERS = simulateMembers();
    /** The latest service time {@code advanceTime} may reach (the end of the 4-digit years of ISO-8601). */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final Quotas quotas;
    private final Sessions sessions;
    private final Map<String, RegionStore> stores = new ConcurrentHashMap<>();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public IvsRealTimeService(Clock clock, Quotas quotas) {
        this.clock = clock;
        this.quotas = quotas;
        this.sessions = new Sessions(quotas);
    }

    public IvsRealTimeService() {
        this(Clock.systemUTC(), Quotas.defaults());
    }

    public Quotas quotas() {
        return quotas;
    }

    /** Forgets all state of all accounts and regions and any {@code advanceTime} (quotas are kept). */
    public void reset() {
        stores.clear();
        offset.set(Duration.ZERO);
    }

    /** The service's current time: the clock plus any {@code advanceTime}, at millisecond precision. */
    public Instant now() {
        return clock.instant().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public ObjectNode invoke(String operation, ObjectNode input, CallContext ctx) {
        RegionStore store = stores.computeIfAbsent(ctx.accountId() + " " + ctx.region(),
                k -> new RegionStore(ctx.accountId(), ctx.region()));
        Lock lock = READS.contains(operation) ? store.lock.readLock() : store.lock.writeLock();
        lock.lock();
        try {
            return dispatch(operation, input, store, now());
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode dispatch(String op, ObjectNode in, RegionStore s, Instant now) {
        switch (op) {
            case "CreateStage": return createStage(in, s, now);
            case "GetStage": return wrap("stage", stageNode(s, s.stages.require(Json.text(in, "arn", null))));
            case "UpdateStage": return updateStage(in, s);
            case "DeleteStage": return deleteStage(in, s, now);
            case "ListStages": return list(in, "stages", s.stages, 50, r -> true, IvsRealTimeService::stageSummary);
            case "CreateParticipantToken": {
                Stage st = s.stages.require(Json.text(in, "stageArn", null));
                return wrap("participantToken", mint(st, in, "", now));
            }
            case "CreateEncoderConfiguration": return createEncoder(in, s);
            case "GetEncoderConfiguration":
                return wrap("encoderConfiguration", s.encoders.require(Json.text(in, "arn", null)).full());
            case "DeleteEncoderConfiguration": return deleteUnused(s.encoders, in, s, now);
            case "ListEncoderConfigurations":
                return list(in, "encoderConfigurations", s.encoders, 100, r -> true, Resource::base);
            case "CreateStorageConfiguration": {
                s.storages.checkQuota(quotas);
                Storage st = new Storage(s.arn("storage-configuration"), s.nextSeq(), Json.text(in, "name", ""),
                        tags(in), in.path("s3").path("bucketName").asText());
                s.storages.add(st);
                return wrap("storageConfiguration", st.full());
            }
            case "GetStorageConfiguration":
                return wrap("storageConfiguration", s.storages.require(Json.text(in, "arn", null)).full());
            case "DeleteStorageConfiguration": return deleteUnused(s.storages, in, s, now);
            case "ListStorageConfigurations":
                return list(in, "storageConfigurations", s.storages, 100, r -> true, Storage::full);
            case "ImportPublicKey": return importKey(in, s);
            case "GetPublicKey": return wrap("publicKey", s.keys.require(Json.text(in, "arn", null)).full());
            case "DeletePublicKey": {
                Key k = s.keys.require(Json.text(in, "arn", null));
                s.keys.remove(k);
                s.keysByFingerprint.remove(k.fingerprint);
                return Json.obj();
            }
            case "ListPublicKeys": return list(in, "publicKeys", s.keys, 50, r -> true, Resource::base);
            case "CreateIngestConfiguration": return createIngest(in, s);
            case "GetIngestConfiguration":
                return wrap("ingestConfiguration", s.ingests.require(Json.text(in, "arn", null)).full());
            case "UpdateIngestConfiguration": return updateIngest(in, s);
            case "DeleteIngestConfiguration": return deleteIngest(in, s, now);
            case "ListIngestConfigurations": {
                String stage = Json.text(in, "filterByStageArn", null);
                String state = Json.text(in, "filterByState", null);
                return list(in, "ingestConfigurations", s.ingests, 50,
                        i -> (stage == null || stage.equals(i.stageArn)) && (state == null || state.equals(i.state())),
                        Ingest::summary);
            }
            case "StartComposition": return startComposition(in, s, now);
            case "GetComposition":
                return wrap("composition", s.composition(Json.text(in, "arn", null), now).full(now));
            case "StopComposition": {
                s.purgeEndedCompositions(now);
                s.removeComposition(s.compositions.require(Json.text(in, "arn", null)));
                return Json.obj();
            }
            case "ListCompositions": {
                String stage = Json.text(in, "filterByStageArn", null);
                String encoder = Json.text(in, "filterByEncoderConfigurationArn", null);
                return list(in, "compositions", s.compositions, 100,
                        c -> (stage == null || stage.equals(c.stageArn)) && (encoder == null || c.uses(encoder))
                                && !s.ended(c, now),
                        c -> c.summary(now));
            }
            case "TagResource": {
                Map<String, String> add = tags(in);
                taggable(s, in, now).tag(add);
                return Json.obj();
            }
            case "UntagResource": {
                List<String> keys = new ArrayList<>();
                in.path("tagKeys").forEach(k -> keys.add(k.asText()));
                taggable(s, in, now).untag(keys);
                return Json.obj();
            }
            case "ListTagsForResource": return wrap("tags", taggable(s, in, now).tagsNode());
            case "GetStageSession": {
                Stage st = s.stages.require(Json.text(in, "stageArn", null));
                return wrap("stageSession", sessionNode(requireSession(st, Json.text(in, "sessionId", null))));
            }
            case "ListStageSessions": {
                Stage st = s.stages.require(Json.text(in, "stageArn", null));
                ObjectNode out = Json.obj();
                Pager.page(in, out, "stageSessions", "sessions:" + st.arn, 50,
                        st.sessions == null ? List.<Session>of() : st.sessions, x -> true, IvsRealTimeService::sessionNode);
                return out;
            }
            case "GetParticipant": {
                Stage st = s.stages.require(Json.text(in, "stageArn", null));
                Session se = requireSession(st, Json.text(in, "sessionId", null));
                String id = Json.text(in, "participantId", null);
                Participant p = se.participant(id);
                if (p == null) {
                    throw IvsException.notFound("Participant not found: " + id + " in session " + se.id + " of stage " + st.arn);
                }
                return wrap("participant", p.full());
            }
            case "ListParticipants": return listParticipants(in, s);
            case "ListParticipantEvents": {
                Stage st = s.stages.require(Json.text(in, "stageArn", null));
                Session se = st.session(Json.text(in, "sessionId", ""));
                Participant p = se == null ? null : se.participant(Json.text(in, "participantId", ""));
                ObjectNode out = Json.obj();
                Pager.page(in, out, "events", "events:" + st.arn + ":" + (se == null ? "" : se.id) + ":"
                        + Json.text(in, "participantId", ""), 50,
                        p == null ? List.<ObjectNode>of() : p.events, x -> true, ObjectNode::deepCopy);
                return out;
            }
            case "DisconnectParticipant": {
                Stage st = s.stages.require(Json.text(in, "stageArn", null));
                Participant p = sessions.connected(st, Json.text(in, "participantId", null));
                if (p.token != null) {
                    p.token.revoked = true;
                }
                sessions.leave(s, st, p, now, true);
                return Json.obj();
            }
            case "StartParticipantReplication": {
                Stage source = s.stages.require(Json.text(in, "sourceStageArn", null));
                Stage destination = s.stages.require(Json.text(in, "destinationStageArn", null));
                Map<String, String> attributes = Json.stringMap(in, "attributes");
                Json.checkAttributesSize(attributes, "attributes");
                sessions.startReplication(s, source, destination, Json.text(in, "participantId", null), attributes, now);
                return Json.obj();
            }
            case "StopParticipantReplication": {
                Stage source = s.stages.require(Json.text(in, "sourceStageArn", null));
                String destination = Json.text(in, "destinationStageArn", null);
                s.stages.require(destination);
                sessions.stopReplication(s, source, destination, Json.text(in, "participantId", null), now);
                return Json.obj();
            }
            case "ListParticipantReplicas": {
                Stage source = s.stages.require(Json.text(in, "sourceStageArn", null));
                String id = Json.text(in, "participantId", "");
                ObjectNode out = Json.obj();
                Pager.page(in, out, "replicas", "replicas:" + source.arn + ":" + id, 50,
                        sessions.replicas(source, id), x -> true, Replica::node);
                return out;
            }
            default:
                throw IvsException.validation("Unknown operation: " + op);
        }
    }

    // ---------------------------------------------------------------- stages

    private ObjectNode createStage(ObjectNode in, RegionStore s, Instant now) {
        s.stages.checkQuota(quotas);
        ObjectNode recording = in.has("autoParticipantRecordingConfiguration")
                ? recording(s, (ObjectNode) in.get("autoParticipantRecordingConfiguration"), false) : null;
        Stage st = new Stage(s.arn("stage"), s.nextSeq(), Json.text(in, "name", ""), tags(in));
        st.recording = recording;
        ArrayNode tokens = Json.arr();
        int index = 0;
        for (JsonNode cfg : in.path("participantTokenConfigurations")) {
            tokens.add(mint(st, cfg, "participantTokenConfigurations." + index++ + ".", now));
        }
        s.stages.add(st);
        ObjectNode out = wrap("stage", stageNode(s, st));
        out.set("participantTokens", tokens);
        return out;
    }

    private ObjectNode updateStage(ObjectNode in, RegionStore s) {
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
        return wrap("stage", stageNode(s, st));
    }

    private ObjectNode deleteStage(ObjectNode in, RegionStore s, Instant now) {
        Stage st = s.stages.require(Json.text(in, "arn", null));
        sessions.shutDown(s, st, now);
        s.stages.remove(st);
        s.purgeEndedCompositions(now);
        return Json.obj();
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

    // ---------------------------------------------------------------- tokens

    /**
     * Mints a participant token for the stage from a ParticipantTokenConfiguration-shaped node; {@code path} is the
     * node's member path for messages ({@code ""} or {@code participantTokenConfigurations.0.}).
     */
    private static ObjectNode mint(Stage st, JsonNode cfg, String path, Instant now) {
        Integer d = Json.integer(cfg, "duration");
        int duration = d == null ? 720 : d;
        List<String> capabilities = new ArrayList<>();
        if (cfg.has("capabilities")) {
            cfg.get("capabilities").forEach(c -> {
                if (!capabilities.contains(c.asText())) {
                    capabilities.add(c.asText());
                }
            });
        } else {
            capabilities.add("PUBLISH");
            capabilities.add("SUBSCRIBE");
        }
        Map<String, String> attributes = Json.stringMap(cfg, "attributes");
        Json.checkAttributesSize(attributes, path + "attributes");
        String userId = Json.text(cfg, "userId", null);
        String participantId = Ids.alnum(12);
        Instant expires = now.plus(Duration.ofMinutes(duration));
        ObjectNode payload = Json.obj();
        payload.put("exp", expires.getEpochSecond());
        payload.put("iat", now.getEpochSecond());
        payload.put("jti", participantId);
        payload.put("resource", st.arn);
        payload.put("topic", st.id());
        Json.putIfNotNull(payload, "user_id", userId);
        payload.set("attributes", Json.mapNode(attributes));
        ObjectNode caps = payload.putObject("capabilities");
        caps.put("allow_publish", capabilities.contains("PUBLISH"));
        caps.put("allow_subscribe", capabilities.contains("SUBSCRIBE"));
        payload.put("version", "1.0");
        String jwt = b64("{\"alg\":\"ES384\",\"typ\":\"JWT\"}") + "." + b64(payload.toString()) + "."
                + B64URL.encodeToString(Ids.secureBytes(96));
        Token t = new Token(jwt, participantId, userId, attributes, List.copyOf(capabilities), duration, expires);
        st.tokens().put(jwt, t);

        ObjectNode o = Json.obj();
        o.put("participantId", participantId);
        o.put("token", jwt);
        Json.putIfNotNull(o, "userId", userId);
        o.set("attributes", Json.mapNode(attributes));
        o.put("duration", duration);
        o.set("capabilities", Json.strings(capabilities));
        Json.putTime(o, "expirationTime", expires);
        return o;
    }

    private static String b64(String text) {
        return B64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- encoder, storage, public key

    private ObjectNode createEncoder(ObjectNode in, RegionStore s) {
        s.encoders.checkQuota(quotas);
        JsonNode v = in.path("video");
        int width = v.path("width").asInt(1280);
        int height = v.path("height").asInt(720);
        double framerate = v.path("framerate").asDouble(30);
        int bitrate = v.path("bitrate").asInt(2_500_000);
        if (width % 2 != 0 || height % 2 != 0) {
            throw IvsException.validation("video: width and height must be even, got " + width + "x" + height);
        }
        if ((long) width * height > 2_073_600L) {
            throw IvsException.validation("video: width*height must be at most 2073600 (1920x1080 or 1080x1920), got "
                    + width + "x" + height);
        }
        Encoder e = new Encoder(s.arn("encoder-configuration"), s.nextSeq(), Json.text(in, "name", ""), tags(in),
                width, height, framerate, bitrate);
        s.encoders.add(e);
        return wrap("encoderConfiguration", e.full());
    }

    /** Deletes an encoder or storage configuration unless a composition uses it. */
    private static <R extends Resource> ObjectNode deleteUnused(Table<R> table, ObjectNode in, RegionStore s, Instant now) {
        R r = table.require(Json.text(in, "arn", null));
        s.purgeEndedCompositions(now);
        for (Composition c : s.compositions.values()) {
            if (c.uses(r.arn)) {
                throw IvsException.conflict(table.label + " " + r.arn + " is used by composition " + c.arn);
            }
        }
        table.remove(r);
        return Json.obj();
    }

    private ObjectNode importKey(ObjectNode in, RegionStore s) {
        String material = Json.text(in, "publicKeyMaterial", "");
        byte[] der = parsePublicKey(material);
        String fingerprint;
        try {
            fingerprint = Ids.hex(MessageDigest.getInstance("MD5").digest(der), ":");
        } catch (GeneralSecurityException e) {
            throw IvsException.internal("MD5 unavailable");
        }
        Key existing = s.keysByFingerprint.get(fingerprint);
        if (existing != null) {
            throw IvsException.conflict("publicKeyMaterial: this public key is already imported as " + existing.arn);
        }
        s.keys.checkQuota(quotas);
        Key k = new Key(s.arn("public-key"), s.nextSeq(), Json.text(in, "name", ""), tags(in), material, fingerprint);
        s.keys.add(k);
        s.keysByFingerprint.put(fingerprint, k);
        return wrap("publicKey", k.full());
    }

    /** The DER of a PEM public key that Java reads as an EC or RSA key, else ValidationException. */
    static byte[] parsePublicKey(String material) {
        Matcher m = PEM.matcher(material);
        if (!m.find()) {
            throw IvsException.validation("publicKeyMaterial: not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw IvsException.validation("publicKeyMaterial: invalid base64 in the PEM body");
        }
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                return der;
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw IvsException.validation("publicKeyMaterial: not a valid EC or RSA public key");
    }

    // ---------------------------------------------------------------- ingest configurations

    private ObjectNode createIngest(ObjectNode in, RegionStore s) {
        String protocol = Json.text(in, "ingestProtocol", "RTMPS");
        boolean insecure = Json.bool(in, "insecureIngest", false);
        if ("RTMP".equals(protocol) && !insecure) {
            throw IvsException.validation("insecureIngest: must be true when ingestProtocol is RTMP, got "
                    + (Json.has(in, "insecureIngest") ? "false" : "none (default false)"));
        }
        String stageArn = Json.text(in, "stageArn", "");
        if (!stageArn.isEmpty() && s.stages.find(stageArn) == null) {
            throw IvsException.validation("stageArn: Stage not found: " + stageArn);
        }
        Map<String, String> attributes = Json.stringMap(in, "attributes");
        Json.checkAttributesSize(attributes, "attributes");
        s.ingests.checkQuota(quotas);
        String arn = s.arn("ingest-configuration");
        String streamKey = "rt_" + s.account + "_" + s.region + "_" + Ids.idOf(arn) + "_" + Ids.alnum(32);
        Ingest i = new Ingest(arn, s.nextSeq(), Json.text(in, "name", ""), tags(in), protocol, insecure, stageArn,
                Json.text(in, "userId", null), attributes, Ids.alnum(12), streamKey);
        s.ingests.add(i);
        return wrap("ingestConfiguration", i.full());
    }

    private ObjectNode updateIngest(ObjectNode in, RegionStore s) {
        Ingest i = s.ingests.require(Json.text(in, "arn", null));
        if (i.publishingTo != null) {
            throw IvsException.conflict("IngestConfiguration " + i.arn + " is ACTIVE and cannot be updated");
        }
        if (in.has("stageArn")) {
            String stageArn = Json.text(in, "stageArn", "");
            if (!stageArn.isEmpty()) {
                s.stages.require(stageArn);
            }
            i.stageArn = stageArn;
        }
        return wrap("ingestConfiguration", i.full());
    }

    private ObjectNode deleteIngest(ObjectNode in, RegionStore s, Instant now) {
        Ingest i = s.ingests.require(Json.text(in, "arn", null));
        if (i.publishingTo != null) {
            if (!Json.bool(in, "force", false)) {
                throw IvsException.conflict("IngestConfiguration " + i.arn + " is publishing to " + i.publishingTo
                        + "; set force to delete it");
            }
            Stage st = s.stages.find(i.publishingTo);
            if (st != null && st.active != null) {
                Participant p = st.active.participant(i.participantId);
                if (p != null) {
                    sessions.leave(s, st, p, now, true);
                }
            }
            i.publishingTo = null;
        }
        s.ingests.remove(i);
        return Json.obj();
    }

    // ---------------------------------------------------------------- compositions

    private ObjectNode startComposition(ObjectNode in, RegionStore s, Instant now) {
        s.purgeEndedCompositions(now);
        String token = Json.text(in, "idempotencyToken", null);
        ObjectNode request = in.deepCopy();
        request.remove("idempotencyToken");
        if (token != null) {
            Composition existing = s.compositionsByToken.get(token);
            if (existing != null) {
                if (existing.request.equals(request)) {
                    return wrap("composition", existing.full(now));
                }
                throw IvsException.conflict("idempotencyToken " + token + " was already used with a different request (composition "
                        + existing.arn + ")");
            }
        }
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        String arn = s.arn("composition");
        List<ObjectNode> destinations = new ArrayList<>();
        int index = 0;
        for (JsonNode d : in.path("destinations")) {
            destinations.add(destination(s, (ObjectNode) d, index++, Ids.idOf(arn)));
        }
        ObjectNode layout = in.has("layout") ? ((ObjectNode) in.get("layout")).deepCopy() : Json.obj();
        if (!layout.has("grid") && !layout.has("pip")) {
            layout.putObject("grid");
        }
        if (layout.has("grid")) {
            Json.fillDefaults((ObjectNode) layout.get("grid"), GRID_DEFAULTS);
        }
        if (layout.has("pip")) {
            Json.fillDefaults((ObjectNode) layout.get("pip"), PIP_DEFAULTS);
        }
        s.compositions.checkQuota(quotas);
        Composition c = new Composition(arn, s.nextSeq(), tags(in), st.arn, layout, destinations, now, token, request);
        s.compositions.add(c);
        if (token != null) {
            s.compositionsByToken.put(token, c);
        }
        return wrap("composition", c.full(now));
    }

    private static ObjectNode destination(RegionStore s, ObjectNode given, int index, String compositionId) {
        ObjectNode cfg = given.deepCopy();
        boolean channel = Json.has(cfg, "channel");
        boolean s3 = Json.has(cfg, "s3");
        if (channel == s3) {
            throw IvsException.validation("destinations." + index + ": Either a channel or an s3 must be specified, got "
                    + (channel ? "both" : "neither"));
        }
        String id = Ids.alnum(12);
        ObjectNode d = Json.obj();
        d.put("id", id);
        if (channel) {
            String channelArn = cfg.path("channel").path("channelArn").asText();
            if (!Ids.sameAccountAndRegion(channelArn, s.account, s.region)) {
                throw IvsException.validation("destinations." + index + ".channel.channelArn: the channel must be in the account"
                        + " and region of the stage, got " + channelArn);
            }
            String encoder = Json.text(cfg.get("channel"), "encoderConfigurationArn", null);
            if (encoder != null) {
                s.encoders.require(encoder);
            }
        } else {
            ObjectNode c = (ObjectNode) cfg.get("s3");
            s.storages.require(Json.text(c, "storageConfigurationArn", null));
            for (JsonNode e : c.path("encoderConfigurationArns")) {
                s.encoders.require(e.asText());
            }
            Json.fillDefaults(c, S3_DESTINATION_DEFAULTS);
            for (JsonNode t : c.path("thumbnailConfigurations")) {
                Json.fillDefaults((ObjectNode) t, THUMBNAIL_DEFAULTS);
            }
            d.putObject("detail").putObject("s3").put("recordingPrefix", compositionId + "/" + id);
        }
        d.set("configuration", cfg);
        return d;
    }

    // ---------------------------------------------------------------- sessions and participants

    private static Session requireSession(Stage st, String sessionId) {
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

    private ObjectNode listParticipants(ObjectNode in, RegionStore s) {
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        String sessionId = Json.text(in, "sessionId", "");
        Session se = st.session(sessionId);
        String userId = Json.text(in, "filterByUserId", null);
        Boolean published = Json.has(in, "filterByPublished") ? in.get("filterByPublished").asBoolean() : null;
        String state = Json.text(in, "filterByState", null);
        String recording = Json.text(in, "filterByRecordingState", null);
        // model documentation of each filter: "Only one of filterByUserId, filterByPublished, filterByState, or
        // filterByRecordingState can be provided per request."
        List<String> filters = new java.util.ArrayList<>();
        for (String f : new String[] {"filterByUserId", "filterByPublished", "filterByState", "filterByRecordingState"}) {
            if (Json.has(in, f)) {
                filters.add(f + "=" + in.get(f).asText());
            }
        }
        if (filters.size() > 1) {
            throw IvsException.validation("Only one of filterByUserId, filterByPublished, filterByState, or "
                    + "filterByRecordingState can be provided per request, got " + String.join(", ", filters));
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

    // ---------------------------------------------------------------- tags, lists, helpers

    private static Resource taggable(RegionStore s, ObjectNode in, Instant now) {
        String arn = Json.text(in, "resourceArn", null);
        Table<? extends Resource> table = s.tableFor(arn);
        Resource r = table == null ? null : table.find(arn);
        // a composition that ended by itself is gone (GetComposition answers 404), even before it is purged
        if (r == null || (r instanceof Composition c && s.ended(c, now))) {
            throw Ids.notFound("Resource", arn);
        }
        return r;
    }

    private static Map<String, String> tags(JsonNode in) {
        Map<String, String> tags = Json.stringMap(in, "tags");
        Resource.checkTagCount(tags);
        return tags;
    }

    private static <R extends Resource> ObjectNode list(ObjectNode in, String field, Table<R> table, int defaultMax,
                                                        java.util.function.Predicate<? super R> filter,
                                                        Function<? super R, JsonNode> render) {
        ObjectNode out = Json.obj();
        Pager.page(in, out, field, table.type, defaultMax, table.ordered(), filter, render);
        return out;
    }

    private static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode o = Json.obj();
        o.set(field, value);
        return o;
    }

    private static ObjectNode defaultsNode(String json) {
        try {
            return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- simulation

    /** Simulation and other admin actions (see the class comment). */
    public ObjectNode admin(String action, ObjectNode body, CallContext ctx) {
        ObjectNode in = body == null ? Json.obj() : body;
        Map<String, AdminInput.Kind> members = SIMULATE_MEMBERS.get(action);
        if (members == null) {
            throw IvsException.validation("Unknown simulation action: " + action
                    + " (known: " + String.join(", ", SIMULATE_MEMBERS.keySet()) + ")");
        }
        AdminInput.check(action, in, members);
        switch (action) {
            case "advanceTime": {
                JsonNode sec = in.get("seconds");
                if (sec == null || sec.asDouble() < 0) {
                    throw IvsException.validation("advanceTime member seconds must be a number >= 0, got " + sec);
                }
                long millis = (long) (sec.asDouble() * 1000); // saturates at Long.MAX_VALUE
                offset.updateAndGet(d -> {
                    // keep the service time within 4-digit years: later instants are not ISO-8601 timestamps the
                    // SDKs parse, and past Instant.MAX every call would fail
                    Instant target;
                    try {
                        target = clock.instant().plus(d).plusMillis(millis);
                    } catch (java.time.DateTimeException | ArithmeticException e) {
                        target = null;
                    }
                    if (target == null || target.isAfter(LATEST)) {
                        throw IvsException.validation("advanceTime: seconds " + sec.asText()
                                + " would move the clock past " + LATEST);
                    }
                    return d.plusMillis(millis);
                });
                return wrap("now", Json.F.textNode(Json.time(now())));
            }
            case "now":
                return wrap("now", Json.F.textNode(Json.time(now())));
            default:
                break; // participant and ingest actions
        }
        RegionStore s = stores.computeIfAbsent(ctx.accountId() + " " + ctx.region(),
                k -> new RegionStore(ctx.accountId(), ctx.region()));
        s.lock.writeLock().lock();
        try {
            Instant now = now();
            if (action.startsWith("ingest")) {
                return ingestAction(action, in, s, now);
            }
            Stage st = s.stages.require(required(action, in, "stageArn"));
            Participant p;
            if (action.equals("join")) {
                p = join(in, s, st, now);
            } else {
                p = sessions.connected(st, required(action, in, "participantId"));
                String remote = Json.text(in, "remoteParticipantId", null);
                switch (action) {
                    case "publish": sessions.publish(s, st, p, now); break;
                    case "unpublish": sessions.unpublish(s, p, now); break;
                    case "subscribe": sessions.subscribe(st, p, remote, now); break;
                    case "unsubscribe": sessions.unsubscribe(p, remote, now); break;
                    default: sessions.leave(s, st, p, now, false); break;
                }
            }
            return participantAnswer(st, p);
        } finally {
            s.lock.writeLock().unlock();
        }
    }

    private Participant join(ObjectNode in, RegionStore s, Stage st, Instant now) {
        ObjectNode client = null;
        for (String a : CLIENT_ATTRIBUTES) {
            if (Json.has(in, a)) {
                if (client == null) {
                    client = Json.obj();
                }
                client.put(a, in.get(a).asText());
            }
        }
        String protocol = Json.text(in, "protocol", "WHIP");
        String tokenText = Json.text(in, "token", null);
        Participant p;
        if (tokenText != null) {
            Token t = st.tokens == null ? null : st.tokens.get(tokenText);
            if (t == null) {
                throw IvsException.validation("join rejected: the token was not issued for stage " + st.arn);
            }
            if (t.revoked) {
                throw IvsException.validation("join rejected: participant " + t.participantId + " was disconnected and its token revoked");
            }
            if (!now.isBefore(t.expires)) {
                throw IvsException.validation("join rejected: the token expired at " + Json.time(t.expires));
            }
            p = sessions.join(st, new Sessions.Join(t.participantId, t.userId, t.attributes, t.capabilities.contains("PUBLISH"),
                    t.capabilities.contains("SUBSCRIBE"), client, protocol), now);
            p.token = t;
        } else {
            boolean pub = true;
            boolean sub = true;
            if (in.has("capabilities")) {
                List<String> caps = new ArrayList<>();
                in.get("capabilities").forEach(c -> caps.add(c.asText()));
                pub = caps.contains("PUBLISH");
                sub = caps.contains("SUBSCRIBE");
            }
            Map<String, String> attributes = Json.stringMap(in, "attributes");
            p = sessions.join(st, new Sessions.Join(Ids.alnum(12), Json.text(in, "userId", null), attributes, pub, sub,
                    client, protocol), now);
        }
        if (Json.bool(in, "publish", false)) {
            sessions.publish(s, st, p, now);
        }
        if (Json.bool(in, "subscribe", false)) {
            sessions.subscribe(st, p, null, now);
        }
        return p;
    }

    private ObjectNode ingestAction(String action, ObjectNode in, RegionStore s, Instant now) {
        Ingest i = s.ingests.require(required(action, in, "ingestConfigurationArn"));
        if (action.equals("ingestStart")) {
            if (i.publishingTo != null) {
                throw IvsException.conflict("IngestConfiguration " + i.arn + " is already publishing to " + i.publishingTo);
            }
            if (i.stageArn.isEmpty()) {
                throw IvsException.validation("IngestConfiguration " + i.arn + " is not attached to a stage (stageArn is empty)");
            }
            Stage st = s.stages.require(i.stageArn);
            Participant p = sessions.join(st, new Sessions.Join(i.participantId, i.userId, i.attributes, true, false, null,
                    i.protocol), now);
            p.ingestArn = i.arn;
            try {
                sessions.publish(s, st, p, now);
            } catch (IvsException e) {
                sessions.leave(s, st, p, now, false);
                throw e;
            }
            i.publishingTo = st.arn;
            ObjectNode out = participantAnswer(st, p);
            out.set("ingestConfiguration", i.full());
            return out;
        }
        if (i.publishingTo == null) {
            throw IvsException.conflict("IngestConfiguration " + i.arn + " is not publishing");
        }
        Stage st = s.stages.require(i.publishingTo);
        Participant p = sessions.connected(st, i.participantId);
        sessions.leave(s, st, p, now, false);
        ObjectNode out = participantAnswer(st, p);
        out.set("ingestConfiguration", i.full());
        return out;
    }

    private static ObjectNode participantAnswer(Stage st, Participant p) {
        ObjectNode o = Json.obj();
        o.put("stageArn", st.arn);
        Session se = null;
        if (st.sessions != null) {
            for (Session x : st.sessions) {
                if (x.participant(p.id) == p) {
                    se = x;
                }
            }
        }
        Json.putIfNotNull(o, "sessionId", se == null ? null : se.id);
        o.put("participantId", p.id);
        o.set("participant", p.full());
        return o;
    }

    private static String required(String action, ObjectNode in, String field) {
        String v = Json.text(in, field, null);
        if (v == null || v.isEmpty()) {
            throw IvsException.validation(action + " member " + field + " is required and must not be empty");
        }
        return v;
    }

    private static Map<String, Map<String, AdminInput.Kind>> simulateMembers() {
        Map<String, AdminInput.Kind> join = new LinkedHashMap<>();
        join.put("stageArn", AdminInput.STRING);
        join.put("token", AdminInput.STRING);
        join.put("userId", AdminInput.STRING);
        join.put("attributes", AdminInput.STRING_MAP);
        join.put("capabilities", AdminInput.listOf("PUBLISH or SUBSCRIBE strings", AdminInput.oneOf("PUBLISH", "SUBSCRIBE")));
        join.put("publish", AdminInput.BOOLEAN);
        join.put("subscribe", AdminInput.BOOLEAN);
        join.put("protocol", AdminInput.oneOf("UNKNOWN", "WHIP", "RTMP", "RTMPS"));
        for (String a : CLIENT_ATTRIBUTES) {
            join.put(a, AdminInput.STRING);
        }
        Map<String, AdminInput.Kind> participant = Map.of("stageArn", AdminInput.STRING, "participantId", AdminInput.STRING);
        Map<String, AdminInput.Kind> remote = Map.of("stageArn", AdminInput.STRING, "participantId", AdminInput.STRING,
                "remoteParticipantId", AdminInput.STRING);
        Map<String, AdminInput.Kind> ingest = Map.of("ingestConfigurationArn", AdminInput.STRING);
        Map<String, Map<String, AdminInput.Kind>> all = new LinkedHashMap<>();
        all.put("join", Map.copyOf(join));
        all.put("publish", participant);
        all.put("unpublish", participant);
        all.put("subscribe", remote);
        all.put("unsubscribe", remote);
        all.put("leave", participant);
        all.put("ingestStart", ingest);
        all.put("ingestStop", ingest);
        all.put("advanceTime", Map.of("seconds", AdminInput.NUMBER));
        all.put("now", Map.of());
        return Collections.unmodifiableMap(all);
    }
}
