package community.ivsrealtime.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import community.ivsrealtime.emulator.faults.Fault;
import community.ivsrealtime.local.HandlerRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * A failed step rolls back what the deploy did and leaves the state as it was; a run that stops in the middle
 * (a simulated crash at a handler call, and a real {@code kill -9} of a child JVM) is recovered by the next one,
 * without duplicates.
 */
class RollbackAndRecoveryTest {

    private static final ObjectNode V1 = Fixtures.template("stack.json");

    /** The endpoint for the class, reset before each test. */
    @RegisterExtension
    static final IvsRealTimeExtension IVS = IvsRealTimeExtension.create();

    private static IvsRealTimeEmulator emulator;
    private static IvsRealTimeClient ivs;

    @TempDir
    Path dir;

    /** What a crash at a handler call looks like to the deployer: nothing after it runs. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash");
        }
    }

    @BeforeAll
    static void start() {
        emulator = IVS.emulator();
        ivs = Fixtures.client(emulator);
    }

    @AfterAll
    static void stop() {
        ivs.close();
    }


    private Path stateFile() {
        return dir.resolve("state.json");
    }

    private DeployState state() {
        return new StateStore(stateFile()).load();
    }

    @Test
    void aFailedFirstDeployRollsBackEverythingItCreated() {
        emulator.faults().inject(Fault.operation("CreateIngestConfiguration").status(400)
            .errorCode("ValidationException").message("injected: ingest refused").times(1));
        final StringWriter out = new StringWriter();

        final boolean ok = Fixtures.deployer(emulator, stateFile(), out).deploy(Fixtures.stack(dir, "v1.json", "demo",
            V1));

        assertThat(ok).isFalse();
        assertThat(out.toString()).contains("demo/Ingest (Community::IVSRealTime::IngestConfiguration) CREATE failed: "
            + "InvalidRequest").contains("injected: ingest refused").contains("ROLLBACK_COMPLETE");
        assertThat(Fixtures.count(ivs)).as("nothing left behind").isZero();
        assertThat(state().stacks).isEmpty();
        assertThat(dir.toFile().list()).as("no temporary file left").containsExactlyInAnyOrder("state.json", "v1.json");
    }

    @Test
    void aFailedUpdateRevertsUpdatesAndReplacementsAndKeepsTheState() throws Exception {
        assertThat(Fixtures.deployer(emulator, stateFile(), new StringWriter())
            .deploy(Fixtures.stack(dir, "v1.json", "demo", V1))).isTrue();
        final Map<String, String> before = summary(state());
        final Map<String, Map<String, String>> heldBefore = Fixtures.inventory(ivs);
        emulator.faults().inject(Fault.operation("UpdateIngestConfiguration").status(409)
            .errorCode("ConflictException").message("injected: ingest busy").times(1));
        emulator.calls().clear();
        final StringWriter out = new StringWriter();

        final boolean ok = Fixtures.deployer(emulator, stateFile(), out)
            .deploy(Fixtures.stack(dir, "v2.json", "demo", Fixtures.changed(V1)));

        assertThat(ok).isFalse();
        assertThat(out.toString()).contains("UPDATE failed: ResourceConflict").contains("injected: ingest busy")
            .contains("UPDATE_ROLLBACK_COMPLETE");
        final Map<String, Long> calls = Fixtures.takeCalls(emulator);
        assertThat(calls).containsOnly(entry("UpdateStage", 4L), entry("CreateEncoderConfiguration", 1L),
            entry("UpdateIngestConfiguration", 1L), entry("DeleteEncoderConfiguration", 1L));
        assertThat(Fixtures.inventory(ivs)).isEqualTo(heldBefore);
        assertThat(summary(state())).isEqualTo(before);
        assertThat(state().stack("demo").retired).isEmpty();
        assertThat(state().stack("demo").pending).isNull();
    }

    @Test
    void aCrashAfterACreateIsRecoveredByItsSystemTags() {
        final List<StackSource> stack = Fixtures.stack(dir, "v1.json", "demo", V1);
        final Deployer crashing = Fixtures.deployer(emulator, stateFile(), new StringWriter()).hook(new Deployer.Hook() {
            @Override
            public void afterCall(final String s, final String logicalId, final String action) {
                if (logicalId.equals("Encoder")) {
                    throw new SimulatedCrash();
                }
            }
        });
        assertThatThrownBy(() -> crashing.deploy(stack)).isInstanceOf(SimulatedCrash.class);
        assertThat(state().stack("demo").pending.logicalId).isEqualTo("Encoder");
        assertThat(state().stack("demo").resources).containsOnlyKeys("Recordings", "MainStage", "BackupStage");
        assertThat(Fixtures.inventory(ivs).get("encoder")).hasSize(1);
        emulator.calls().clear();
        final StringWriter out = new StringWriter();

        assertThat(Fixtures.deployer(emulator, stateFile(), out).deploy(stack)).as(out.toString()).isTrue();

        assertThat(out.toString()).contains("stopped during CREATE of demo/Encoder").contains("by its system tags");
        final Map<String, Long> calls = Fixtures.takeCalls(emulator);
        assertThat(calls).doesNotContainKey("CreateEncoderConfiguration")
            .containsEntry("ListEncoderConfigurations", 1L).containsEntry("ImportPublicKey", 1L)
            .containsEntry("CreateIngestConfiguration", 1L);
        assertThat(Fixtures.inventory(ivs).get("encoder")).containsOnlyKeys(state().stack("demo").resources
            .get("Encoder").physicalId);
        assertThat(Fixtures.count(ivs)).isEqualTo(6);
        assertThat(state().stack("demo").resources).hasSize(6);
    }

    @Test
    void aCrashBetweenTwoResourcesCreatesOnlyWhatIsMissing() {
        final List<StackSource> stack = Fixtures.stack(dir, "v1.json", "demo", V1);
        final Deployer crashing = Fixtures.deployer(emulator, stateFile(), new StringWriter()).hook(new Deployer.Hook() {
            @Override
            public void beforeCall(final String s, final String logicalId, final String action) {
                if (logicalId.equals("TokenKey")) {
                    throw new SimulatedCrash();
                }
            }
        });
        assertThatThrownBy(() -> crashing.deploy(stack)).isInstanceOf(SimulatedCrash.class);
        assertThat(Fixtures.count(ivs)).isEqualTo(4);
        emulator.calls().clear();
        final StringWriter out = new StringWriter();

        assertThat(Fixtures.deployer(emulator, stateFile(), out).deploy(stack)).as(out.toString()).isTrue();

        assertThat(out.toString()).contains("the CREATE had not created it");
        assertThat(Fixtures.takeCalls(emulator)).containsEntry("ImportPublicKey", 1L)
            .containsEntry("CreateIngestConfiguration", 1L).doesNotContainKeys("CreateStage",
                "CreateStorageConfiguration", "CreateEncoderConfiguration");
        assertThat(Fixtures.count(ivs)).isEqualTo(6);
    }

    @Test
    void aCrashDuringDestroyIsRecovered() {
        final List<StackSource> stack = Fixtures.stack(dir, "v1.json", "demo", V1);
        assertThat(Fixtures.deployer(emulator, stateFile(), new StringWriter()).deploy(stack)).isTrue();
        final Deployer crashing = Fixtures.deployer(emulator, stateFile(), new StringWriter()).hook(new Deployer.Hook() {
            @Override
            public void afterCall(final String s, final String logicalId, final String action) {
                if (logicalId.equals("BackupStage")) {
                    throw new SimulatedCrash();
                }
            }
        });
        assertThatThrownBy(() -> crashing.destroy(null)).isInstanceOf(SimulatedCrash.class);
        final StringWriter out = new StringWriter();

        assertThat(Fixtures.deployer(emulator, stateFile(), out).destroy(null)).as(out.toString()).isTrue();

        assertThat(out.toString()).contains("the DELETE had finished");
        assertThat(Fixtures.count(ivs)).isZero();
        assertThat(state().stacks).isEmpty();
    }

    @Test
    void aDeployKilledWithSigkillInAChildJvmIsRecovered() throws Exception {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
            "-cp", System.getProperty("java.class.path"), KillableDeploy.class.getName(),
            emulator.endpoint().toString(), stateFile().toString(),
            Fixtures.stack(dir, "v1.json", "demo", V1).get(0).template().file().toString(), "Encoder"));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        final StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith(KillableDeploy.WAITING)) {
                    break;
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(output.toString()).contains(KillableDeploy.WAITING);
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(state().stack("demo").pending.logicalId).isEqualTo("Encoder");
        final StringWriter out = new StringWriter();

        assertThat(Fixtures.deployer(emulator, stateFile(), out).deploy(Fixtures.stack(dir, "v1.json", "demo", V1)))
            .as(out.toString()).isTrue();

        assertThat(out.toString()).contains("by its system tags");
        assertThat(Fixtures.inventory(ivs).get("encoder")).hasSize(1);
        assertThat(Fixtures.count(ivs)).isEqualTo(6);
    }

    private static ObjectNode policies(final int width) {
        final ObjectNode template = (ObjectNode) HandlerRequest.JSON.createObjectNode();
        final ObjectNode resources = template.putObject("Resources");
        final ObjectNode encoder = resources.putObject("Encoder").put("Type", "Community::IVSRealTime::EncoderConfiguration")
            .put("UpdateReplacePolicy", "Retain");
        encoder.putObject("Properties").putObject("Video").put("Width", width).put("Height", 720);
        resources.putObject("Kept").put("Type", "Community::IVSRealTime::Stage").put("DeletionPolicy", "Retain")
            .putObject("Properties").put("Name", "kept");
        resources.putObject("Fresh").put("Type", "Community::IVSRealTime::Stage")
            .put("DeletionPolicy", "RetainExceptOnCreate").putObject("Properties").put("Name", "fresh");
        return template;
    }

    @Test
    void aRollbackKeepsNewResourcesWithDeletionPolicyRetainButNotRetainExceptOnCreate() {
        final ObjectNode template = policies(1280);
        ((ObjectNode) template.get("Resources")).putObject("Ingest")
            .put("Type", "Community::IVSRealTime::IngestConfiguration").putObject("Properties")
            .put("IngestProtocol", "RTMPS").putObject("StageArn").put("Ref", "Fresh");
        emulator.faults().inject(Fault.operation("CreateIngestConfiguration").status(400)
            .errorCode("ValidationException").message("injected").times(1));
        final StringWriter out = new StringWriter();

        assertThat(Fixtures.deployer(emulator, stateFile(), out).deploy(Fixtures.stack(dir, "p.json", "p", template)))
            .isFalse();

        assertThat(out.toString()).contains("DeletionPolicy Retain: arn:aws:ivs:");
        assertThat(Fixtures.inventory(ivs).get("stage").values()).containsExactly("kept");
        assertThat(Fixtures.inventory(ivs).get("encoder")).isEmpty();
        assertThat(state().stacks).isEmpty();
    }

    @Test
    void updateReplacePolicyKeepsTheReplacedResourceAndDeletionPolicyTheDestroyedOne() {
        assertThat(Fixtures.deployer(emulator, stateFile(), new StringWriter())
            .deploy(Fixtures.stack(dir, "p.json", "p", policies(1280)))).isTrue();
        final String oldEncoder = state().stack("p").resources.get("Encoder").physicalId;
        final StringWriter out = new StringWriter();

        assertThat(Fixtures.deployer(emulator, stateFile(), out).deploy(Fixtures.stack(dir, "p.json", "p",
            policies(1920)))).as(out.toString()).isTrue();
        assertThat(out.toString()).contains("UpdateReplacePolicy Retain: " + oldEncoder + " is kept");
        assertThat(Fixtures.inventory(ivs).get("encoder")).hasSize(2).containsKey(oldEncoder);
        assertThat(Fixtures.deployer(emulator, stateFile(), out).destroy(null)).isTrue();

        assertThat(Fixtures.inventory(ivs).get("stage").values()).as("Retain and RetainExceptOnCreate keep them")
            .containsExactlyInAnyOrder("kept", "fresh");
        assertThat(Fixtures.inventory(ivs).get("encoder")).containsOnlyKeys(oldEncoder);
        assertThat(state().stacks).isEmpty();
    }

    /** Physical id and properties per logical id: what a rollback must restore. */
    private static Map<String, String> summary(final DeployState state) {
        final Map<String, String> summary = new TreeMap<>();
        state.stack("demo").resources.forEach((id, r) -> summary.put(id, r.physicalId + " " + r.properties));
        return summary;
    }
}
