package community.ivsrealtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.faults.Fault;
import community.ivsrealtime.local.HandlerRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ivsrt demo} in-process, through picocli, against the endpoint it embeds (loopback only). */
class DemoTest {

    private static final List<String> TYPES =
        List.of("StorageConfiguration", "Stage", "EncoderConfiguration", "PublicKey", "IngestConfiguration");

    private static Result result;

    /** What one run printed and what the test saw of its endpoint. */
    private record Result(int exitCode, String out, String err, List<Demo.Step> steps, List<String> streamKeys,
                          List<String> publicKeys, String endpointDuringRun, String endpointAfterRun) {
    }

    @BeforeAll
    static void runDemoOnce() {
        final String before = System.getProperty(Demo.ENDPOINT_PROPERTY);
        final List<Demo.Step> steps = new ArrayList<>();
        final List<String> streamKeys = new ArrayList<>();
        final List<String> publicKeys = new ArrayList<>();
        final Map<String, String> endpoint = new ConcurrentHashMap<>();
        final Demo demo = new Demo().observer((step, response, emulator) -> {
            steps.add(step);
            endpoint.putIfAbsent("during", System.getProperty(Demo.ENDPOINT_PROPERTY));
            if (step.type().equals("IngestConfiguration") && step.action().equals("CREATE") && step.asExpected()) {
                streamKeys.add(stored(emulator, "GetIngestConfiguration", response.arn())
                    .path("ingestConfiguration").path("streamKey").asText());
            }
            if (step.type().equals("PublicKey") && step.action().equals("CREATE") && step.asExpected()) {
                publicKeys.add(stored(emulator, "GetPublicKey", response.arn())
                    .path("publicKey").path("publicKeyMaterial").asText());
            }
        });
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = Ivsrt.commandLine(new OneDemoFactory(demo));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int exitCode = commandLine.execute("demo", "handlers", "--verbose");
        result = new Result(exitCode, out.toString(), err.toString(), steps, streamKeys, publicKeys,
            endpoint.get("during"), System.getProperty(Demo.ENDPOINT_PROPERTY));
        assertThat(before).as("the test JVM sets no endpoint of its own").isNull();
    }

    /** What the endpoint stores (its business logic, not the handlers' view). */
    private static ObjectNode stored(final IvsRealTimeEmulator emulator, final String operation, final String arn) {
        return emulator.service().invoke(operation, HandlerRequest.JSON.createObjectNode().put("arn", arn),
            new CallContext(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID, IvsRealTimeEmulator.DEFAULT_REGION,
                IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, "demo-test"));
    }

