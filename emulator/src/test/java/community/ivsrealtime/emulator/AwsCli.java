package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the aws CLI ({@code aws ... ivs-realtime <command>}: botocore, an independent client and SigV4 signer)
 * against an emulator, with a clean environment (no config or credential files, no instance metadata) and the
 * emulator's default key pair. Shared by the CLI tests.
 */
final class AwsCli {
    /** Exit codes of the aws CLI v1 for a service error (254) or a client-side error (255). */
    static final List<Integer> ERROR_EXIT_CODES = List.of(254, 255);

    private final String executable;
    private final IvsRealTimeEmulator emulator;

    /** Result of one CLI run. */
    record Run(List<String> args, int exitCode, String stdout, String stderr) {
        JsonNode json() {
            try {
                return TestSupport.JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("not JSON from " + args + ": " + stdout + " / " + stderr, e);
            }
        }
    }

    private AwsCli(String executable, IvsRealTimeEmulator emulator) {
        this.executable = executable;
        this.emulator = emulator;
    }

    /**
     * The aws CLI found on the PATH, talking to the given emulator; when there is none, prints why the calling
     * test class is skipped and aborts it (JUnit assumption).
     */
    static AwsCli onPathOrSkip(Class<?> testClass, java.util.function.Supplier<IvsRealTimeEmulator> emulator) {
        String aws = findOnPath("aws");
        if (aws == null) {
            // CI (CI=true, as .ci/run runs) must have the tool: there a missing aws CLI fails instead of skipping
            assertThat(System.getenv("CI")).as("the aws CLI is not on the PATH, and CI=true: CI must install it")
                    .isNotEqualTo("true");
            System.out.println(testClass.getSimpleName() + " skipped: the aws CLI is not on the PATH");
        }
        Assumptions.assumeTrue(aws != null, "the aws CLI is not on the PATH");
        return new AwsCli(aws, emulator.get());
    }

    static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    /** Runs {@code aws --endpoint-url E --region us-east-1 --output json ivs-realtime ARGS} signed with the secret. */
    Run withSecret(String secret, String... args) throws Exception {
        return run(secret, "us-east-1", args);
    }

    /** Runs {@code aws --endpoint-url E --region REGION --output json ivs-realtime ARGS} with the default secret. */
    Run inRegion(String region, String... args) throws Exception {
        return run(IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY, region, args);
    }

    private Run run(String secret, String region, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable, "--endpoint-url", emulator.endpoint().toString(),
                "--region", region, "--output", "json", "ivs-realtime"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "no-such-aws-config");
        env.put("AWS_ACCESS_KEY_ID", IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_CONFIG_FILE", nowhere.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", nowhere.resolve("credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path out = Files.createTempFile("aws-cli", ".out");
        Path err = Files.createTempFile("aws-cli", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("aws CLI finished").isTrue();
            return new Run(List.of(args), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs the command signed with the default secret. */
    Run run(String... args) throws Exception {
        return withSecret(IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY, args);
    }

    /** Runs the command and asserts that it succeeded. */
    Run ok(String... args) throws Exception {
        Run run = run(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.stderr()).isZero();
        return run;
    }

    /** Runs the command and returns its JSON output, asserting that it succeeded. */
    JsonNode json(String... args) throws Exception {
        return ok(args).json();
    }

    /**
     * Runs the command and asserts that the service answered the given error code (botocore prints
     * {@code An error occurred (Code) when calling the Operation operation: message}); returns the run.
     */
    Run fails(String errorCode, String... args) throws Exception {
        Run run = run(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.stdout() + run.stderr())
                .isIn(ERROR_EXIT_CODES);
        assertThat(run.stderr()).as(String.join(" ", args)).contains("An error occurred (" + errorCode + ")");
        return run;
    }
}
