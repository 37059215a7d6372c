package community.ivsrealtime.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import community.ivsrealtime.cli.Ivsrt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * {@code ivsrt demo} as the README's first command runs it: the example CDK app (examples/) synthesized in this JVM
 * and deployed, changed, checked for drift and destroyed. After each step the endpoint's call log must hold exactly
 * the calls the step's summary says it made (one create per CREATED or REPLACED resource, one update per UPDATED,
 * one delete per DELETED, none for a SKIPPED or RETAINED one), besides the demo's own (the participant token, the
 * change behind the stack's back, the final LIST of every type).
 */
class CdkDemoTest {

    @TempDir
    static Path dir;

    private static int exitCode;
    private static String out;
    private static final Map<String, Map<String, Long>> CALLS = new LinkedHashMap<>();
    private static final Map<String, Map<String, Long>> EXPECTED = new LinkedHashMap<>();
    private static final Map<String, Integer> LEFT = new LinkedHashMap<>();

    @BeforeAll
    static void runTheDemo() {
        assumeTrue(CdkDemoApp.nodeAvailable(), "node is not on the PATH: the CDK app cannot be synthesized (jsii)");
        final DeployDemo demo = new DeployDemo().observer((step, emulator, state, rows) -> {
            CALLS.put(step, Fixtures.takeCalls(emulator));
            EXPECTED.put(step, expectedCalls(rows));
            try (IvsRealTimeClient ivs = Fixtures.client(emulator)) {
                LEFT.put(step, Fixtures.count(ivs));
            }
            emulator.calls().clear();
        });
        final StringWriter o = new StringWriter();
        final CommandLine commandLine = Ivsrt.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(final Class<K> type) throws Exception {
                return type == DeployDemo.class ? type.cast(demo) : CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setOut(new PrintWriter(o, true));
        exitCode = commandLine.execute("demo", "--app", "cdk", "--dir", dir.resolve("work").toString());
        out = o.toString();
    }

    /** The IVS calls a deploy or destroy makes for its summary rows. */
    private static Map<String, Long> expectedCalls(final List<Deployer.Row> rows) {
        final Map<String, Long> calls = new TreeMap<>();
        for (final Deployer.Row row : rows) {
            if (!row.type().startsWith(ResourceTypes.PREFIX)) {
                continue; // SKIPPED: not deployed
            }
            final String type = row.type().substring(ResourceTypes.PREFIX.length());
            final String operation = switch (row.status()) {
                case "CREATED", "REPLACED" -> type.equals("PublicKey") ? "ImportPublicKey" : "Create" + type;
                case "UPDATED" -> "Update" + type;
                case "DELETED" -> "Delete" + type;
                default -> null; // SKIPPED, UNCHANGED, RETAINED: no call
            };
            if (operation != null) {
                calls.merge(operation, 1L, Long::sum);
            }
        }
        return calls;
    }

    private static Map<String, Long> plus(final Map<String, Long> calls, final String... operations) {
        final Map<String, Long> all = new TreeMap<>(calls);
        for (final String operation : operations) {
            all.merge(operation, 1L, Long::sum);
        }
        return all;
    }

    @Test
    void theDemoSucceedsAndLeavesNothing() {
        assertThat(exitCode).as(out).isZero();
        assertThat(out).contains("the example CDK app").contains("Demo OK in").contains("nothing left")
            .contains("SKIPPED").contains("AWS::Lambda::Function");
        assertThat(CALLS).containsOnlyKeys("deploy", "update", "drift", "destroy");
        assertThat(LEFT.get("destroy")).isZero();
    }

    @Test
    void eachStepMadeExactlyTheCallsItsPlanNeeded() {
        assertThat(EXPECTED.get("deploy").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
        assertThat(CALLS.get("deploy")).isEqualTo(EXPECTED.get("deploy"));
        assertThat(EXPECTED.get("update")).containsKey("UpdateStage");
        final Map<String, Long> update = new TreeMap<>(CALLS.get("update"));
        update.remove("GetIngestConfiguration"); // the demo checks where the ingest configuration went, if it moved
        assertThat(update).isEqualTo(plus(EXPECTED.get("update"), "CreateParticipantToken"));
        assertThat(CALLS.get("drift")).containsEntry("UpdateStage", 1L).containsEntry("GetStage", 2L)
            .allSatisfy((operation, count) -> assertThat(operation).matches("Get.*|UpdateStage"));
        assertThat(CALLS.get("drift").entrySet().stream().filter(e -> e.getKey().startsWith("Get"))
            .mapToLong(Map.Entry::getValue).sum()).as("one READ per resource").isEqualTo(6);
        assertThat(CALLS.get("destroy")).isEqualTo(plus(EXPECTED.get("destroy"), "ListStages",
            "ListStorageConfigurations", "ListEncoderConfigurations", "ListPublicKeys", "ListIngestConfigurations"));
    }
}
