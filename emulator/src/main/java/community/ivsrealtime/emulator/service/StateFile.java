package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saves and loads the endpoint's resources ({@value #FILE_NAME} in the state directory): per account and region
 * the stages (with their recording configuration and the participant tokens minted for them), encoder and storage
 * configurations, public keys, ingest configurations (with their stream keys) and compositions, their ARNs, names
 * and tags, and the creation counter that orders lists; also the clock offset of {@code advanceTime}.
 *
 * <p>Not saved: what happens inside stages (sessions, participants, events, replication, an ingest configuration
 * publishing). After a restart every stage is empty, as if everyone had left: its compositions end a minute after
 * they started (or at once if that is past).
 *
 * <p>The file holds stream keys and participant tokens: it is created owner-only ({@code rw-------}) where the
 * file system has POSIX permissions. Each save writes a temporary file in the same directory and renames it over
 * the old one, so the file is always a complete state.
 */
final class StateFile {
    static final String FILE_NAME = "ivs-realtime-state.json";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    StateFile(Path dir) {
        this.file = dir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    // ---------------------------------------------------------------- save

    /** Writes the state atomically; call with no store lock held (each store is read under its read lock). */
    void save(Map<String, RegionStore> stores, Duration offset) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("clockOffsetMillis", offset.toMillis());
        ArrayNode list = root.putArray("stores");
        for (RegionStore s : stores.values()) {
            s.lock.readLock().lock();
            try {
                list.add(store(s));
            } finally {
                s.lock.readLock().unlock();
            }
        }
        try {
            Path dir = file.getParent();
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
                        : new FileAttribute<?>[0]);
            }
            Path temp = posix ? Files.createTempFile(dir, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, FILE_NAME, ".tmp");
            try {
                Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the endpoint's state to " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode store(RegionStore s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("accountId", s.account);
        o.put("region", s.region);
        o.put("seq", s.seq());
        ArrayNode stages = o.putArray("stages");
        for (Stage st : s.stages.values()) {
            ObjectNode n = base(stages.addObject(), st);
            if (st.recording != null) {
                n.set("recording", st.recording.deepCopy());
            }
            ArrayNode tokens = n.putArray("tokens");
            if (st.tokens != null) {
                for (Token t : st.tokens.values()) {
                    ObjectNode tn = tokens.addObject();
                    tn.put("token", t.token);
                    tn.put("participantId", t.participantId);
                    Json.putIfNotNull(tn, "userId", t.userId);
                    tn.set("attributes", Json.mapNode(t.attributes));
                    tn.set("capabilities", Json.strings(t.capabilities));
                    tn.put("duration", t.duration);
                    tn.put("expires", t.expires.toString());
                    tn.put("revoked", t.revoked);
                }
            }
        }
        ArrayNode encoders = o.putArray("encoderConfigurations");
        for (Encoder e : s.encoders.values()) {
            ObjectNode n = base(encoders.addObject(), e);
            n.put("width", e.width);
            n.put("height", e.height);
            n.put("framerate", e.framerate);
            n.put("bitrate", e.bitrate);
        }
        ArrayNode storages = o.putArray("storageConfigurations");
        for (Storage st : s.storages.values()) {
            base(storages.addObject(), st).put("bucketName", st.bucketName);
        }
        ArrayNode keys = o.putArray("publicKeys");
        for (Key k : s.keys.values()) {
            base(keys.addObject(), k).put("publicKeyMaterial", k.material).put("fingerprint", k.fingerprint);
        }
        ArrayNode ingests = o.putArray("ingestConfigurations");
        for (Ingest i : s.ingests.values()) {
            ObjectNode n = base(ingests.addObject(), i);
            n.put("ingestProtocol", i.protocol);
            n.put("insecureIngest", i.insecure);
            n.put("stageArn", i.stageArn);
            Json.putIfNotNull(n, "userId", i.userId);
            n.set("attributes", Json.mapNode(i.attributes));
            n.put("participantId", i.participantId);
            n.put("streamKey", i.streamKey);
        }
        ArrayNode compositions = o.putArray("compositions");
        for (Composition c : s.compositions.values()) {
            ObjectNode n = base(compositions.addObject(), c);
            n.put("stageArn", c.stageArn);
            n.set("layout", c.layout.deepCopy());
            ArrayNode d = n.putArray("destinations");
            c.destinations.forEach(x -> d.add(x.deepCopy()));
            n.put("startTime", c.start.toString());
            Json.putIfNotNull(n, "idempotencyToken", c.idempotencyToken);
            n.set("request", c.request.deepCopy());
        }
        return o;
    }

    private static ObjectNode base(ObjectNode n, Resource r) {
        n.put("arn", r.arn);
        n.put("seq", r.seq);
        n.put("name", r.name);
        n.set("tags", Json.mapNode(r.tagMap()));
        return n;
    }

