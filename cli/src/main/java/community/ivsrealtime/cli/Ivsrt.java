package community.ivsrealtime.cli;

import community.ivsrealtime.emulator.Main;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ivsrt} command: {@code java -jar ivsrt.jar <subcommand> ...}.
 *
 * <p>Subcommands: {@code emulator} (the local IVS Real-Time endpoint, the emulator module's own command),
 * {@code demo} (the example CDK app deployed, changed, checked for drift and destroyed; {@code demo handlers}: every
 * resource type through its real handler), and {@code validate}, {@code deploy}, {@code diff}, {@code drift},
 * {@code destroy} (templates and CDK cloud assemblies through the handlers, see the {@code deploy} package), {@code invoke}
 * (one CloudFormation request to a type's handler) and {@code test} (the contract tests). A new
 * subcommand is a picocli command class added in {@link #commandLine(CommandLine.IFactory)}.
 */
@Command(name = "ivsrt", mixinStandardHelpOptions = true, versionProvider = Ivsrt.Version.class,
    description = "Amazon IVS Real-Time as code: CloudFormation resource handlers and a local endpoint.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Run 'ivsrt COMMAND --help' for a command's options."})
public final class Ivsrt implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line with every subcommand, commands created by {@code factory} (tests pass their own). */
    public static CommandLine commandLine(final CommandLine.IFactory factory) {
        final CommandLine commandLine = new CommandLine(Ivsrt.class, factory);
        // the emulator module's own command, under the name "emulator" (its options stay defined there)
        final CommandLine emulator = new CommandLine(Main.class, factory);
        emulator.getCommandSpec().name("emulator").versionProvider(new Version());
        commandLine.addSubcommand("emulator", emulator);
        commandLine.addSubcommand("demo", new CommandLine(community.ivsrealtime.cli.deploy.DeployDemo.class, factory)
            .addSubcommand("handlers", new CommandLine(Demo.class, factory)));
        community.ivsrealtime.cli.deploy.DeployCommands.register(commandLine, factory);
        commandLine.addSubcommand("invoke", new CommandLine(Invoke.class, factory));
        commandLine.addSubcommand("test", new CommandLine(ContractTests.class, factory));
        commandLine.addSubcommand("help", new CommandLine(CommandLine.HelpCommand.class, factory));
        return commandLine;
    }

    /** Without a subcommand: the usage help. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ivsrt --version}: the project version, from a resource filtered at build time. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ivsrt " + version(), "Java " + System.getProperty("java.version")};
        }

        static String version() {
            final Properties properties = new Properties();
            try (InputStream in = Ivsrt.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                return "unknown";
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
