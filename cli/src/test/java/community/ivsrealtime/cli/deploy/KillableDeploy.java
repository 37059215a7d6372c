package community.ivsrealtime.cli.deploy;

import community.ivsrealtime.cli.Secrets;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A deploy in its own JVM that stops right after the handler call of one resource (before the outcome is saved)
 * and waits there to be killed: {@code KillableDeploy ENDPOINT STATE_FILE TEMPLATE LOGICAL_ID}.
 */
public final class KillableDeploy {

    static final String WAITING = "WAITING-TO-BE-KILLED";

    private KillableDeploy() {
    }

    public static void main(final String[] args) throws Exception {
        final String waitAt = args[3];
        try (Connection connection = Connection.open(args[0], new StateStore(Path.of(args[1])), "us-east-1",
            "123456789012")) {
            new Deployer(new StateStore(Path.of(args[1])), connection,
                new Printer(new PrintWriter(System.out, true), new Secrets()))
                .hook(new Deployer.Hook() {
                    @Override
                    public void afterCall(final String stack, final String logicalId, final String action) {
                        if (logicalId.equals(waitAt)) {
                            System.out.println(WAITING);
                            System.out.flush();
                            try {
                                Thread.sleep(120_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            Runtime.getRuntime().halt(3); // not killed in time: the test fails on the exit code
                        }
                    }
                })
                .deploy(StackSource.load(Path.of(args[2]), "demo"));
        }
    }
}