    // ---------------------------------------------------------------- load

    /** The saved state, or null when there is no file yet. */
    Loaded load() {
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw corrupt("it is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject() || root.path("version").asInt(-1) != VERSION || !root.path("stores").isArray()) {
            throw corrupt("expected a JSON object with \"version\": " + VERSION + " and a \"stores\" list");
        }
        Map<String, RegionStore> stores = new LinkedHashMap<>();
        try {
            for (JsonNode n : root.get("stores")) {
                RegionStore s = store(n);
                stores.put(s.account + " " + s.region, s);
            }
        } catch (RuntimeException e) {
            throw corrupt("a resource could not be read (" + e + ")");
        }
        return new Loaded(stores, Duration.ofMillis(root.path("clockOffsetMillis").asLong(0)));
    }

    /** What {@link #load()} read. */
    record Loaded(Map<String, RegionStore> stores, Duration offset) {
    }

    private IllegalStateException corrupt(String why) {
        return new IllegalStateException("cannot load the endpoint's state from " + file + ": " + why
                + "; move the file away (or fix it) to start with an empty endpoint");
    }

    private static RegionStore store(JsonNode n) {
        RegionStore s = new RegionStore(text(n, "accountId"), text(n, "region"));
        s.restoreSeq(n.get("seq").asLong());
        for (JsonNode r : array(n, "stages")) {
            Stage st = new Stage(text(r, "arn"), r.get("seq").asLong(), r.path("name").asText(""), tags(r));
            if (r.hasNonNull("recording")) {
                st.recording = (ObjectNode) r.get("recording");
            }
            for (JsonNode t : array(r, "tokens")) {
                List<String> capabilities = new ArrayList<>();
                t.path("capabilities").forEach(c -> capabilities.add(c.asText()));
                Token token = new Token(text(t, "token"), text(t, "participantId"), t.hasNonNull("userId")
                        ? t.get("userId").asText() : null, Json.stringMap(t, "attributes"), List.copyOf(capabilities),
                        t.get("duration").asInt(), Instant.parse(text(t, "expires")));
                token.revoked = t.path("revoked").asBoolean(false);
                st.tokens().put(token.token, token);
            }
            s.stages.add(st);
        }
        for (JsonNode r : array(n, "encoderConfigurations")) {
            s.encoders.add(new Encoder(text(r, "arn"), r.get("seq").asLong(), r.path("name").asText(""), tags(r),
                    r.get("width").asInt(), r.get("height").asInt(), r.get("framerate").asDouble(), r.get("bitrate").asInt()));
        }
        for (JsonNode r : array(n, "storageConfigurations")) {
            s.storages.add(new Storage(text(r, "arn"), r.get("seq").asLong(), r.path("name").asText(""), tags(r),
                    text(r, "bucketName")));
        }
        for (JsonNode r : array(n, "publicKeys")) {
            Key k = new Key(text(r, "arn"), r.get("seq").asLong(), r.path("name").asText(""), tags(r),
                    text(r, "publicKeyMaterial"), text(r, "fingerprint"));
            s.keys.add(k);
            s.keysByFingerprint.put(k.fingerprint, k);
        }
        for (JsonNode r : array(n, "ingestConfigurations")) {
            s.ingests.add(new Ingest(text(r, "arn"), r.get("seq").asLong(), r.path("name").asText(""), tags(r),
                    text(r, "ingestProtocol"), r.path("insecureIngest").asBoolean(), r.path("stageArn").asText(""),
                    r.hasNonNull("userId") ? r.get("userId").asText() : null, Json.stringMap(r, "attributes"),
                    text(r, "participantId"), text(r, "streamKey")));
        }
        for (JsonNode r : array(n, "compositions")) {
            List<ObjectNode> destinations = new ArrayList<>();
            array(r, "destinations").forEach(d -> destinations.add((ObjectNode) d));
            String token = r.hasNonNull("idempotencyToken") ? r.get("idempotencyToken").asText() : null;
            Composition c = new Composition(text(r, "arn"), r.get("seq").asLong(), tags(r), text(r, "stageArn"),
                    (ObjectNode) r.get("layout"), destinations, Instant.parse(text(r, "startTime")), token, r.get("request"));
            s.compositions.add(c);
            if (token != null) {
                s.compositionsByToken.put(token, c);
            }
        }
        return s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("member " + field + " must be a string, got " + v);
        }
        return v.textValue();
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("member " + field + " must be a list, got " + v);
        }
        return v;
    }

    private static Map<String, String> tags(JsonNode r) {
        Map<String, String> tags = Json.stringMap(r, "tags");
        return tags == null ? null : new LinkedHashMap<>(tags);
    }

}
