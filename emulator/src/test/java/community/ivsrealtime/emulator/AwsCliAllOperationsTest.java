package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.faults.RecordedCall;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import community.ivsrealtime.emulator.protocol.ServiceModel;
import community.ivsrealtime.emulator.service.Quotas;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.AutoParticipantRecordingConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.Participant;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;

/**
 * Every operation of the shipped model through the aws CLI (botocore, an independent client) on its success
 * path, plus typed errors, against one emulator with the real business logic. The tests build on each other
 * (ordered); the last one proves from the call log that the CLI invoked each of the model's operations. The
 * Java SDK, used only to compare views, signs with a second key pair so that its calls are told apart from the
 * CLI's. Skipped, with the reason printed, when {@code aws} is not on the PATH.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsCliAllOperationsTest {
    private static final String ACCOUNT = IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID;
    private static final String SDK_KEY = "AKIAIOSFODNN7SDKVIEW";
    private static final String SDK_SECRET = "sdkViewSecretKeyForComparingWithTheCli0000";
    private static final String ID = "[a-zA-Z0-9]{12}";

    /** The ordered tests build on each other's resources: no reset between them. */
    @RegisterExtension
    static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create(IvsRealTimeEmulator.builder()
                    .credentials(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY,
                            ACCOUNT)
                    .credentials(SDK_KEY, SDK_SECRET, ACCOUNT))
            .resetBeforeEach(false);
    static AwsCli aws;
    static IvsRealTimeClient sdk;

    // resources shared by the ordered tests
    static String encoderArn;
    static String spareEncoderArn;
    static String storageArn;
    static String stageArn;
    static String stageId;
    static String destinationStageArn;
    static String aliceId;
    static String aliceToken;
    static String bobId;
    static String bobToken;
    static String ingestArn;
    static String sessionId;

    @BeforeAll
    static void start() {
        aws = AwsCli.onPathOrSkip(AwsCliAllOperationsTest.class, ivs::emulator);
        sdk = TestSupport.client(ivs, SDK_KEY, SDK_SECRET);
    }

    @AfterAll
    static void stop() {
        if (sdk != null) {
            sdk.close();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static String arnPattern(String type) {
        return "arn:aws:ivs:us-east-1:" + ACCOUNT + ":" + type + "/" + ID;
    }

    static Instant time(JsonNode node) {
        assertThat(node.isTextual()).as("timestamp " + node).isTrue();
        return OffsetDateTime.parse(node.asText()).toInstant();
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    static Map<?, ?> map(JsonNode object) {
        return TestSupport.JSON.convertValue(object, Map.class);
    }

    static ObjectNode sim(String action, Object... nameValues) {
        ObjectNode body = TestSupport.JSON.createObjectNode();
        for (int i = 0; i < nameValues.length; i += 2) {
            body.set((String) nameValues[i], TestSupport.JSON.valueToTree(nameValues[i + 1]));
        }
        return ivs.service().admin(action, body, new CallContext(ACCOUNT, "us-east-1", null, "cli-test"));
    }

    static PublicKey ecP384() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        return g.generateKeyPair().getPublic();
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The documented fingerprint form of the emulator: MD5 of the DER SubjectPublicKeyInfo, hex pairs with ':'. */
    static String md5Fingerprint(PublicKey key) throws Exception {
        return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(key.getEncoded()));
    }

    // ------------------------------------------------------------------------------------------ configurations

    @Test
    @Order(1)
    void encoderAndStorageConfigurationsAndTagsOfANonStageResource() throws Exception {
        JsonNode enc = aws.json("create-encoder-configuration", "--name", "cli-enc",
                "--video", "width=1920,height=1080,framerate=60,bitrate=6000000", "--tags", "team=video")
                .path("encoderConfiguration");
        encoderArn = enc.path("arn").asText();
        assertThat(encoderArn).matches(arnPattern("encoder-configuration"));
        assertThat(enc.path("name").asText()).isEqualTo("cli-enc");
        assertThat(enc.path("video").path("width").asInt()).isEqualTo(1920);
        assertThat(enc.path("video").path("height").asInt()).isEqualTo(1080);
        assertThat(enc.path("video").path("framerate").asDouble()).isEqualTo(60.0);
        assertThat(enc.path("video").path("bitrate").asInt()).isEqualTo(6_000_000);
        assertThat(map(enc.path("tags"))).isEqualTo(Map.of("team", "video"));

        // the server fills the documented defaults of an empty request
        JsonNode spare = aws.json("create-encoder-configuration").path("encoderConfiguration");
        spareEncoderArn = spare.path("arn").asText();
        assertThat(spareEncoderArn).matches(arnPattern("encoder-configuration")).isNotEqualTo(encoderArn);
        assertThat(spare.path("video").path("width").asInt()).isEqualTo(1280);
        assertThat(spare.path("video").path("height").asInt()).isEqualTo(720);
        assertThat(spare.path("video").path("framerate").asDouble()).isEqualTo(30.0);
        assertThat(spare.path("video").path("bitrate").asInt()).isEqualTo(2_500_000);

        assertThat(aws.json("get-encoder-configuration", "--arn", encoderArn).path("encoderConfiguration")).isEqualTo(enc);

        // --max-results / --next-token across two pages
        JsonNode page1 = aws.json("list-encoder-configurations", "--max-results", "1");
        assertThat(texts(page1.path("encoderConfigurations"), "arn")).containsExactly(encoderArn);
        assertThat(page1.path("encoderConfigurations").get(0).path("name").asText()).isEqualTo("cli-enc");
        assertThat(map(page1.path("encoderConfigurations").get(0).path("tags"))).isEqualTo(Map.of("team", "video"));
        String next = page1.path("nextToken").asText();
        assertThat(next).isNotEmpty();
        JsonNode page2 = aws.json("list-encoder-configurations", "--max-results", "1", "--next-token", next);
        assertThat(texts(page2.path("encoderConfigurations"), "arn")).containsExactly(spareEncoderArn);
        assertThat(page2.has("nextToken")).isFalse();

        JsonNode storage = aws.json("create-storage-configuration", "--name", "cli-storage",
                "--s3", "bucketName=cli-recordings").path("storageConfiguration");
        storageArn = storage.path("arn").asText();
        assertThat(storageArn).matches(arnPattern("storage-configuration"));
        assertThat(storage.path("s3").path("bucketName").asText()).isEqualTo("cli-recordings");
        assertThat(map(storage.path("tags"))).isEmpty();
        assertThat(aws.json("get-storage-configuration", "--arn", storageArn).path("storageConfiguration"))
                .isEqualTo(storage);

        // tags on a storage configuration
        aws.ok("tag-resource", "--resource-arn", storageArn, "--tags", "a=1,b=2,c=3");
        aws.ok("untag-resource", "--resource-arn", storageArn, "--tag-keys", "a", "c");
        assertThat(map(aws.json("list-tags-for-resource", "--resource-arn", storageArn).path("tags")))
                .isEqualTo(Map.of("b", "2"));
        JsonNode storages = aws.json("list-storage-configurations").path("storageConfigurations");
        assertThat(texts(storages, "arn")).containsExactly(storageArn);
        assertThat(storages.get(0).path("s3").path("bucketName").asText()).isEqualTo("cli-recordings");
        assertThat(map(storages.get(0).path("tags"))).isEqualTo(Map.of("b", "2"));
    }

    @Test
    @Order(2)
    void publicKeysWithAnInProcessP384Key() throws Exception {
        PublicKey first = ecP384();
        PublicKey second = ecP384();
        JsonNode key = aws.json("import-public-key", "--public-key-material", pem(first), "--name", "cli-key",
                "--tags", "use=tokens").path("publicKey");
        String keyArn = key.path("arn").asText();
        assertThat(keyArn).matches(arnPattern("public-key"));
        assertThat(key.path("name").asText()).isEqualTo("cli-key");
        assertThat(key.path("fingerprint").asText()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}")
                .isEqualTo(md5Fingerprint(first));
        assertThat(key.path("publicKeyMaterial").asText().strip()).isEqualTo(pem(first).strip());
        assertThat(map(key.path("tags"))).isEqualTo(Map.of("use", "tokens"));
        String secondArn = aws.json("import-public-key", "--public-key-material", pem(second))
                .path("publicKey").path("arn").asText();
        assertThat(secondArn).matches(arnPattern("public-key")).isNotEqualTo(keyArn);

        assertThat(aws.json("get-public-key", "--arn", keyArn).path("publicKey")).isEqualTo(key);

        // botocore's paginator (ListPublicKeys has one): pages of one are followed to the end...
        JsonNode all = aws.json("list-public-keys", "--page-size", "1");
        assertThat(texts(all.path("publicKeys"), "arn")).containsExactly(keyArn, secondArn);
        assertThat(all.has("NextToken")).isFalse();
        // ...or cut with --max-items and resumed with --starting-token
        JsonNode firstItem = aws.json("list-public-keys", "--page-size", "1", "--max-items", "1");
        assertThat(texts(firstItem.path("publicKeys"), "arn")).containsExactly(keyArn);
        String resume = firstItem.path("NextToken").asText();
        assertThat(resume).isNotEmpty();
        JsonNode rest = aws.json("list-public-keys", "--page-size", "1", "--max-items", "1", "--starting-token", resume);
        assertThat(texts(rest.path("publicKeys"), "arn")).containsExactly(secondArn);

        aws.ok("delete-public-key", "--arn", secondArn);
        assertThat(aws.fails("ResourceNotFoundException", "get-public-key", "--arn", secondArn).stderr())
                .contains(secondArn);
        assertThat(texts(aws.json("list-public-keys").path("publicKeys"), "arn")).containsExactly(keyArn);
    }

    // ------------------------------------------------------------------------------------------ stages, tokens

    @Test
    @Order(3)
    void stagesAndParticipantTokens() throws Exception {
        Instant before = ivs.service().now();
        JsonNode created = aws.json("create-stage", "--name", "cli-main", "--tags", "env=cli",
                "--participant-token-configurations",
                "[{\"userId\":\"alice\",\"duration\":120,\"capabilities\":[\"PUBLISH\",\"SUBSCRIBE\"],\"attributes\":{\"role\":\"host\"}},"
                        + "{\"userId\":\"bob\",\"capabilities\":[\"SUBSCRIBE\"]}]",
                "--auto-participant-recording-configuration",
                "{\"storageConfigurationArn\":\"" + storageArn + "\",\"mediaTypes\":[\"AUDIO_ONLY\"]}");
        Instant after = ivs.service().now();
        JsonNode stage = created.path("stage");
        stageArn = stage.path("arn").asText();
        assertThat(stageArn).matches(arnPattern("stage"));
        stageId = stageArn.substring(stageArn.lastIndexOf('/') + 1);
        assertThat(stage.path("name").asText()).isEqualTo("cli-main");
        assertThat(stage.has("activeSessionId")).isFalse();
        assertThat(map(stage.path("tags"))).isEqualTo(Map.of("env", "cli"));
        JsonNode recording = stage.path("autoParticipantRecordingConfiguration");
        assertThat(recording.path("storageConfigurationArn").asText()).isEqualTo(storageArn);
        assertThat(recording.path("mediaTypes")).extracting(JsonNode::asText).containsExactly("AUDIO_ONLY");
        // defaults the service fills
        assertThat(recording.path("recordingReconnectWindowSeconds").asInt(-1)).isZero();
        assertThat(recording.path("hlsConfiguration").path("targetSegmentDurationSeconds").asInt()).isEqualTo(6);
        assertThat(recording.path("thumbnailConfiguration").path("targetIntervalSeconds").asInt()).isEqualTo(60);
        assertThat(recording.path("thumbnailConfiguration").path("recordingMode").asText()).isEqualTo("DISABLED");
        assertThat(recording.path("recordParticipantReplicas").isBoolean()).isTrue();
        assertThat(stage.path("endpoints").path("whip").asText()).startsWith("https://");
        assertThat(stage.path("endpoints").path("events").asText()).startsWith("wss://");
        assertThat(stage.path("endpoints").path("rtmp").asText()).startsWith("rtmp://");
        assertThat(stage.path("endpoints").path("rtmps").asText()).startsWith("rtmps://");

        JsonNode tokens = created.path("participantTokens");
        assertThat(texts(tokens, "userId")).containsExactly("alice", "bob");
        JsonNode alice = tokens.get(0);
        JsonNode bob = tokens.get(1);
        aliceId = alice.path("participantId").asText();
        aliceToken = alice.path("token").asText();
        bobId = bob.path("participantId").asText();
        bobToken = bob.path("token").asText();
        assertThat(aliceId).matches(ID).isNotEqualTo(bobId);
        assertThat(aliceToken).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(alice.path("duration").asInt()).isEqualTo(120);
        assertThat(bob.path("duration").asInt()).as("default duration (minutes)").isEqualTo(720);
        assertThat(alice.path("capabilities")).extracting(JsonNode::asText).containsExactly("PUBLISH", "SUBSCRIBE");
        assertThat(bob.path("capabilities")).extracting(JsonNode::asText).containsExactly("SUBSCRIBE");
        assertThat(map(alice.path("attributes"))).isEqualTo(Map.of("role", "host"));
        assertThat(time(alice.path("expirationTime"))).isBetween(before.plus(Duration.ofMinutes(120)).minusSeconds(1),
                after.plus(Duration.ofMinutes(120)).plusSeconds(1));

        // two more stages (one the replication destination), then two pages of list-stages
        destinationStageArn = aws.json("create-stage", "--name", "cli-destination").path("stage").path("arn").asText();
        String third = aws.json("create-stage").path("stage").path("arn").asText();
        assertThat(List.of(destinationStageArn, third)).allMatch(a -> a.matches(arnPattern("stage")));
        JsonNode page1 = aws.json("list-stages", "--max-results", "2");
        assertThat(texts(page1.path("stages"), "arn")).containsExactly(stageArn, destinationStageArn);
        assertThat(map(page1.path("stages").get(0).path("tags"))).isEqualTo(Map.of("env", "cli"));
        JsonNode page2 = aws.json("list-stages", "--max-results", "2", "--next-token", page1.path("nextToken").asText());
        assertThat(texts(page2.path("stages"), "arn")).containsExactly(third);
        assertThat(page2.path("stages").get(0).path("name").asText()).isEmpty();
        assertThat(page2.has("nextToken")).isFalse();

        JsonNode got = aws.json("get-stage", "--arn", stageArn).path("stage");
        assertThat(got).isEqualTo(stage);
        // the SDK sees the same stage
        Stage viaSdk = sdk.getStage(r -> r.arn(stageArn)).stage();
        assertThat(viaSdk.arn()).isEqualTo(stageArn);
        assertThat(viaSdk.name()).isEqualTo(got.path("name").asText());
        assertThat(viaSdk.tags()).isEqualTo(map(got.path("tags")));
        assertThat(viaSdk.endpoints().whip()).isEqualTo(got.path("endpoints").path("whip").asText());
        assertThat(viaSdk.endpoints().events()).isEqualTo(got.path("endpoints").path("events").asText());
        assertThat(viaSdk.endpoints().rtmp()).isEqualTo(got.path("endpoints").path("rtmp").asText());
        assertThat(viaSdk.endpoints().rtmps()).isEqualTo(got.path("endpoints").path("rtmps").asText());
        AutoParticipantRecordingConfiguration r = viaSdk.autoParticipantRecordingConfiguration();
        assertThat(r.storageConfigurationArn()).isEqualTo(recording.path("storageConfigurationArn").asText());
        assertThat(r.mediaTypesAsStrings()).containsExactly("AUDIO_ONLY");
        assertThat(r.recordingReconnectWindowSeconds()).isEqualTo(recording.path("recordingReconnectWindowSeconds").asInt());
        assertThat(r.hlsConfiguration().targetSegmentDurationSeconds())
                .isEqualTo(recording.path("hlsConfiguration").path("targetSegmentDurationSeconds").asInt());
        assertThat(r.thumbnailConfiguration().targetIntervalSeconds())
                .isEqualTo(recording.path("thumbnailConfiguration").path("targetIntervalSeconds").asInt());
        assertThat(r.recordParticipantReplicas()).isEqualTo(recording.path("recordParticipantReplicas").asBoolean());

        JsonNode updated = aws.json("update-stage", "--arn", stageArn, "--name", "cli-main-renamed").path("stage");
        assertThat(updated.path("name").asText()).isEqualTo("cli-main-renamed");
        assertThat(updated.path("autoParticipantRecordingConfiguration")).isEqualTo(recording);
        assertThat(map(updated.path("tags"))).isEqualTo(Map.of("env", "cli"));

        JsonNode token = aws.json("create-participant-token", "--stage-arn", stageArn, "--user-id", "carol",
                "--duration", "60", "--capabilities", "PUBLISH", "--attributes", "seat=3").path("participantToken");
        assertThat(token.path("participantId").asText()).matches(ID).isNotIn(aliceId, bobId);
        assertThat(token.path("userId").asText()).isEqualTo("carol");
        assertThat(token.path("duration").asInt()).isEqualTo(60);
        assertThat(token.path("capabilities")).extracting(JsonNode::asText).containsExactly("PUBLISH");
        assertThat(map(token.path("attributes"))).isEqualTo(Map.of("seat", "3"));
        Instant expires = time(token.path("expirationTime"));
        assertThat(expires).isAfter(before.plus(Duration.ofMinutes(59))).isBefore(ivs.service().now().plus(Duration.ofMinutes(61)));
        JsonNode claims = TestSupport.JSON.readTree(Base64.getUrlDecoder().decode(token.path("token").asText().split("\\.")[1]));
        assertThat(claims.path("resource").asText()).isEqualTo(stageArn);
        assertThat(claims.path("user_id").asText()).isEqualTo("carol");
    }

    // ------------------------------------------------------------------------------------------ ingest

    @Test
    @Order(4)
    void ingestConfigurations() throws Exception {
        JsonNode ingest = aws.json("create-ingest-configuration", "--name", "cli-ingest", "--stage-arn", stageArn,
                "--user-id", "dave", "--attributes", "cam=1", "--ingest-protocol", "RTMPS", "--tags", "src=obs")
                .path("ingestConfiguration");
        ingestArn = ingest.path("arn").asText();
        assertThat(ingestArn).matches(arnPattern("ingest-configuration"));
        assertThat(ingest.path("stageArn").asText()).isEqualTo(stageArn);
        assertThat(ingest.path("participantId").asText()).matches(ID);
        assertThat(ingest.path("streamKey").asText()).isNotEmpty();
        assertThat(ingest.path("ingestProtocol").asText()).isEqualTo("RTMPS");
        assertThat(ingest.path("state").asText()).isEqualTo("INACTIVE");
        assertThat(ingest.path("userId").asText()).isEqualTo("dave");
        assertThat(map(ingest.path("attributes"))).isEqualTo(Map.of("cam", "1"));
        assertThat(map(ingest.path("tags"))).isEqualTo(Map.of("src", "obs"));

        JsonNode rtmp = aws.json("create-ingest-configuration", "--ingest-protocol", "RTMP", "--insecure-ingest")
                .path("ingestConfiguration");
        String rtmpArn = rtmp.path("arn").asText();
        assertThat(rtmpArn).matches(arnPattern("ingest-configuration"));
        assertThat(rtmp.path("ingestProtocol").asText()).isEqualTo("RTMP");
        assertThat(rtmp.has("insecureIngest")).as("not a member of the IngestConfiguration shape").isFalse();
        assertThat(rtmp.path("stageArn").asText()).isEmpty();
        assertThat(rtmp.path("streamKey").asText()).isNotEqualTo(ingest.path("streamKey").asText());

        assertThat(aws.json("get-ingest-configuration", "--arn", ingestArn).path("ingestConfiguration"))
                .isEqualTo(ingest);
        JsonNode all = aws.json("list-ingest-configurations", "--page-size", "1");
        assertThat(texts(all.path("ingestConfigurations"), "arn")).containsExactly(ingestArn, rtmpArn);
        assertThat(all.path("ingestConfigurations").get(0).has("streamKey")).as("summaries carry no stream key").isFalse();
        JsonNode filtered = aws.json("list-ingest-configurations", "--filter-by-stage-arn", stageArn);
        assertThat(texts(filtered.path("ingestConfigurations"), "arn")).containsExactly(ingestArn);
        assertThat(filtered.path("ingestConfigurations").get(0).path("state").asText()).isEqualTo("INACTIVE");

        JsonNode moved = aws.json("update-ingest-configuration", "--arn", rtmpArn, "--stage-arn", destinationStageArn)
                .path("ingestConfiguration");
        assertThat(moved.path("stageArn").asText()).isEqualTo(destinationStageArn);
        assertThat(moved.path("streamKey").asText()).isEqualTo(rtmp.path("streamKey").asText());

        aws.ok("delete-ingest-configuration", "--arn", rtmpArn);
        aws.fails("ResourceNotFoundException", "get-ingest-configuration", "--arn", rtmpArn);
    }

    // ------------------------------------------------------------------------------------------ sessions

    @Test
    @Order(5)
    void sessionsParticipantsEventsReplicationAndDisconnect() throws Exception {
        ObjectNode joined = sim("join", "stageArn", stageArn, "token", aliceToken);
        assertThat(joined.path("participantId").asText()).isEqualTo(aliceId);
        sessionId = joined.path("sessionId").asText();
        sim("publish", "stageArn", stageArn, "participantId", aliceId);
        sim("join", "stageArn", stageArn, "token", bobToken, "osName", "Linux");
        sim("subscribe", "stageArn", stageArn, "participantId", bobId, "remoteParticipantId", aliceId);

        JsonNode sessions = aws.json("list-stage-sessions", "--stage-arn", stageArn).path("stageSessions");
        assertThat(texts(sessions, "sessionId")).containsExactly(sessionId);
        assertThat(sessionId).matches("st-[a-zA-Z0-9]{13}");
        Instant started = time(sessions.get(0).path("startTime"));
        assertThat(sessions.get(0).has("endTime")).isFalse();
        JsonNode session = aws.json("get-stage-session", "--stage-arn", stageArn, "--session-id", sessionId)
                .path("stageSession");
        assertThat(session.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(time(session.path("startTime"))).isEqualTo(started);
        assertThat(aws.json("get-stage", "--arn", stageArn).path("stage").path("activeSessionId").asText())
                .isEqualTo(sessionId);

        JsonNode everyone = aws.json("list-participants", "--stage-arn", stageArn, "--session-id", sessionId)
                .path("participants");
        assertThat(texts(everyone, "participantId")).containsExactlyInAnyOrder(aliceId, bobId);
        assertThat(texts(everyone, "state")).containsOnly("CONNECTED");
        assertThat(texts(aws.json("list-participants", "--stage-arn", stageArn, "--session-id", sessionId,
                "--filter-by-published").path("participants"), "participantId")).containsExactly(aliceId);
        assertThat(texts(aws.json("list-participants", "--stage-arn", stageArn, "--session-id", sessionId,
                "--filter-by-user-id", "bob").path("participants"), "participantId")).containsExactly(bobId);
        assertThat(texts(aws.json("list-participants", "--stage-arn", stageArn, "--session-id", sessionId,
                "--filter-by-recording-state", "ACTIVE").path("participants"), "participantId")).containsExactly(aliceId);
        // the model documents: "Only one of filterByUserId, filterByPublished, filterByState, or
        // filterByRecordingState can be provided per request."
        assertThat(aws.fails("ValidationException", "list-participants", "--stage-arn", stageArn, "--session-id",
                sessionId, "--filter-by-user-id", "bob", "--filter-by-state", "CONNECTED").stderr())
                .contains("filterByUserId=bob", "filterByState=CONNECTED");

        JsonNode alice = aws.json("get-participant", "--stage-arn", stageArn, "--session-id", sessionId,
                "--participant-id", aliceId).path("participant");
        assertThat(alice.path("userId").asText()).isEqualTo("alice");
        assertThat(alice.path("state").asText()).isEqualTo("CONNECTED");
        assertThat(alice.path("published").asBoolean()).isTrue();
        assertThat(map(alice.path("attributes"))).isEqualTo(Map.of("role", "host"));
        assertThat(alice.path("recordingState").asText()).isEqualTo("ACTIVE");
        assertThat(alice.path("recordingS3BucketName").asText()).isEqualTo("cli-recordings");
        assertThat(alice.path("recordingS3Prefix").asText()).isEqualTo(stageId);
        Instant firstJoin = time(alice.path("firstJoinTime"));
        assertThat(firstJoin).isBetween(started.minusSeconds(1), ivs.service().now());
        // the SDK sees the same participant
        Participant viaSdk = sdk.getParticipant(r -> r.stageArn(stageArn).sessionId(sessionId).participantId(aliceId))
                .participant();
        assertThat(viaSdk.firstJoinTime()).isEqualTo(firstJoin);
        assertThat(viaSdk.stateAsString()).isEqualTo(alice.path("state").asText());
        assertThat(viaSdk.published()).isEqualTo(alice.path("published").asBoolean());
        assertThat(viaSdk.attributes()).isEqualTo(map(alice.path("attributes")));
        assertThat(viaSdk.recordingS3Prefix()).isEqualTo(alice.path("recordingS3Prefix").asText());

        JsonNode events = aws.json("list-participant-events", "--stage-arn", stageArn, "--session-id", sessionId,
                "--participant-id", aliceId).path("events");
        assertThat(texts(events, "name")).startsWith("JOINED", "PUBLISH_STARTED");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("participantId").asText()).isEqualTo(aliceId);
            assertThat(time(e.path("eventTime"))).isBetween(firstJoin, ivs.service().now());
        });

        // participant replication: alice into the destination stage
        aws.ok("start-participant-replication", "--source-stage-arn", stageArn, "--destination-stage-arn",
                destinationStageArn, "--participant-id", aliceId, "--reconnect-window-seconds", "10");
        JsonNode replicas = aws.json("list-participant-replicas", "--source-stage-arn", stageArn,
                "--participant-id", aliceId).path("replicas");
        assertThat(replicas).hasSize(1);
        JsonNode replica = replicas.get(0);
        assertThat(replica.path("sourceStageArn").asText()).isEqualTo(stageArn);
        assertThat(replica.path("sourceSessionId").asText()).isEqualTo(sessionId);
        assertThat(replica.path("destinationStageArn").asText()).isEqualTo(destinationStageArn);
        assertThat(replica.path("destinationSessionId").asText()).matches("st-[a-zA-Z0-9]{13}").isNotEqualTo(sessionId);
        assertThat(replica.path("participantId").asText()).isEqualTo(aliceId);
        assertThat(replica.path("replicationState").asText()).isEqualTo("ACTIVE");
        aws.ok("stop-participant-replication", "--source-stage-arn", stageArn, "--destination-stage-arn",
                destinationStageArn, "--participant-id", aliceId);
        assertThat(texts(aws.json("list-participant-replicas", "--source-stage-arn", stageArn,
                "--participant-id", aliceId).path("replicas"), "replicationState")).containsExactly("STOPPED");

        aws.ok("disconnect-participant", "--stage-arn", stageArn, "--participant-id", bobId, "--reason", "cli test");
        JsonNode gone = aws.json("get-participant", "--stage-arn", stageArn, "--session-id", sessionId,
                "--participant-id", bobId).path("participant");
        assertThat(gone.path("state").asText()).isEqualTo("DISCONNECTED");
        assertThat(gone.path("osName").asText()).isEqualTo("Linux");
        assertThat(texts(aws.json("list-participants", "--stage-arn", stageArn, "--session-id", sessionId,
                "--filter-by-state", "DISCONNECTED").path("participants"), "participantId")).containsExactly(bobId);
        // "published" is "whether the participant ever published to the stage session" (model documentation)
        sim("unpublish", "stageArn", stageArn, "participantId", aliceId);
        JsonNode stopped = aws.json("get-participant", "--stage-arn", stageArn, "--session-id", sessionId,
                "--participant-id", aliceId).path("participant");
        assertThat(stopped.path("published").asBoolean()).isTrue();
        assertThat(stopped.path("recordingState").asText()).isEqualTo("STOPPED");
        assertThat(texts(aws.json("list-participants", "--stage-arn", stageArn, "--session-id", sessionId,
                "--filter-by-published").path("participants"), "participantId")).containsExactly(aliceId);
        sim("publish", "stageArn", stageArn, "participantId", aliceId);
    }

    // ------------------------------------------------------------------------------------------ compositions

    @Test
    @Order(6)
    void compositionsAndAConflict() throws Exception {
        String destinations = "[{\"name\":\"recording\",\"s3\":{\"storageConfigurationArn\":\"" + storageArn
                + "\",\"encoderConfigurationArns\":[\"" + encoderArn + "\"]}}]";
        JsonNode composition = aws.json("start-composition", "--stage-arn", stageArn, "--idempotency-token", "cli-1",
                "--destinations", destinations).path("composition");
        String arn = composition.path("arn").asText();
        assertThat(arn).matches(arnPattern("composition"));
        assertThat(composition.path("stageArn").asText()).isEqualTo(stageArn);
        assertThat(composition.path("state").asText()).isEqualTo("STARTING");
        Instant started = time(composition.path("startTime"));
        assertThat(composition.path("layout").path("grid").path("gridGap").asInt()).isEqualTo(2);
        assertThat(composition.path("layout").path("grid").path("videoAspectRatio").asText()).isEqualTo("VIDEO");
        JsonNode destination = composition.path("destinations").get(0);
        assertThat(destination.path("id").asText()).isNotEmpty();
        assertThat(destination.path("configuration").path("name").asText()).isEqualTo("recording");
        JsonNode s3 = destination.path("configuration").path("s3");
        assertThat(s3.path("storageConfigurationArn").asText()).isEqualTo(storageArn);
        assertThat(s3.path("encoderConfigurationArns")).extracting(JsonNode::asText).containsExactly(encoderArn);
        assertThat(s3.path("recordingConfiguration").path("format").asText()).isEqualTo("HLS");
        assertThat(destination.path("detail").path("s3").path("recordingPrefix").asText()).isNotEmpty();

        // an encoder configuration used by a running composition cannot be deleted
        assertThat(aws.fails("ConflictException", "delete-encoder-configuration", "--arn", encoderArn).stderr())
                .contains(arn);

        sim("advanceTime", "seconds", 2);
        JsonNode active = aws.json("get-composition", "--arn", arn).path("composition");
        assertThat(active.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(texts(active.path("destinations"), "state")).containsOnly("ACTIVE");
        assertThat(time(active.path("startTime"))).isEqualTo(started);

        JsonNode byEncoder = aws.json("list-compositions", "--filter-by-encoder-configuration-arn", encoderArn)
                .path("compositions");
        assertThat(texts(byEncoder, "arn")).containsExactly(arn);
        assertThat(byEncoder.get(0).path("stageArn").asText()).isEqualTo(stageArn);
        assertThat(aws.json("list-compositions", "--filter-by-stage-arn", destinationStageArn).path("compositions"))
                .isEmpty();

        aws.ok("stop-composition", "--arn", arn);
        aws.fails("ResourceNotFoundException", "get-composition", "--arn", arn);
    }

    // ------------------------------------------------------------------------------------------ errors, deletes

    @Test
    @Order(7)
    void quotaExceededThroughTheCli() throws Exception {
        Quotas quotas = ivs.service().quotas();
        try {
            quotas.set(Quotas.ENCODER_CONFIGURATIONS, 2);
            assertThat(aws.fails("ServiceQuotaExceededException", "create-encoder-configuration", "--name", "one-too-many")
                    .stderr()).contains("CreateEncoderConfiguration");
        } finally {
            quotas.restoreDefaults();
        }
        assertThat(texts(aws.json("list-encoder-configurations").path("encoderConfigurations"), "arn"))
                .containsExactly(encoderArn, spareEncoderArn);
    }

    @Test
    @Order(8)
    void deletesAndNotFoundAfterwards() throws Exception {
        aws.ok("delete-stage", "--arn", stageArn);
        assertThat(aws.fails("ResourceNotFoundException", "get-stage", "--arn", stageArn).stderr()).contains(stageArn);
        // the ingest configuration that merely names the deleted stage keeps it
        aws.ok("delete-ingest-configuration", "--arn", ingestArn);
        aws.ok("delete-encoder-configuration", "--arn", spareEncoderArn);
        aws.ok("delete-encoder-configuration", "--arn", encoderArn);
        aws.fails("ResourceNotFoundException", "get-encoder-configuration", "--arn", encoderArn);
        aws.ok("delete-storage-configuration", "--arn", storageArn);
        aws.fails("ResourceNotFoundException", "get-storage-configuration", "--arn", storageArn);
    }

    /** The set of operations the CLI ran successfully equals the set of all operations of the shipped model. */
    @Test
    @Order(9)
    void theCliInvokedEveryOperationOfTheModel() throws Exception {
        Set<String> model = new TreeSet<>();
        try (InputStream in = AwsCliAllOperationsTest.class.getResourceAsStream(ServiceModel.RESOURCE)) {
            assertThat(in).as(ServiceModel.RESOURCE).isNotNull();
            TestSupport.JSON.readTree(in).path("operations").fieldNames().forEachRemaining(model::add);
        }
        assertThat(model).hasSize(39);
        List<RecordedCall> calls = new ArrayList<>(ivs.calls().all());
        Set<String> cliSucceeded = calls.stream()
                .filter(c -> IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID.equals(c.accessKeyId()))
                .filter(c -> c.status() >= 200 && c.status() < 300)
                .map(RecordedCall::operation)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> neverRun = new TreeSet<>(model);
        neverRun.removeAll(cliSucceeded);
        Set<String> notInModel = new TreeSet<>(cliSucceeded);
        notInModel.removeAll(model);
        assertThat(neverRun).as("operations of the model the CLI never ran successfully").isEmpty();
        assertThat(notInModel).as("operations the CLI ran that the model lacks").isEmpty();
        assertThat(cliSucceeded).isEqualTo(model);
        // and the SDK's calls were only the two comparisons
        assertThat(calls).filteredOn(c -> SDK_KEY.equals(c.accessKeyId())).extracting(RecordedCall::operation)
                .containsExactly("GetStage", "GetParticipant");
    }
}
