package community.ivsrealtime.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * The demo's steps on a hand-written template with every type: deploy, update (rename), move the ingest
 * configuration to another stage, replace (a createOnly property changed), no-op redeploy, drift, destroy. After
 * each step: what the endpoint holds, and from its call log, that exactly the calls the plan needs were made.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployEndToEndTest {

    @TempDir
    static Path dir;

    /** The endpoint for the class (the tests build on each other's state). */
    @RegisterExtension
    static final IvsRealTimeExtension IVS = IvsRealTimeExtension.create().resetBeforeEach(false);

    private static IvsRealTimeEmulator emulator;
    private static IvsRealTimeClient ivs;
    private static Path stateFile;
    private static final ObjectNode V1 = Fixtures.template("stack.json");
    private static final ObjectNode V2 = Fixtures.changed(V1);

    @BeforeAll
    static void start() {
        emulator = IVS.emulator();
        ivs = Fixtures.client(emulator);
        stateFile = dir.resolve("state/state.json");
    }

    @AfterAll
    static void stop() {
        ivs.close();
    }

    private static DeployState state() {
        return new StateStore(stateFile).load();
    }

    private static String arn(final String logicalId) {
        return state().stack("demo").resources.get(logicalId).physicalId;
    }

    @Test
    @Order(1)
    void deployCreatesEveryResourceOnceInDependencyOrder() throws Exception {
        final StringWriter out = new StringWriter();
        final boolean ok = Fixtures.deployer(emulator, stateFile, out)
            .deploy(Fixtures.stack(dir, "v1.json", "demo", V1));

        assertThat(ok).as(out.toString()).isTrue();
        assertThat(Fixtures.takeCalls(emulator)).containsOnly(entry("CreateStorageConfiguration", 1L),
            entry("CreateStage", 2L), entry("CreateEncoderConfiguration", 1L), entry("ImportPublicKey", 1L),
            entry("CreateIngestConfiguration", 1L));
        final Map<String, Map<String, String>> held = Fixtures.inventory(ivs);
        assertThat(held.get("stage")).containsOnlyKeys(arn("MainStage"), arn("BackupStage"))
            .containsValues("main-stage", "main-stage-backup");
        assertThat(held.get("storage").values()).containsExactly("demo-recordings");
        assertThat(held.get("encoder").values()).containsExactly("test-encoder");
        assertThat(held.get("key").values()).containsExactly("test-token-key");
        assertThat(held.get("ingest").values()).containsExactly("test-ingest");
        assertThat(ivs.getIngestConfiguration(r -> r.arn(arn("Ingest"))).ingestConfiguration().stageArn())
            .isEqualTo(arn("MainStage"));
        assertThat(ivs.getStage(r -> r.arn(arn("MainStage"))).stage().autoParticipantRecordingConfiguration()
            .storageConfigurationArn()).isEqualTo(arn("Recordings"));
        // the order: storage before the stage that records to it, the stage before the ingest configuration
        final String text = out.toString();
        assertThat(text.indexOf("Recordings")).isLessThan(text.indexOf("MainStage "));
        assertThat(text.indexOf("MainStage ")).isLessThan(text.indexOf("Ingest "));
        // skipped and ignored resources, outputs with the stream key masked
        assertThat(text).contains("RecordingBucket").contains("SKIPPED").contains("registers a type in an AWS account")
            .doesNotContain("CDKMetadata");
        final String streamKey = ivs.getIngestConfiguration(r -> r.arn(arn("Ingest"))).ingestConfiguration()
            .streamKey();
        assertThat(text).doesNotContain(streamKey).containsPattern("IngestStreamKey\\s+\\*\\*\\*\\*");
        assertThat(state().stack("demo").outputs).containsEntry("MainStageArn", arn("MainStage"))
            .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/demo-publisherrole-ivsrt-fake");
        assertThat(state().stack("demo").exports).containsEntry("demo-main-stage-arn", arn("MainStage"));
        assertThat(state().stack("demo").status).isEqualTo("CREATE_COMPLETE");
        // the system tags CloudFormation adds, as the handler applied them
        assertThat(ivs.listTagsForResource(r -> r.resourceArn(arn("MainStage"))).tags())
            .containsEntry("aws:cloudformation:logical-id", "MainStage")
            .containsEntry("aws:cloudformation:stack-name", "demo")
            .containsEntry("aws:cloudformation:stack-id", state().stack("demo").stackId)
            .containsEntry("env", "dev");
        if (Files.getFileStore(stateFile).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile))).isEqualTo("rw-------");
        }
        Fixtures.takeCalls(emulator);
    }

    @Test
    @Order(2)
    void diffShowsTheUpdatesAndTheReplacementWithoutACall() {
        final List<Planner.Entry> plan = Fixtures.deployer(emulator, stateFile, new StringWriter())
            .plan(Fixtures.stack(dir, "v2.json", "demo", V2));

        assertThat(plan).filteredOn(e -> e.action() != Planner.Action.SKIP)
            .extracting(e -> e.logicalId() + " " + e.action())
            .containsExactly("Recordings NONE", "MainStage UPDATE", "BackupStage UPDATE", "Encoder REPLACE",
                "TokenKey NONE", "Ingest UPDATE");
        assertThat(plan).filteredOn(e -> e.logicalId().equals("Encoder")).first()
            .extracting(Planner.Entry::reason).asString().contains("createOnly Video");
        assertThat(emulator.calls().counts()).isEmpty();
    }

    @Test
    @Order(3)
    void redeployUpdatesInPlaceReplacesTheEncoderAndMovesTheIngestConfiguration() {
        final String oldEncoder = arn("Encoder");
        final String mainStage = arn("MainStage");
        final String backupStage = arn("BackupStage");
        final String ingest = arn("Ingest");
        final StringWriter out = new StringWriter();

        final boolean ok = Fixtures.deployer(emulator, stateFile, out).deploy(Fixtures.stack(dir, "v2.json", "demo", V2));

        assertThat(ok).as(out.toString()).isTrue();
        assertThat(Fixtures.takeCalls(emulator)).containsOnly(entry("UpdateStage", 2L),
            entry("CreateEncoderConfiguration", 1L), entry("UpdateIngestConfiguration", 1L),
            entry("DeleteEncoderConfiguration", 1L));
        assertThat(arn("MainStage")).isEqualTo(mainStage);
        assertThat(arn("Ingest")).isEqualTo(ingest);
        assertThat(arn("Encoder")).isNotEqualTo(oldEncoder);
        final Map<String, Map<String, String>> held = Fixtures.inventory(ivs);
        assertThat(held.get("stage")).containsOnly(entry(mainStage, "renamed-stage"),
            entry(backupStage, "renamed-stage-backup"));
        assertThat(held.get("encoder")).containsOnlyKeys(arn("Encoder"));
        assertThat(ivs.getEncoderConfiguration(r -> r.arn(arn("Encoder"))).encoderConfiguration().video().width())
            .isEqualTo(1920);
        assertThat(ivs.getIngestConfiguration(r -> r.arn(ingest)).ingestConfiguration().stageArn())
            .isEqualTo(backupStage);
        assertThat(state().stack("demo").retired).isEmpty();
        assertThat(state().stack("demo").status).isEqualTo("UPDATE_COMPLETE");
        // the replacement is created before the old one is deleted, as CloudFormation does
        final String text = out.toString();
        assertThat(text.indexOf("REPLACE  COMPLETE")).isPositive()
            .isLessThan(text.indexOf(oldEncoder.substring(oldEncoder.lastIndexOf('/'))));
        Fixtures.takeCalls(emulator);
    }

    @Test
    @Order(4)
    void anUnchangedRedeployMakesNoCall() {
        final StringWriter out = new StringWriter();
        assertThat(Fixtures.deployer(emulator, stateFile, out).deploy(Fixtures.stack(dir, "v2.json", "demo", V2)))
            .as(out.toString()).isTrue();
        assertThat(emulator.calls().counts()).isEmpty();
    }

    @Test
    @Order(5)
    void driftFindsAChangeMadeBehindTheStacksBack() {
        final StringWriter before = new StringWriter();
        assertThat(Fixtures.deployer(emulator, stateFile, before).drift().detect(null))
            .as(before.toString()).allSatisfy(r -> assertThat(r.status()).isEqualTo("IN_SYNC"));
        assertThat(Fixtures.takeCalls(emulator)).containsOnly(entry("GetStage", 2L),
            entry("GetStorageConfiguration", 1L), entry("GetEncoderConfiguration", 1L), entry("GetPublicKey", 1L),
            entry("GetIngestConfiguration", 1L));

        ivs.updateStage(r -> r.arn(arn("MainStage")).name("changed-by-hand"));
        ivs.tagResource(r -> r.resourceArn(arn("BackupStage")).tags(Map.of("owner", "someone")));
        ivs.deleteEncoderConfiguration(r -> r.arn(arn("Encoder")));
        final StringWriter out = new StringWriter();
        final List<DriftDetector.Result> results = Fixtures.deployer(emulator, stateFile, out).drift().detect(null);

        assertThat(results).extracting(r -> r.logicalId() + " " + r.status()).containsExactly("Recordings IN_SYNC",
            "MainStage MODIFIED", "BackupStage IN_SYNC", "Encoder DELETED", "TokenKey IN_SYNC", "Ingest IN_SYNC");
        assertThat(out.toString()).contains("Name: expected \"renamed-stage\", actual \"changed-by-hand\"")
            .contains("2 of 6 resources drifted");
    }

    @Test
    @Order(6)
    void destroyDeletesEverythingAndAResourceAlreadyGoneIsFine() {
        Fixtures.takeCalls(emulator);
        final StringWriter out = new StringWriter();

        assertThat(Fixtures.deployer(emulator, stateFile, out).destroy(null)).as(out.toString()).isTrue();

        assertThat(Fixtures.takeCalls(emulator)).containsOnly(entry("DeleteStage", 2L),
            entry("DeleteStorageConfiguration", 1L), entry("DeleteEncoderConfiguration", 1L),
            entry("DeletePublicKey", 1L), entry("DeleteIngestConfiguration", 1L));
        assertThat(Fixtures.count(ivs)).isZero();
        assertThat(state().stacks).isEmpty();
        assertThat(out.toString()).contains("was already gone").contains("DELETE_COMPLETE");
        // the ingest configuration (it uses a stage) is deleted before the stages, the stages before the storage
        final String text = out.toString();
        assertThat(text.indexOf("Ingest ")).isLessThan(text.indexOf("BackupStage "));
        assertThat(text.indexOf("MainStage ")).isLessThan(text.indexOf("Recordings "));
    }
}
