package com.example.ivsrealtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

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
import org.junit.jupiter.api.Test;

/**
 * `cdk synth` of the example app with the real CDK CLI, installed by `npm ci` from package-lock.json. Where npm is
 * missing the test is skipped with the reason printed, except under CI=true, where it fails.
 */
class CdkCliSynthIT {

    private static final Path APP = Path.of(System.getProperty("app.dir", ".")).toAbsolutePath().normalize();
    /** The npm command (-Dnpm.command=...; npx is taken from the same folder). */
    private static final String NPM = System.getProperty("npm.command", "npm");
    private static final String NPX = NPM.substring(0, NPM.length() - "npm".length()) + "npx";

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(APP.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("cdk-cli", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " did not finish in "
                    + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(p.exitValue(), output);
    }

    private static boolean npmAvailable() {
        try {
            return run(List.of(NPM, "--version"), Map.of(), 60).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void cdkSynthWithThePinnedCliWritesBothStacks() throws Exception {
        if (!npmAvailable()) {
            String reason = "npm (" + NPM + ") does not run here: `npx cdk synth` of the example app is not tested";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true: CI must have node and npm)");
            }
            System.out.println("SKIPPED CdkCliSynthIT: " + reason);
            Assumptions.abort(reason);
        }
        Map<String, String> env = Map.of(
                "CDK_DISABLE_VERSION_CHECK", "1",
                "CDK_DISABLE_CLI_TELEMETRY", "true",
                "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20",
                "npm_config_audit", "false",
                "npm_config_fund", "false",
                "npm_config_update_notifier", "false");
        Result install = run(List.of(NPM, "ci"), env, 300);
        assertThat(install.exit()).as("npm ci:\n" + install.output()).isZero();
        String installed = Files.readString(APP.resolve("node_modules/aws-cdk/package.json"));
        assertThat(installed).contains("\"version\": \"2.1148.1\"");

        // cdk.json's app command (`mvn -e -q compile exec:java`) would resolve the library from ~/.m2, where this
        // build does not install it: run the same main class on the reactor's classpath instead.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String appCommand = java + " -Djava.io.tmpdir=" + tmp + " -cp " + classpath + " " + IvsRealTimeApp.class.getName();
        Path out = APP.resolve("target/cdk.out");
        List<String> synth = new ArrayList<>(List.of(NPX, "--no-install", "cdk", "synth", "-q", "--no-notices",
                "--app", appCommand, "--output", out.toString(),
                "-c", IvsRealTimeApp.PACKAGES_CONTEXT + "=" + IvsRealTimeAppTest.PACKAGES,
                "-c", DemoStack.STAGE_NAME_CONTEXT + "=cli-stage"));
        long started = System.nanoTime();
        Result result = run(synth, env, 600);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.exit()).as("cdk synth:\n" + result.output()).isZero();
        System.out.println("npx cdk synth -q of the example: " + millis + " ms");
        assertThat(result.output()).doesNotContain("end-of-life");
        IvsRealTimeAppTest.checkAssembly(out, "cli-stage");
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"version\": \"54.0.0\"");
        assertThat(new File(out.toFile(), "IvsRealTimeDemo.assets.json")).exists();
    }
}
