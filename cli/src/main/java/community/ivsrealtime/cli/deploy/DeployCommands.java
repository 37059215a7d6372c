package community.ivsrealtime.cli.deploy;

import community.ivsrealtime.cli.Ivsrt;
import community.ivsrealtime.cli.Secrets;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ivsrt validate | deploy | diff | drift | destroy}: a CloudFormation template or CDK cloud assembly
 * deployed through the resource handlers, locally (an in-process endpoint, its state next to the state file) or
 * at {@code --endpoint}. Exit codes: 0 success, 1 a finding, failure or drift, 2 a usage error.
 */
public final class DeployCommands {

    private static final String TEMPLATE_HELP = "A template (.json) or a CDK cloud assembly directory (cdk.out).";

    private DeployCommands() {
    }

    /** Adds the five commands to {@code ivsrt}. */
    public static void register(final CommandLine ivsrt, final CommandLine.IFactory factory) {
        final List<Class<?>> commands = List.of(Validate.class, Deploy.class, Diff.class, Drift.class, Destroy.class);
        for (final Class<?> command : commands) {
            final CommandLine sub = new CommandLine(command, factory);
            ivsrt.addSubcommand(sub.getCommandName(), sub);
        }
        // a problem one of these commands cannot get past (a locked state, an unreadable file): one line, exit 1
        final CommandLine.IExecutionExceptionHandler previous = ivsrt.getExecutionExceptionHandler();
        ivsrt.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (!commands.contains(commandLine.getCommand().getClass())
                || !(e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException)) {
                return previous.handleExecutionException(e, commandLine, parsed);
            }
            commandLine.getErr().println("ivsrt " + commandLine.getCommandName() + ": " + e.getMessage());
            return 1;
        });
    }

    /** Where the state is and where the calls go. */
    static final class Target {
        @Option(names = "--state", paramLabel = "FILE", defaultValue = ".ivsrt/state.json",
            description = "Deploy state file (default ${DEFAULT-VALUE}); holds stream keys: owner-only permissions. "
                + "The in-process endpoint keeps its resources next to it.")
        Path state;

        @Option(names = "--endpoint", paramLabel = "URL",
            description = "IVS Real-Time endpoint to call (a running 'ivsrt emulator', or AWS with credentials from "
                + "the standard chain). Default: an in-process local endpoint.")
        String endpoint;

        @Option(names = "--region", paramLabel = "REGION", defaultValue = IvsRealTimeEmulator.DEFAULT_REGION,
            description = "Region (default ${DEFAULT-VALUE}).")
        String region;

        @Option(names = "--account-id", paramLabel = "ID", defaultValue = IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID,
            description = "Account id of the stack ids and AWS::AccountId (default ${DEFAULT-VALUE}).")
        String accountId;

        StateStore store() {
            return new StateStore(state);
        }

        Connection connect() {
            return Connection.open(endpoint, store(), region, accountId);
        }
    }

    /** Base: output, and the stacks of a template or cloud assembly. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        Printer printer() {
            return new Printer(spec.commandLine().getOut(), new Secrets());
        }

        List<StackSource> stacks(final Path path, final String stack) {
            try {
                return StackSource.load(path, stack);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        /** Prints the validation findings; true when there are none. */
        boolean valid(final List<StackSource> stacks, final Printer printer) {
            final List<TemplateValidator.Finding> findings = TemplateValidator.validate(stacks);
            findings.forEach(f -> printer.line(f.toString()));
            if (!findings.isEmpty()) {
                printer.line(findings.size() + " problem" + (findings.size() == 1 ? "" : "s") + " found; nothing "
                    + "deployed.");
            }
            return findings.isEmpty();
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Ivsrt.Version.class,
        header = "Check a template's IVS Real-Time resources against their schemas and its references.",
        description = {"Checks every Community::IVSRealTime::* resource of a template (or of each stack of a CDK "
            + "cloud assembly) against its type's schema, as the handlers check a request, and every Ref, "
            + "Fn::GetAtt (and its attribute), Fn::Sub variable, DependsOn and condition. Each finding names the "
            + "template file, the logical id and the property path. Exit code 1 on any finding."})
    static final class Validate extends Base {
        @Parameters(paramLabel = "TEMPLATE", description = TEMPLATE_HELP)
        Path path;

        @Option(names = "--stack", paramLabel = "NAME", description = "Only this stack (and those it depends on).")
        String stack;

        @Override
        public Integer call() {
            final Printer printer = printer();
            final List<StackSource> stacks = stacks(path, stack);
            if (!valid(stacks, printer)) {
                return 1;
            }
            long resources = 0;
            for (final StackSource source : stacks) {
                resources += source.template().resources().values().stream()
                    .filter(r -> r.type().startsWith(ResourceTypes.PREFIX)).count();
            }
            printer.line("OK: " + stacks.size() + " stack" + (stacks.size() == 1 ? "" : "s") + ", " + resources
                + " IVS Real-Time resource" + (resources == 1 ? "" : "s") + ", no problem found.");
            return 0;
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Ivsrt.Version.class,
        header = "Deploy a template or CDK app's stacks through the resource handlers.",
        description = {"Creates, updates, replaces and deletes the Community::IVSRealTime::* resources of the "
            + "stacks through their CloudFormation handlers, in dependency order, compared with the saved state. "
            + "Other resource types are skipped (Ref/GetAtt to them give fake values). A failed step rolls back "
            + "this run's changes. Exit code 1 on failure."})
    static final class Deploy extends Base {
        @Parameters(paramLabel = "TEMPLATE", description = TEMPLATE_HELP)
        Path path;

        @Option(names = "--stack", paramLabel = "NAME",
            description = "Stack name for a template file; for a cloud assembly, only this stack (and its "
                + "dependencies).")
        String stack;

        @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "A template parameter's value.")
        Map<String, String> parameters = new LinkedHashMap<>();

        @Mixin
        Target target;

        @Override
        public Integer call() {
            final Printer printer = printer();
            final List<StackSource> stacks = stacks(path, stack);
            if (!valid(stacks, printer)) {
                return 1;
            }
            try (StateStore.Lock lock = target.store().lock(); Connection connection = target.connect()) {
                final boolean ok = new Deployer(target.store(), connection, printer).parameters(parameters)
                    .deploy(stacks);
                printer.line("");
                printer.line(String.format(Locale.ROOT, "%s in %.1f s; state: %s", ok ? "Deploy complete"
                    : "Deploy FAILED (rolled back)", printer.elapsed(), target.store().file()));
                return ok ? 0 : 1;
            }
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Ivsrt.Version.class,
        header = "Show what a deploy would do, without doing it.",
        description = {"Compares the template (or cloud assembly) with the saved state: CREATE, UPDATE, REPLACE "
            + "(a createOnly property changed), DELETE, SKIP (not an IVS Real-Time type), or nothing. Makes no "
            + "call. Exit code 0."})
    static final class Diff extends Base {
        @Parameters(paramLabel = "TEMPLATE", description = TEMPLATE_HELP)
        Path path;

        @Option(names = "--stack", paramLabel = "NAME", description = "Stack name (see deploy).")
        String stack;

        @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "A template parameter's value.")
        Map<String, String> parameters = new LinkedHashMap<>();

        @Mixin
        Target target;

        @Override
        public Integer call() {
            final Printer printer = printer();
            final List<StackSource> stacks = stacks(path, stack);
            try (Connection connection = Connection.offline(target.region, target.accountId)) {
                final List<Planner.Entry> plan = new Deployer(target.store(), connection, printer)
                    .parameters(parameters).plan(stacks);
                final List<List<String>> rows = new java.util.ArrayList<>();
                plan.stream().filter(e -> e.action() != Planner.Action.NONE && e.action() != Planner.Action.SKIP)
                    .forEach(e -> rows.add(List.of(e.stack(), e.logicalId(), Printer.shortType(e.type()),
                        e.action().name(), e.reason())));
                final List<String> skipped = plan.stream().filter(e -> e.action() == Planner.Action.SKIP)
                    .map(e -> e.logicalId() + " (" + e.type() + ")").toList();
                if (!skipped.isEmpty()) {
                    printer.line("Not deployed locally (other types): " + String.join(", ", skipped));
                }
                if (rows.isEmpty()) {
                    printer.line("No changes.");
                } else {
                    printer.table(List.of("STACK", "LOGICAL ID", "TYPE", "ACTION", "WHY"), rows);
                }
                final long unchanged = plan.stream().filter(e -> e.action() == Planner.Action.NONE).count();
                if (unchanged > 0) {
                    printer.line(unchanged + " resource" + (unchanged == 1 ? "" : "s") + " unchanged.");
                }
                return 0;
            } catch (Intrinsics.TemplateError e) {
                printer.line("Cannot plan: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Ivsrt.Version.class,
        header = "Compare the deployed resources with what the template set.",
        description = {"READs every resource of the state through its handler and reports each property that "
            + "differs from the deployed template (expected vs actual, by property path), or DELETED. Exit code "
            + "0 when nothing drifted, 1 otherwise."})
    static final class Drift extends Base {
        @Option(names = "--stack", paramLabel = "NAME", description = "Only this stack.")
        String stack;

        @Mixin
        Target target;

        @Override
        public Integer call() {
            final Printer printer = printer();
            if (!target.store().exists()) {
                printer.line("No deploy state at " + target.store().file() + ": nothing deployed.");
                return 1;
            }
            try (StateStore.Lock lock = target.store().lock(); Connection connection = target.connect()) {
                final List<DriftDetector.Result> results = new Deployer(target.store(), connection, printer).drift()
                    .detect(stack);
                return results.stream().allMatch(r -> "IN_SYNC".equals(r.status())) ? 0 : 1;
            }
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Ivsrt.Version.class,
        header = "Delete every deployed resource, in reverse dependency order.",
        description = {"Deletes the resources of the stacks in the state (newest stack first) through their "
            + "handlers; a resource already gone counts as deleted. Exit code 1 if a deletion failed."})
    static final class Destroy extends Base {
        @Option(names = "--stack", paramLabel = "NAME", description = "Only this stack.")
        String stack;

        @Mixin
        Target target;

        @Override
        public Integer call() {
            final Printer printer = printer();
            if (!target.store().exists()) {
                printer.line("No deploy state at " + target.store().file() + ": nothing to destroy.");
                return 0;
            }
            try (StateStore.Lock lock = target.store().lock(); Connection connection = target.connect()) {
                final boolean ok = new Deployer(target.store(), connection, printer).destroy(stack);
                printer.line("");
                printer.line(String.format(Locale.ROOT, "%s in %.1f s", ok ? "Destroy complete" : "Destroy FAILED",
                    printer.elapsed()));
                return ok ? 0 : 1;
            }
        }
    }
}
