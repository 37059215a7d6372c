package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.ivsrealtime.emulator.core.CallContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.IngestProtocol;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;

/** The endpoint keeps its resources in a state directory across restarts. */
class PersistenceTest {
    @TempDir
    Path dir;

    private IvsRealTimeEmulator start() {
        return IvsRealTimeEmulator.builder().stateDir(dir).start();
    }

    private static String pem() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(g.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void resourcesTagsArnsAndStreamKeysSurviveARestart() throws Exception {
        String stage;
        String storage;
        String encoder;
        String key;
        String composition;
        String token;
        IngestConfiguration ingest;
        try (IvsRealTimeEmulator emulator = start(); IvsRealTimeClient ivs = TestSupport.client(emulator)) {
            assertThat(emulator.service().stateFile()).isEqualTo(dir.resolve("ivs-realtime-state.json"));
            storage = ivs.createStorageConfiguration(r -> r.name("rec").s3(s -> s.bucketName("my-recordings"))
                    .tags(Map.of("team", "video"))).storageConfiguration().arn();
            stage = ivs.createStage(r -> r.name("studio").tags(Map.of("env", "dev", "aws:cloudformation:logical-id", "S"))
                    .autoParticipantRecordingConfiguration(a -> a.storageConfigurationArn(storage))).stage().arn();
            token = ivs.createParticipantToken(r -> r.stageArn(stage).userId("host")).participantToken().token();
            encoder = ivs.createEncoderConfiguration(r -> r.name("hd").video(v -> v.width(1920).height(1080)))
                    .encoderConfiguration().arn();
            key = ivs.importPublicKey(r -> r.name("k").publicKeyMaterial(pemOrThrow())).publicKey().arn();
            ingest = ivs.createIngestConfiguration(r -> r.name("obs").stageArn(stage).ingestProtocol(IngestProtocol.RTMPS)
                    .userId("cam").attributes(Map.of("seat", "1")).tags(Map.of("a", "b"))).ingestConfiguration();
            ivs.tagResource(r -> r.resourceArn(encoder).tags(Map.of("added", "later")));
            composition = ivs.startComposition(r -> r.stageArn(stage).idempotencyToken("tok")
                    .destinations(d -> d.s3(s -> s.storageConfigurationArn(storage).encoderConfigurationArns(encoder))))
                    .composition().arn();
        }
        try (IvsRealTimeEmulator emulator = start(); IvsRealTimeClient ivs = TestSupport.client(emulator)) {
            var s = ivs.getStage(r -> r.arn(stage)).stage();
            assertThat(s.name()).isEqualTo("studio");
            assertThat(s.tags()).isEqualTo(Map.of("env", "dev", "aws:cloudformation:logical-id", "S"));
            assertThat(s.autoParticipantRecordingConfiguration().storageConfigurationArn()).isEqualTo(storage);
            assertThat(s.activeSessionId()).isNull();
            assertThat(ivs.getStorageConfiguration(r -> r.arn(storage)).storageConfiguration().s3().bucketName())
                    .isEqualTo("my-recordings");
            assertThat(ivs.listTagsForResource(r -> r.resourceArn(encoder)).tags()).isEqualTo(Map.of("added", "later"));
            assertThat(ivs.getEncoderConfiguration(r -> r.arn(encoder)).encoderConfiguration().video().width()).isEqualTo(1920);
            assertThat(ivs.getPublicKey(r -> r.arn(key)).publicKey().name()).isEqualTo("k");
            IngestConfiguration again = ivs.getIngestConfiguration(r -> r.arn(ingest.arn())).ingestConfiguration();
            assertThat(again).isEqualTo(ingest);
            assertThat(again.streamKey()).isEqualTo(ingest.streamKey());
            assertThat(ivs.getComposition(r -> r.arn(composition)).composition().stageArn()).isEqualTo(stage);
            // a token minted before the restart still lets a participant join
            var joined = emulator.service().admin("join", (com.fasterxml.jackson.databind.node.ObjectNode) TestSupport.JSON
                    .readTree("{\"stageArn\":\"" + stage + "\",\"token\":\"" + token + "\"}"),
                    new CallContext(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID, "us-east-1", null, "t"));
            assertThat(joined.at("/participant/userId").asText()).isEqualTo("host");
            // list order and new ARNs continue after the loaded ones
            String later = ivs.createStage(r -> r.name("later")).stage().arn();
            assertThat(ivs.listStages(r -> { }).stages()).extracting(x -> x.arn()).containsExactly(stage, later);
            ivs.deleteStage(r -> r.arn(later));
        }
        try (IvsRealTimeEmulator emulator = start(); IvsRealTimeClient ivs = TestSupport.client(emulator)) {
            assertThat(ivs.listStages(r -> { }).stages()).extracting(x -> x.arn()).containsExactly(stage);
            assertThat(ivs.listIngestConfigurations(r -> { }).ingestConfigurations()).hasSize(1);
        }
    }

    private static String pemOrThrow() {
        try {
            return pem();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStateIsSavedAfterEachWriteWithoutWaitingForStopAndIsOwnerOnly() throws Exception {
        try (IvsRealTimeEmulator emulator = start(); IvsRealTimeClient ivs = TestSupport.client(emulator)) {
            String arn = ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS)).ingestConfiguration().arn();
            Path file = dir.resolve("ivs-realtime-state.json");
            String saved = Files.readString(file);
            assertThat(saved).contains(arn).contains("\"streamKey\"");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            // reads do not rewrite it; a failed write leaves it as it was; no temporary file is left behind
            long modified = Files.getLastModifiedTime(file).toMillis();
            ivs.listIngestConfigurations(r -> { });
            assertThatThrownBy(() -> ivs.deleteStage(r -> r.arn("arn:aws:ivs:us-east-1:123456789012:stage/nothing")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(Files.readString(file)).isEqualTo(saved);
            assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ivs-realtime-state.json");
            }
            ivs.deleteIngestConfiguration(r -> r.arn(arn));
            assertThat(Files.readString(file)).doesNotContain(arn);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aCorruptFileGivesAClearErrorNamingTheFile() throws Exception {
        Path file = dir.resolve("ivs-realtime-state.json");
        for (String content : List.of("{not json", "[]", "{\"version\":1,\"stores\":[{\"accountId\":\"123456789012\"}]}")) {
            Files.writeString(file, content);
            assertThatThrownBy(this::start).as(content)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot load the endpoint's state from " + file + ": ")
                    .hasMessageContaining("move the file away");
        }
        // the standalone command reports it and exits 2
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new Main()).execute("--port", "0", "--state-dir", dir.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot start the endpoint: cannot load the endpoint's "
                + "state from " + file);
    }

    @Test
    void theCommandLineOptionSetsTheStateDirectory() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--state-dir", dir.toString());
        assertThat(main.stateDir).isEqualTo(dir);
        try (IvsRealTimeEmulator emulator = start()) {
            assertThat(main.banner(emulator)).contains("saved in " + dir.resolve("ivs-realtime-state.json"));
        }
    }
}
