package community.ivsrealtime.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.cli.Ivsrt;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * {@code ivsrt validate | deploy | diff | drift | destroy} as a user runs them (through picocli), against a local
 * endpoint given with {@code --endpoint}: exit codes, messages, tables, a cloud assembly with two stacks.
 */
class DeployCommandsTest {

    /** The endpoint for the class, reset before each test. */
    @RegisterExtension
    static final IvsRealTimeExtension IVS = IvsRealTimeExtension.create();

    private static IvsRealTimeEmulator emulator;
    private static IvsRealTimeClient ivs;

    @TempDir
    Path dir;

    private String out;
    private String err;

    @BeforeAll
    static void start() {
        emulator = IVS.emulator();
        ivs = Fixtures.client(emulator);
    }

    @AfterAll
    static void stop() {
        ivs.close();
    }


    private static Path resource(final String name) {
        try {
            return Path.of(DeployCommandsTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(final String... args) {
        final StringWriter o = new StringWriter();
        final StringWriter e = new StringWriter();
        final CommandLine commandLine = Ivsrt.commandLine();
        commandLine.setOut(new PrintWriter(o, true));
        commandLine.setErr(new PrintWriter(e, true));
        final int code = commandLine.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** A command with the endpoint and state options. */
    private int remote(final String... args) {
        final List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", emulator.endpoint().toString(), "--state", dir.resolve("state.json").toString()));
        return run(all.toArray(String[]::new));
    }

    @Test
    void validateReportsEachKindOfMistakeWithFileLogicalIdAndPath() {
        final Path file = resource("templates/mistakes.json");

        assertThat(run("validate", file.toString())).isEqualTo(1);

        final String f = file + ": ";
        assertThat(out).contains(
            f + "Misspelt: Properties/Nmae: unknown property Nmae (did you mean Name?)",
            f + "NestedMisspelt: Properties/Video/Widht: unknown property Widht (did you mean Width?)",
            f + "WrongType: Properties/Video/Width: expected type: Integer, found: String (value \"wide\")",
            f + "BadPattern: Properties/Name: failed validation constraint for keyword [pattern] (value \"my stage\"; "
                + "must match ^[a-zA-Z0-9-_]*$)",
            f + "BadPatternFromParameter: Properties/Name: failed validation constraint for keyword [pattern] "
                + "(value \"bad name!\"",
            f + "OutOfRange: Properties/Video/Width: failed validation constraint for keyword [maximum] (value 100000; "
                + "must be 2 to 1920)",
            f + "BadEnum: Properties/IngestProtocol: failed validation constraint for keyword [enum] (value \"SRT\"; "
                + "must be one of [\"RTMP\",\"RTMPS\"])",
            f + "MissingRequired: Properties: required property S3 is missing",
            f + "ReadOnlySet: Properties/Arn: Arn is read-only",
            f + "BadAttribute: Properties/StageArn/Fn::GetAtt: Fn::GetAtt Fine.Url: Community::IVSRealTime::Stage has "
                + "no attribute Url; it has [Arn, ActiveSessionId, Endpoints.Events, Endpoints.Whip",
            f + "MissingRef: Properties/StageArn/Ref: Ref NoSuchStage: there is no resource or parameter named "
                + "NoSuchStage",
            f + "MissingGetAttTarget: Properties/AutoParticipantRecordingConfiguration/StorageConfigurationArn/"
                + "Fn::GetAtt: Fn::GetAtt Nowhere.Arn: there is no resource named Nowhere",
            f + "MissingSubVariable: Properties/Name/Fn::Sub: Ref Missing: there is no resource or parameter named "
                + "Missing",
            f + "MissingDependency: DependsOn: there is no resource named Ghost",
            f + "MissingCondition: Condition: there is no condition named NoSuchCondition",
            f + "UnknownType: Type: unknown type Community::IVSRealTime::Stag",
            f + "Outputs: Whip/Value/Fn::GetAtt: Fn::GetAtt Fine.Endpoints.Whep: Community::IVSRealTime::Stage has no "
                + "attribute Endpoints.Whep",
            "17 problems found; nothing deployed.");
        assertThat(out).as("values from intrinsics are skipped, their targets checked")
            .doesNotContain(f + "Fine:").doesNotContain(f + "Recordings:");
    }

    @Test
    void validateAcceptsAGoodTemplateAndACloudAssembly() {
        assertThat(run("validate", resource("templates/stack.json").toString())).isZero();
        assertThat(out).contains("OK: 1 stack, 7 IVS Real-Time resources, no problem found.");
        assertThat(run("validate", resource("assembly").toString())).isZero();
        assertThat(out).contains("OK: 2 stacks, 2 IVS Real-Time resources");
    }

    @Test
    void deployRefusesAnInvalidTemplateBeforeAnyCall() {
        assertThat(remote("deploy", resource("templates/mistakes.json").toString())).isEqualTo(1);
        assertThat(out).contains("17 problems found; nothing deployed.");
        assertThat(emulator.calls().counts()).isEmpty();
        assertThat(dir.resolve("state.json")).doesNotExist();
    }

    @Test
    void aCloudAssemblyDeploysItsStacksInDependencyOrderWithTagsAndImports() {
        final String assembly = resource("assembly").toString();

        assertThat(remote("diff", assembly)).isZero();
        assertThat(out).containsPattern("MediaStack\\s+Stage\\s+IVSRealTime::Stage\\s+CREATE")
            .containsPattern("ingest-stack\\s+Ingest\\s+IVSRealTime::IngestConfiguration\\s+CREATE");
        assertThat(remote("deploy", assembly)).as(out).isZero();

        assertThat(out.indexOf("Creating stack MediaStack")).isLessThan(out.indexOf("Creating stack ingest-stack"));
        assertThat(out).doesNotContain("CDKMetadata").doesNotContain("BootstrapVersion").contains("Deploy complete");
        final DeployState state = new StateStore(dir.resolve("state.json")).load();
        final String stage = state.stack("MediaStack").resources.get("Stage").physicalId;
        final String ingest = state.stack("ingest-stack").resources.get("Ingest").physicalId;
        assertThat(ivs.getIngestConfiguration(r -> r.arn(ingest)).ingestConfiguration().stageArn()).isEqualTo(stage);
        assertThat(ivs.listTagsForResource(r -> r.resourceArn(stage)).tags()).containsEntry("cost-center", "42")
            .containsEntry("team", "video").containsEntry("aws:cloudformation:stack-name", "MediaStack");
        assertThat(out).containsPattern("ingest-stack\\s+IngestArn\\s+" + ingest);

        assertThat(remote("deploy", assembly)).isZero();
        assertThat(out).doesNotContain("IN_PROGRESS");
        assertThat(remote("destroy")).isZero();
        assertThat(out.indexOf("Deleting stack ingest-stack")).isLessThan(out.indexOf("Deleting stack MediaStack"));
        assertThat(Fixtures.count(ivs)).isZero();
    }

    @Test
    void driftExitsNonZeroOnlyWhenSomethingDrifted() {
        assertThat(remote("deploy", resource("assembly").toString())).isZero();
        assertThat(remote("drift")).as(out).isZero();
        assertThat(out).contains("No drift: 2 resources as deployed.");
        final String stage = new StateStore(dir.resolve("state.json")).load().stack("MediaStack").resources
            .get("Stage").physicalId;
        ivs.updateStage(r -> r.arn(stage).name("hand-made"));

        assertThat(remote("drift")).isEqualTo(1);
        assertThat(out).containsPattern("MediaStack\\s+Stage\\s+IVSRealTime::Stage\\s+MODIFIED")
            .contains("Name: expected \"media-stage\", actual \"hand-made\"").contains("1 of 2 resources drifted.");
    }

    @Test
    void aMissingTemplateOrParameterIsAClearError() {
        assertThat(remote("deploy", dir.resolve("nothing.json").toString())).isEqualTo(2);
        assertThat(err).contains("nothing.json: no such template file or cloud assembly directory");
        assertThat(remote("deploy", resource("templates/stack.json").toString(), "--parameter", "Env=staging"))
            .isEqualTo(1);
        assertThat(out).contains("parameter Env: \"staging\" is not one of [\"dev\",\"prod\"]");
        assertThat(Fixtures.count(ivs)).isZero();
    }

    @Test
    void withoutAnEndpointTheCommandsShareTheInProcessEndpointsSavedResources() throws Exception {
        final String state = dir.resolve("local/state.json").toString();
        final String template = resource("templates/stack.json").toString();

        assertThat(run("deploy", template, "--state", state)).as(out).isZero();
        assertThat(out).contains("(in-process)").contains("CREATE_COMPLETE");
        final Path endpointDir = dir.resolve("local/state-endpoint");
        assertThat(endpointDir).isDirectory();
        if (java.nio.file.Files.getFileStore(endpointDir).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(dir.resolve("local/state.json")))).isEqualTo("rw-------");
        }
        assertThat(run("drift", "--state", state)).as(out).isZero();
        assertThat(out).contains("No drift: 6 resources as deployed.");
        assertThat(run("deploy", template, "--state", state, "--parameter", "StageName=second")).as(out).isZero();
        assertThat(out).containsPattern("MainStage\\s+IVSRealTime::Stage\\s+UPDATE\\s+COMPLETE");
        assertThat(run("destroy", "--state", state)).as(out).isZero();
        assertThat(out).contains("DELETE_COMPLETE").doesNotContain("already gone");
        assertThat(emulator.calls().counts()).as("the shared test endpoint was not used").isEmpty();
    }

    @Test
    void aStateInUseByAnotherCommandIsRefused() {
        try (StateStore.Lock held = new StateStore(dir.resolve("state.json")).lock()) {
            assertThat(remote("deploy", resource("templates/stack.json").toString())).isEqualTo(1);
        }
        assertThat(err).contains("ivsrt deploy: the deploy state").contains("is in use");
        assertThat(emulator.calls().counts()).isEmpty();
        assertThat(remote("deploy", resource("assembly").toString())).as("free again").isZero();
    }

    @Test
    void destroyWithoutStateHasNothingToDo() {
        assertThat(remote("destroy")).isZero();
        assertThat(out).contains("nothing to destroy");
        assertThat(emulator.calls().counts()).isEmpty();
    }
}
