package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import community.ivsrealtime.emulator.faults.Call;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aws CLI (botocore: an independent client and SigV4 signer) against the endpoint with the real business
 * logic. Skipped, with the reason printed, when {@code aws} is not on the PATH.
 */
class AwsCliTest {
    static IvsRealTimeEmulator emulator;
    static String aws;

    /** Result of one CLI run. */
    record Run(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            try {
                return TestSupport.JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + stdout + " / " + stderr, e);
            }
        }
    }

    @BeforeAll
    static void start() {
        aws = findOnPath("aws");
        if (aws == null) {
            System.out.println("AwsCliTest skipped: the aws CLI is not on the PATH");
        }
        Assumptions.assumeTrue(aws != null, "the aws CLI is not on the PATH");
        emulator = IvsRealTimeEmulator.start();
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
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

    static Run cliWithSecret(String secret, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws, "--endpoint-url", emulator.endpoint().toString(),
                "--region", "us-east-1", "--output", "json", "ivs-realtime"));
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
        Path out = Files.createTempFile("aws-cli", ".out");
        Path err = Files.createTempFile("aws-cli", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("aws CLI finished").isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Run cli(String... args) throws Exception {
        return cliWithSecret(IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY, args);
    }

    static Run ok(String... args) throws Exception {
        Run run = cli(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.stderr()).isZero();
        return run;
    }

    @Test
    void stageLifecycleAndTaggingThroughTheCli() throws Exception {
        JsonNode created = ok("create-stage", "--name", "cli-stage", "--tags", "env=test,team=video").json();
        String arn = created.path("stage").path("arn").asText();
        assertThat(arn).matches("arn:aws:ivs:us-east-1:123456789012:stage/[a-zA-Z0-9]+");
        assertThat(created.path("stage").path("tags").path("env").asText()).isEqualTo("test");

        assertThat(ok("get-stage", "--arn", arn).json().path("stage").path("name").asText()).isEqualTo("cli-stage");
        assertThat(ok("list-stages").json().path("stages").findValuesAsText("arn")).contains(arn);
        assertThat(ok("update-stage", "--arn", arn, "--name", "renamed").json().path("stage").path("name").asText())
                .isEqualTo("renamed");

        ok("tag-resource", "--resource-arn", arn, "--tags", "{\"a\":\"1\",\"b c\":\"2\",\"d/e\":\"3\"}");
        ok("untag-resource", "--resource-arn", arn, "--tag-keys", "a", "b c", "team");
        JsonNode tags = ok("list-tags-for-resource", "--resource-arn", arn).json().path("tags");
        assertThat(TestSupport.JSON.convertValue(tags, Map.class)).isEqualTo(Map.of("env", "test", "d/e", "3"));

        ok("delete-stage", "--arn", arn);
        Run missing = cli("get-stage", "--arn", arn);
        assertThat(missing.exitCode()).isIn(254, 255);
        assertThat(missing.stderr()).contains("ResourceNotFoundException");

        List<Call> calls = emulator.calls().all();
        assertThat(calls).extracting(Call::accessKeyId).containsOnly(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
        assertThat(calls).filteredOn(c -> c.operation().equals("UntagResource")).extracting(Call::resourceArn)
                .containsExactly(arn);
    }

    @Test
    void validationErrorsReachTheCli() throws Exception {
        Run bad = cli("create-stage", "--name", "my stage");
        assertThat(bad.exitCode()).isIn(254, 255);
        assertThat(bad.stderr()).contains("ValidationException")
                .contains("Value 'my stage' at 'name' failed to satisfy constraint");
    }

    @Test
    void botocoreSignaturesAreVerified() throws Exception {
        Run wrong = cliWithSecret("not-the-secret", "list-stages");
        assertThat(wrong.exitCode()).isIn(254, 255);
        assertThat(wrong.stderr()).contains("InvalidSignatureException");
    }
}
