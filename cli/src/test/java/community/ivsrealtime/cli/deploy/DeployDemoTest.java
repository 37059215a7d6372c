package community.ivsrealtime.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import community.ivsrealtime.cli.Ivsrt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * {@code ivsrt demo} in-process with the app written in Java (the example CDK app: {@code CdkDemoTest}): after
 * each of its steps (deploy, update with a replacement, drift, destroy) what the endpoint holds and, from its call
 * log, that only the calls the step needs were made.
 */
class DeployDemoTest {

    @TempDir
    static Path dir;

    private static int exitCode;
    private static String out;
    private static final Map<String, Map<String, Long>> CALLS = new LinkedHashMap<>();
    private static final Map<String, Map<String, Map<String, String>>> HELD = new LinkedHashMap<>();
    private static final Map<String, DeployState> STATES = new LinkedHashMap<>();
    private static final Map<String, String> FACTS = new LinkedHashMap<>();

    @BeforeAll
    static void runTheDemoOnce() {
        final DeployDemo demo = new DeployDemo().app(new JavaDemoApp(community.ivsrealtime.cli.Demo.newPublicKeyPem()))
            .observer((step, emulator, state, rows) -> {
            CALLS.put(step, Fixtures.takeCalls(emulator));
            try (IvsRealTimeClient ivs = Fixtures.client(emulator)) {
                HELD.put(step, Fixtures.inventory(ivs));
                if (step.equals("update")) {
                    final DeployState.StackState stack = state.stacks.values().iterator().next();
                    FACTS.put("ingestStage", ivs.getIngestConfiguration(r -> r.arn(stack.resources.get("Ingest")
                        .physicalId)).ingestConfiguration().stageArn());
                    FACTS.put("backupStage", stack.resources.get("BackupStage").physicalId);
                    FACTS.put("streamKey", ivs.getIngestConfiguration(r -> r.arn(stack.resources.get("Ingest")
                        .physicalId)).ingestConfiguration().streamKey());
                }
            }
            emulator.calls().clear();
            STATES.put(step, state);
        });
        final StringWriter o = new StringWriter();
        final CommandLine commandLine = Ivsrt.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(final Class<K> type) throws Exception {
                return type == DeployDemo.class ? type.cast(demo) : CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setOut(new PrintWriter(o, true));
        exitCode = commandLine.execute("demo", "--dir", dir.resolve("work").toString());
        out = o.toString();
    }

    @Test
    void exitsZeroAfterEveryStep() {
        assertThat(exitCode).as(out).isZero();
        assertThat(CALLS).containsOnlyKeys("deploy", "update", "drift", "destroy");
        assertThat(out).contains("Demo OK in").contains("6 created, 2 updated in place, 1 replaced; drift found in 1 "
            + "resource; destroyed, nothing left");
    }

    @Test
    void theDeployCreatesEachResourceWithOneCall() {
        assertThat(CALLS.get("deploy")).containsOnly(entry("CreateStorageConfiguration", 1L), entry("CreateStage", 2L),
            entry("CreateEncoderConfiguration", 1L), entry("ImportPublicKey", 1L),
            entry("CreateIngestConfiguration", 1L));
        assertThat(HELD.get("deploy").get("stage").values()).containsExactlyInAnyOrder("demo-stage",
            "IvsRealTimeDemo-backup");
        assertThat(HELD.get("deploy").get("storage").values()).containsExactly("demo-recordings");
    }

    @Test
    void theChangedAppIsUpdatedInPlaceAndTheEncoderReplaced() {
        // the demo's own calls first: the participant token it mints and the check of where the ingest went
        assertThat(CALLS.get("update")).containsOnly(entry("CreateParticipantToken", 1L), entry("UpdateStage", 1L),
            entry("CreateEncoderConfiguration", 1L), entry("UpdateIngestConfiguration", 1L),
            entry("DeleteEncoderConfiguration", 1L), entry("GetIngestConfiguration", 1L));
        assertThat(HELD.get("update").get("stage").values()).containsExactlyInAnyOrder("demo-stage-renamed",
            "IvsRealTimeDemo-backup");
        assertThat(HELD.get("update").get("encoder")).hasSize(1).doesNotContainKeys(
            HELD.get("deploy").get("encoder").keySet().toArray(String[]::new));
        assertThat(FACTS.get("ingestStage")).isEqualTo(FACTS.get("backupStage"));
        assertThat(out).containsPattern("MainStage\\s+IVSRealTime::Stage\\s+UPDATE\\s+Name changed")
            .containsPattern("Encoder\\s+IVSRealTime::EncoderConfiguration\\s+REPLACE\\s+createOnly Video changed")
            .containsPattern("Ingest\\s+IVSRealTime::IngestConfiguration\\s+UPDATE\\s+StageArn changed");
    }

    @Test
    void driftReadsEachResourceOnceAndFindsTheRename() {
        assertThat(CALLS.get("drift")).containsOnly(entry("UpdateStage", 1L), entry("GetStage", 2L),
            entry("GetStorageConfiguration", 1L), entry("GetEncoderConfiguration", 1L), entry("GetPublicKey", 1L),
            entry("GetIngestConfiguration", 1L));
        assertThat(out).contains("Name: expected \"demo-stage-renamed\", actual \"renamed-by-hand\"");
    }

    @Test
    void destroyLeavesNothing() {
        assertThat(CALLS.get("destroy")).containsOnly(entry("DeleteIngestConfiguration", 1L),
            entry("DeletePublicKey", 1L), entry("DeleteEncoderConfiguration", 1L), entry("DeleteStage", 2L),
            entry("DeleteStorageConfiguration", 1L), entry("ListStages", 1L), entry("ListStorageConfigurations", 1L),
            entry("ListEncoderConfigurations", 1L), entry("ListPublicKeys", 1L), entry("ListIngestConfigurations", 1L));
        assertThat(HELD.get("destroy").values()).allSatisfy(kind -> assertThat(kind).isEmpty());
        assertThat(STATES.get("destroy").stacks).isEmpty();
    }

    @Test
    void printsEndpointsATokenAndCommandsButNoSecret() {
        assertThat(out).contains("Whip    https://").contains("participant token for MainStage")
            .contains("ivs-realtime get-stage --arn arn:aws:ivs:us-east-1:123456789012:stage/")
            .containsPattern("IngestStreamKey\\s+\\*\\*\\*\\*")
            .doesNotContain(FACTS.get("streamKey"));
        assertThat(Files.exists(dir.resolve("work/state.json"))).as("--dir keeps the work directory").isTrue();
    }
}