    @Test
    void exitsZeroWithEverythingAsExpected() {
        assertThat(result.exitCode()).as("exit code; output:%n%s%nerr:%n%s", result.out(), result.err()).isZero();
        assertThat(result.steps()).isNotEmpty().allSatisfy(step -> assertThat(step.asExpected()).as("%s", step).isTrue());
        assertThat(result.out()).contains("Demo OK: " + result.steps().size() + " steps");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void everyTypeGoesThroughCreateReadListDeleteWithSuccess() {
        for (final String type : TYPES) {
            for (final String action : List.of("CREATE", "READ", "LIST", "DELETE")) {
                assertThat(line(type, action, "SUCCESS")).as("%s %s SUCCESS line in%n%s", type, action, result.out())
                    .isNotNull();
            }
        }
        assertThat(line("Stage", "UPDATE", "SUCCESS")).contains("Name=demo-stage-renamed").contains("env=prod");
        assertThat(line("IngestConfiguration", "UPDATE", "SUCCESS")).contains("StageArn=\"\" (detached)");
    }

    @Test
    void showsTheIvsCallsOfEachStep() {
        assertThat(line("Stage", "CREATE", "SUCCESS")).contains("CreateStage" + Demo.TIMES + "1");
        assertThat(line("PublicKey", "CREATE", "SUCCESS")).contains("ImportPublicKey" + Demo.TIMES + "1");
        assertThat(line("Stage", "UPDATE", "SUCCESS")).contains("UpdateStage" + Demo.TIMES + "1").contains("TagResource" + Demo.TIMES + "1");
        assertThat(line("IngestConfiguration", "LIST", "SUCCESS")).contains("ListIngestConfigurations" + Demo.TIMES + "1");
        assertThat(line("Stage", "DELETE", "SUCCESS")).contains("DeleteStage" + Demo.TIMES + "1");
    }

    @Test
    void aSimulatedParticipantGivesTheStageAnActiveSession() {
        final Demo.Step join = result.steps().stream().filter(s -> s.action().equals("JOIN")).findFirst().orElseThrow();
        final String sessionId = join.values().replaceFirst("^.*session ", "").trim();
        assertThat(sessionId).startsWith("st-");
        assertThat(result.out()).contains("ActiveSessionId=" + sessionId);
        final int readWithSession = result.steps().indexOf(result.steps().stream()
            .filter(s -> s.type().equals("Stage") && s.action().equals("READ") && s.values().contains(sessionId))
            .findFirst().orElseThrow());
        assertThat(readWithSession).isGreaterThan(result.steps().indexOf(join));
    }

    @Test
    void endsWithEveryResourceDeletedAndReadNotFound() {
        final List<Demo.Step> lastReads = result.steps().subList(result.steps().size() - TYPES.size(),
            result.steps().size());
        assertThat(lastReads).extracting(Demo.Step::type).containsExactlyInAnyOrderElementsOf(TYPES);
        assertThat(lastReads).allSatisfy(step -> {
            assertThat(step.action()).isEqualTo("READ");
            assertThat(step.outcome()).isEqualTo("FAILED NotFound");
        });
        for (final String type : TYPES) {
            assertThat(line(type, "READ", "FAILED NotFound")).as("%s READ NotFound line", type).isNotNull();
        }
    }

    @Test
    void neverPrintsTheStreamKeyOrTheKeyMaterial() {
        assertThat(result.streamKeys()).hasSize(1);
        final String streamKey = result.streamKeys().get(0);
        assertThat(streamKey).as("stream key stored by the endpoint").isNotBlank();
        assertThat(result.out()).contains("StreamKey").doesNotContain(streamKey);
        assertThat(result.err()).doesNotContain(streamKey);
        assertThat(result.publicKeys()).hasSize(1);
        final String[] pemLines = result.publicKeys().get(0).split("\n");
        assertThat(pemLines).hasSizeGreaterThan(2);
        assertThat(result.out()).doesNotContain(pemLines[1]).doesNotContain(pemLines[1].substring(0, 40));
        assertThat(result.out()).contains("\"StreamKey\" : \"****\"").contains("\"PublicKeyMaterial\" : \"****\"");
    }

    @Test
    void pointsTheHandlersAtItsEndpointOnlyWhileItRuns() {
        assertThat(result.endpointDuringRun()).startsWith("http://127.0.0.1:");
        assertThat(result.out()).contains("local IVS Real-Time endpoint " + result.endpointDuringRun());
        assertThat(result.endpointAfterRun()).as("restored").isNull();
    }

    @Test
    void restoresAnEndpointSetBefore() {
        System.setProperty(Demo.ENDPOINT_PROPERTY, "http://127.0.0.1:9");
        try {
            final CommandLine commandLine = Ivsrt.commandLine();
            commandLine.setOut(new PrintWriter(new StringWriter()));
            assertThat(commandLine.execute("demo", "handlers")).isZero();
            assertThat(System.getProperty(Demo.ENDPOINT_PROPERTY)).isEqualTo("http://127.0.0.1:9");
        } finally {
            System.clearProperty(Demo.ENDPOINT_PROPERTY);
        }
    }

    @Test
    void exitsOneNamingTheFirstStepThatWentWrong() {
        final Demo demo = new Demo().observer((step, response, emulator) -> {
            if (step.number() == 1) {
                emulator.faults().inject(Fault.operation("CreateStage").status(400).errorCode("ValidationException")
                    .message("injected by the test").times(1));
            }
        });
        final StringWriter out = new StringWriter();
        final CommandLine commandLine = Ivsrt.commandLine(new OneDemoFactory(demo));
        commandLine.setOut(new PrintWriter(out, true));

        assertThat(commandLine.execute("demo", "handlers")).isEqualTo(1);
        assertThat(out.toString())
            .contains("Demo FAILED at step 2 (Stage CREATE): expected SUCCESS, got FAILED InvalidRequest")
            .contains("injected by the test")
            .doesNotContain("Demo OK");
        assertThat(line(out.toString(), "Stage", "CREATE", "FAILED InvalidRequest"))
            .contains("CreateStage" + Demo.TIMES + "1 (400 ValidationException)");
        assertThat(System.getProperty(Demo.ENDPOINT_PROPERTY)).as("restored after a failure too").isNull();
    }

    @Test
    void rejectsAMalformedRegionNamingIt() {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = Ivsrt.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        assertThat(commandLine.execute("demo", "handlers", "--region", "Mars 1")).isEqualTo(2);
        assertThat(err.toString()).contains("--region").contains("Mars 1");
    }

    @Test
    void runsInAnotherRegion() {
        final StringWriter out = new StringWriter();
        final CommandLine commandLine = Ivsrt.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(commandLine.execute("demo", "handlers", "--region", "eu-west-1")).as("%s", out).isZero();
        assertThat(out.toString()).contains("arn:aws:ivs:eu-west-1:123456789012:stage/")
            .doesNotContain("arn:aws:ivs:us-east-1:");
    }

    /** The progress line of a step, or null. */
    private static String line(final String type, final String action, final String status) {
        return line(result.out(), type, action, status);
    }

    private static String line(final String out, final String type, final String action, final String status) {
        return out.lines()
            .filter(l -> l.matches("\\s*\\d+\\s+" + type + "\\s+" + action + "\\s+" + status + "\\b.*"))
            .findFirst().orElse(null);
    }

    /** Hands picocli the prepared demo; every other command as usual. */
    private static final class OneDemoFactory implements CommandLine.IFactory {
        private final Demo demo;

        OneDemoFactory(final Demo demo) {
            this.demo = demo;
        }

        @Override
        public <K> K create(final Class<K> type) throws Exception {
            return type == Demo.class ? type.cast(demo) : CommandLine.defaultFactory().create(type);
        }
    }
}
