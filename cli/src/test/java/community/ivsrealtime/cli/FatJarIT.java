package community.ivsrealtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fat jar as the README's quick start runs it ({@code java -jar cli/target/ivsrt.jar ...}), in its own JVM:
 * the classes the shade plugin merged, not the test class path. Its output is only what the command prints
 * itself: no logging framework complaining about its configuration.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FatJarIT {

    private static final Path JAR = Path.of(System.getProperty("ivsrt.jar", "target/ivsrt.jar"));

    private static ProcessBuilder java(final String... args) throws IOException {
        assertThat(JAR).as("the fat jar (mvn package builds it)").exists();
        final Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static void assertNoLoggingNoise(final String output) {
        assertThat(output).doesNotContain("StatusLogger").doesNotContain("SLF4J")
            .doesNotContainPattern("(?m)^(ERROR|WARN|DEBUG)\\b");
    }

    @Test
    void theDemoRunsCleanlyFromTheFatJar() throws Exception {
        final String output = run("demo");
        assertThat(output).contains("Demo OK in").contains("destroyed, nothing left")
            .contains("LIST through each type's handler: 0 Stage");
        assertNoLoggingNoise(output);
    }

    @Test
    void theHandlerDemoRunsCleanlyFromTheFatJar() throws Exception {
        final String output = run("demo", "handlers");
        assertThat(output).contains("Demo OK: 29 steps");
        assertNoLoggingNoise(output);
    }

    private static String run(final String... args) throws Exception {
        final Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "demo", ".log");
        final Process demo = java(args).redirectOutput(log.toFile()).start();
        final boolean ended = demo.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            demo.destroyForcibly();
        }
        final String output = Files.readString(log);

        assertThat(ended).as("the demo ended within 2 minutes: %s", output).isTrue();
        assertThat(demo.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theEmulatorCommandServesOnLoopbackUntilStopped() throws Exception {
        final Process emulator = java("emulator", "--port", "0").start();
        try {
            final BufferedReader lines = new BufferedReader(
                new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
            final StringBuilder banner = new StringBuilder();
            String url = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                banner.append(line).append('\n');
                final Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(line);
                if (m.find()) {
                    url = m.group(1);
                    break;
                }
            }
            assertThat(url).as(banner.toString()).isNotNull();
            assertNoLoggingNoise(banner.toString());

            final HttpResponse<String> calls = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/_emulator/calls")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(calls.statusCode()).isEqualTo(200);
        } finally {
            emulator.destroy();
            assertThat(emulator.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
