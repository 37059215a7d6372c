package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import community.ivsrealtime.cli.Demo;
import community.ivsrealtime.cli.Ivsrt;
import community.ivsrealtime.cli.Secrets;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.registry.ResourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ivsrealtime.model.CreateParticipantTokenResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantTokenCapability;

/**
 * {@code ivsrt demo}: the main job end to end on this machine. Synthesizes the demo app, starts the local
 * endpoint in-process, validates and deploys the app's stack through the CloudFormation handlers, shows the
 * stage's endpoints and a participant token and {@code aws} commands to try, changes the app (a stage renamed,
 * the ingest configuration moved to another stage, a createOnly property changed: a replacement) and shows the
 * plan and the redeploy, changes a resource behind the stack's back and lets drift detection find it, destroys
 * the stack and lists what is left (nothing). Each step is checked; exit code 1 at the first that is not as
 * expected. {@code ivsrt demo handlers} is the handler-level walk-through.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = Ivsrt.Version.class,
    header = "The main job, locally: an app deployed, changed, checked for drift and destroyed through the handlers.",
    description = {
        "Synthesizes the demo app, starts a local IVS Real-Time endpoint in this process (127.0.0.1, a free port "
            + "unless --port), deploys the app's stack through the CloudFormation resource handlers, mints a "
            + "participant token, changes the app and redeploys (update in place, a replacement), finds a change "
            + "made behind the stack's back with drift detection, destroys the stack and shows nothing is left. "
            + "No AWS account needed; nothing leaves this machine.",
        "Exit code 0 when every step had the expected outcome, else 1.",
        "'ivsrt demo handlers' runs each resource type's handler directly instead."})
public final class DeployDemo implements Callable<Integer> {

    /** Told after every step (tests look at the endpoint through it), with the step's summary rows. */
    @FunctionalInterface
    public interface Observer {
        void afterStep(String step, IvsRealTimeEmulator emulator, DeployState state, List<Deployer.Row> rows);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--keep", description = "Leave the stack deployed and the endpoint running at the end (until "
        + "Ctrl-C), for the printed aws commands; skips the destroy step.")
    boolean keep;

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the local endpoint (default: a free one).")
    int port;

    /** Which app the demo deploys. */
    enum AppChoice { cdk, java }

    @Option(names = "--app", paramLabel = "cdk|java", description = "The app to deploy: cdk (the example CDK app in "
        + "examples/, synthesized in this JVM; needs node on the PATH) or java (the same kind of app written as a "
        + "template in Java). Default: ${DEFAULT-VALUE}.")
    AppChoice appChoice = AppChoice.cdk;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work directory for the cloud assemblies and the "
        + "deploy state (default: a new temporary directory, removed at the end unless --keep).")
    Path dir;

    private Observer observer = (step, emulator, state, rows) -> { };
    private DemoApp app;

    public DeployDemo observer(final Observer newObserver) {
        this.observer = newObserver;
        return this;
    }

    /** The app to deploy (default: the demo app written in Java). */
    public DeployDemo app(final DemoApp newApp) {
        this.app = newApp;
        return this;
    }

    @Override
    public Integer call() throws IOException {
        final Printer printer = new Printer(spec.commandLine().getOut(), new Secrets());
        final boolean temporary = dir == null;
        final Path work = temporary ? Files.createTempDirectory("ivsrt-demo") : Files.createDirectories(dir);
        final DemoApp demoApp = app != null ? app : chosenApp(printer);
        final java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(new CdkDemoApp.NodeNoiseFilter(err), true,
            java.nio.charset.StandardCharsets.UTF_8));
        final IvsRealTimeEmulator emulator = IvsRealTimeEmulator.builder().host("127.0.0.1").port(port)
            .verifySignatures(true).start();
        boolean kept = false;
        try (Connection connection = Connection.local(emulator, IvsRealTimeEmulator.DEFAULT_REGION)) {
            final Run run = new Run(printer, emulator, connection, work, demoApp);
            final String problem = run.steps();
            if (problem != null) {
                printer.line("");
                printer.line(String.format(Locale.ROOT, "Demo FAILED after %.1f s: %s", printer.elapsed(), problem));
                return 1;
            }
            printer.line("");
            printer.line(String.format(Locale.ROOT, "Demo OK in %.1f s: %s", printer.elapsed(), run.summary()));
            if (keep) {
                kept = true;
                printer.line("");
                printer.line("--keep: the stack stays deployed and the endpoint keeps running at "
                    + emulator.endpoint() + " until you press Ctrl-C. Work directory: " + work);
                printer.line("Try the aws commands above. To delete the stack first: ivsrt destroy --endpoint "
                    + emulator.endpoint() + " --state " + run.store.file());
                waitForever();
            }
            return 0;
        } finally {
            System.setErr(err);
            if (!kept) {
                emulator.close();
                if (temporary) {
                    delete(work);
                }
            }
        }
    }

    /** The app {@code --app} names; the Java one when the CDK app cannot run here (jsii needs node). */
    private DemoApp chosenApp(final Printer printer) {
        if (appChoice == AppChoice.java) {
            return new JavaDemoApp(Demo.newPublicKeyPem());
        }
        if (CdkDemoApp.nodeAvailable()) {
            return new CdkDemoApp();
        }
        printer.line("(node is not on the PATH, so the CDK app cannot be synthesized here (jsii runs on node): the "
            + "demo deploys the same kind of app written as a template in Java)");
        return new JavaDemoApp(Demo.newPublicKeyPem());
    }

    /** One run of the demo's steps. */
    private final class Run {
        private final Printer printer;
        private final IvsRealTimeEmulator emulator;
        private final Connection connection;
        private final Path work;
        private final DemoApp app;
        private final StateStore store;
        private final HandlerClient handlers;
        private int created;
        private int updated;
        private int replaced;
        private int drifted;
        private Roles roles;

        Run(final Printer printer, final IvsRealTimeEmulator emulator, final Connection connection, final Path work,
            final DemoApp app) {
            this.printer = printer;
            this.emulator = emulator;
            this.connection = connection;
            this.work = work;
            this.app = app;
            this.store = new StateStore(work.resolve("state.json"));
            this.handlers = new HandlerClient(connection);
        }

        /** Null when every step went as expected, else what did not. */
        String steps() throws IOException {
            printer.line("ivsrt demo: an app deployed, changed, checked for drift and destroyed through the "
                + "CloudFormation resource handlers, on this machine");
            printer.line("  app: " + app.describe());
            printer.line("  local IVS Real-Time endpoint " + emulator.endpoint() + " (in-process, SigV4 verified), "
                + "region " + connection.region() + ", account " + connection.accountId());
            printer.line("  work directory " + work);

            heading("1. Synthesize the app and validate it (ivsrt validate)");
            long started = System.nanoTime();
            final Path first = app.synth(work.resolve("cdk.out.1"), DemoApp.Version.FIRST);
            final List<StackSource> v1 = StackSource.load(first, null);
            final List<TemplateValidator.Finding> findings = TemplateValidator.validate(v1);
            findings.forEach(f -> printer.line("  " + f));
            if (!findings.isEmpty()) {
                return "the app's template has " + findings.size() + " problem(s)";
            }
            printer.line(String.format(Locale.ROOT, "  %s: %d stack(s), synthesized in %.1f s, no problem found",
                first, v1.size(), (System.nanoTime() - started) / 1e9));
            roles = new Roles(v1.get(v1.size() - 1).template());
            if (roles.mainStage == null) {
                return "the app has no " + ResourceTypes.PREFIX + "Stage";
            }

            heading("2. Deploy it (ivsrt deploy)");
            final Deployer firstDeploy = deployer();
            if (!firstDeploy.deploy(v1)) {
                return "the first deploy failed";
            }
            tally(firstDeploy.rows());
            DeployState state = store.load();
            observer.afterStep("deploy", emulator, state, firstDeploy.rows());

            heading("3. Use it: the stage's endpoints, a participant token, aws commands to try");
            use(state);

            heading("4. Change the app: rename the stage, move the ingest configuration to another stage, a 1080p "
                + "encoder (Video is createOnly: a replacement)");
            started = System.nanoTime();
            final Path second = app.synth(work.resolve("cdk.out.2"), DemoApp.Version.SECOND);
            final List<StackSource> v2 = StackSource.load(second, null);
            printer.line(String.format(Locale.ROOT, "  %s synthesized in %.1f s", second,
                (System.nanoTime() - started) / 1e9));
            final Roles changed = new Roles(v2.get(v2.size() - 1).template());
            final boolean moves = roles.ingest != null && changed.ingestStage != null
                && !changed.ingestStage.equals(roles.ingestStage);
            printer.line("");
            printer.line("ivsrt diff:");
            final List<Planner.Entry> plan = deployer().plan(v2);
            final List<List<String>> rows = new ArrayList<>();
            plan.stream().filter(e -> e.action() != Planner.Action.NONE && e.action() != Planner.Action.SKIP)
                .forEach(e -> rows.add(List.of(e.stack(), e.logicalId(), Printer.shortType(e.type()),
                    e.action().name(), e.reason())));
            printer.table(List.of("STACK", "LOGICAL ID", "TYPE", "ACTION", "WHY"), rows);
            if (plan.stream().noneMatch(e -> e.logicalId().equals(roles.mainStage)
                && e.action() == Planner.Action.UPDATE && e.reason().contains("Name"))) {
                return "the plan does not rename " + roles.mainStage + " in place";
            }
            if (plan.stream().noneMatch(e -> e.action() == Planner.Action.REPLACE)) {
                return "the plan replaces nothing";
            }
            if (moves && plan.stream().noneMatch(e -> e.logicalId().equals(roles.ingest)
                && e.action() == Planner.Action.UPDATE)) {
                return "the plan does not move " + roles.ingest + " in place";
            }
            printer.line("");
            printer.line("ivsrt deploy:");
            final Deployer secondDeploy = deployer();
            if (!secondDeploy.deploy(v2)) {
                return "the second deploy failed";
            }
            tally(secondDeploy.rows());
            state = store.load();
            if (moves) {
                final String ingestStage = handlers.client().getIngestConfiguration(r -> r.arn(physical(roles.ingest)))
                    .ingestConfiguration().stageArn();
                if (!ingestStage.equals(physical(changed.ingestStage))) {
                    return "the ingest configuration is on " + ingestStage + ", not on " + changed.ingestStage;
                }
                printer.line("  " + roles.ingest + " now publishes into " + changed.ingestStage + " ("
                    + ingestStage + ")");
            } else if (roles.ingest != null) {
                printer.line("  (this version of the app has one stage: the ingest configuration stays on it)");
            }
            observer.afterStep("update", emulator, state, secondDeploy.rows());

            heading("5. Change the stage behind the stack's back, then look for drift (ivsrt drift)");
            final String stage = physical(roles.mainStage);
            printer.line("aws ivs-realtime update-stage --arn " + stage + " --name renamed-by-hand");
            handlers.client().updateStage(r -> r.arn(stage).name("renamed-by-hand"));
            printer.line("");
            printer.line("ivsrt drift:");
            final List<DriftDetector.Result> drift = deployer().drift().detect(null);
            drifted = (int) drift.stream().filter(r -> !"IN_SYNC".equals(r.status())).count();
            if (drift.stream().noneMatch(r -> r.logicalId().equals(roles.mainStage) && "MODIFIED".equals(r.status())
                && r.differences().stream().anyMatch(d -> d.path().equals("Name")))) {
                return "drift detection did not find the renamed stage";
            }
            observer.afterStep("drift", emulator, store.load(), List.of());
            if (keep) {
                return null;
            }

            heading("6. Destroy the stack (ivsrt destroy) and list what is left");
            final Deployer destroyer = deployer();
            if (!destroyer.destroy(null)) {
                return "the destroy failed";
            }
            int left = 0;
            final List<String> counts = new ArrayList<>();
            for (final ResourceType type : ResourceType.values()) {
                final int n = handlers.list(type.typeName()).size();
                left += n;
                counts.add(n + " " + type.simpleName());
            }
            printer.line("  LIST through each type's handler: " + String.join(", ", counts));
            observer.afterStep("destroy", emulator, store.load(), destroyer.rows());
            if (left != 0) {
                return left + " resource(s) left after the destroy";
            }
            return null;
        }

        private void use(final DeployState state) {
            final DeployState.StackState stack = state.stacks.values().iterator().next();
            for (final DeployState.ResourceState resource : stack.resources.values()) {
                if (resource.type.equals(ResourceTypes.PREFIX + "Stage")) {
                    final JsonNode endpoints = resource.model.path("Endpoints");
                    printer.line(String.format(Locale.ROOT, "  %-12s %s", resource.logicalId, resource.physicalId));
                    endpoints.fields().forEachRemaining(e -> printer.line(String.format(Locale.ROOT,
                        "  %-12s   %-7s %s", "", e.getKey(), e.getValue().asText())));
                }
            }
            final String stage = physical(roles.mainStage);
            final CreateParticipantTokenResponse token = handlers.client().createParticipantToken(r -> r
                .stageArn(stage).userId("demo-viewer").duration(60)
                .capabilities(ParticipantTokenCapability.PUBLISH, ParticipantTokenCapability.SUBSCRIBE));
            final String value = token.participantToken().token();
            printer.line("");
            printer.line("  participant token for " + roles.mainStage
                + " (user demo-viewer, PUBLISH + SUBSCRIBE, 60 min): "
                + "participant " + token.participantToken().participantId() + ", token " + value.substring(0,
                Math.min(12, value.length())) + "... (" + value.length() + " characters)");
            printer.secrets().remember(value);
            printer.line("");
            printer.line("  Try it (another shell; run 'ivsrt demo --keep' to leave the endpoint running):");
            printer.line("    export AWS_ACCESS_KEY_ID=" + connection.accessKeyId() + " AWS_SECRET_ACCESS_KEY="
                + IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY + " AWS_REGION=" + connection.region());
            final String aws = "    aws --endpoint-url " + emulator.endpoint() + " ivs-realtime ";
            printer.line(aws + "get-stage --arn " + stage);
            printer.line(aws + "create-participant-token --stage-arn " + stage + " --user-id me --duration 60");
            printer.line(aws + "list-ingest-configurations");
            if (roles.ingest != null) {
                printer.line(aws + "get-ingest-configuration --arn " + physical(roles.ingest)
                    + " --query ingestConfiguration.streamKey");
            }
        }

        private Deployer deployer() {
            return new Deployer(store, connection, printer);
        }

        private String physical(final String logicalId) {
            return store.load().stacks.values().iterator().next().resources.get(logicalId).physicalId;
        }

        private void tally(final List<Deployer.Row> rows) {
            for (final Deployer.Row row : rows) {
                switch (row.status()) {
                    case "CREATED" -> created++;
                    case "UPDATED" -> updated++;
                    case "REPLACED" -> replaced++;
                    default -> { }
                }
            }
        }

        private void heading(final String text) {
            printer.line("");
            printer.line("== " + text);
        }

        String summary() {
            return created + " created, " + updated + " updated in place, " + replaced + " replaced; drift found in "
                + drifted + " resource" + (drifted == 1 ? "" : "s")
                + (keep ? "; stack kept" : "; destroyed, nothing left");
        }
    }

    /** Which resources of the app's template play the demo's parts (found by type, whatever their logical ids). */
    static final class Roles {
        final String mainStage;
        final String ingest;
        /** The stage the ingest configuration's StageArn names (Ref or Fn::GetAtt), or null. */
        final String ingestStage;

        Roles(final Template template) {
            String ingestId = null;
            String target = null;
            String firstStage = null;
            for (final Template.Resource resource : template.resources().values()) {
                if (resource.type().equals(ResourceTypes.PREFIX + "Stage") && firstStage == null) {
                    firstStage = resource.logicalId();
                }
                if (resource.type().equals(ResourceTypes.PREFIX + "IngestConfiguration") && ingestId == null) {
                    ingestId = resource.logicalId();
                    final JsonNode arn = resource.properties().path("StageArn");
                    target = arn.has("Ref") ? arn.get("Ref").asText()
                        : arn.has("Fn::GetAtt") ? Intrinsics.getAttTarget(arn.get("Fn::GetAtt"))[0] : null;
                }
            }
            this.ingest = ingestId;
            this.ingestStage = target;
            this.mainStage = target != null ? target : firstStage;
        }
    }

    private static void waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(final Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
