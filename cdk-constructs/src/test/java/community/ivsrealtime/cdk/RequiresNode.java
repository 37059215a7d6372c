package community.ivsrealtime.cdk;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The CDK for Java runs aws-cdk-lib's JavaScript in a node process (jsii): without a runnable {@code node} every
 * synthesis fails with jsii's own error. This condition (registered for every test of the module through
 * {@code junit-platform.properties} and {@code META-INF/services}) skips the tests instead, naming the reason, as
 * the project's other tool-dependent tests do; under {@code CI=true} it fails them, since CI must have node.
 */
public final class RequiresNode implements ExecutionCondition {

    private static final String PROBLEM = probe("node");

    /** Null when {@code command --version} runs, else what is wrong. */
    static String probe(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "`node --version` did not answer within 30 s";
            }
            String version = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 ? null : "`node --version` failed (" + version + ")";
        } catch (IOException e) {
            return "node is not on the PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for node";
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(PROBLEM, "true".equalsIgnoreCase(System.getenv("CI")), context.getDisplayName());
    }

    static ConditionEvaluationResult evaluate(String problem, boolean ci, String test) {
        if (problem == null) {
            return ConditionEvaluationResult.enabled("node runs");
        }
        String reason = "CDK tests need node (jsii runs aws-cdk-lib in it): " + problem;
        if (ci) {
            throw new IllegalStateException(reason + " (CI=true: CI must have node)");
        }
        System.out.println("SKIPPED " + test + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
