package community.ivsrealtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top command and its subcommands' help (no endpoint is started). */
class IvsrtTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine commandLine = Ivsrt.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: ivsrt")
            .containsPattern("(?m)^\\s+emulator\\s+\\S")
            .containsPattern("(?m)^\\s+demo\\s+\\S")
            .contains("--version");
    }

    @Test
    void withoutASubcommandPrintsTheUsage() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("Usage: ivsrt").contains("demo").contains("emulator");
    }

    @Test
    void emulatorHelpShowsTheEmulatorsOwnOptions() {
        assertThat(run("emulator", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: ivsrt emulator")
            .contains("--port").contains("--host").contains("--no-verify-signatures")
            .contains("--access-key-id").contains("--secret-access-key").contains("--account-id")
            .contains("--state-dir=DIR").contains("--admin-on-all-interfaces");
    }

    @Test
    void demoHelpShowsItsOptions() {
        assertThat(run("help", "demo")).isZero();
        assertThat(out.toString()).contains("Usage: ivsrt demo").contains("--verbose").contains("--region");
    }

    @Test
    void versionNamesTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("ivsrt ").doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        assertThat(run("deploy-everything")).isEqualTo(2);
        assertThat(err.toString()).contains("deploy-everything");
    }
}
