package community.ivsrealtime.emulator;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the local IVS Real-Time endpoint from the command line until Ctrl-C:
 * {@code java -jar ivs-realtime-emulator.jar [--port 4590] [--host 127.0.0.1] [--no-verify-signatures]
 * [--state-dir DIR] [--admin-on-all-interfaces]}.
 */
@Command(name = "ivs-realtime-emulator", mixinStandardHelpOptions = true,
        description = "Runs a local Amazon IVS Real-Time endpoint (all 39 operations, SigV4, in memory).")
public final class Main implements Callable<Integer> {
    /** Default port of the standalone endpoint (not LocalStack's 4566, so both can run side by side). */
    public static final int DEFAULT_PORT = 4590;

    @Option(names = "--port", description = "Port to listen on (0 = any free port; default ${DEFAULT-VALUE}).")
    int port = DEFAULT_PORT;

    @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--no-verify-signatures", description = "Accept requests without checking their SigV4 signature.")
    boolean noVerify;

    @Option(names = "--admin-on-all-interfaces", description = "Let clients beyond this machine use the admin API "
            + "(/_emulator/: reset, faults, quotas, simulation); by default only loopback clients may.")
    boolean adminOnAllInterfaces;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Keep the resources in DIR (file "
            + "ivs-realtime-state.json, owner-only: it holds stream keys): loaded at start, saved after each change.")
    java.nio.file.Path stateDir;

    @Option(names = "--access-key-id", description = "Access key id to accept (default ${DEFAULT-VALUE}).")
    String accessKeyId = IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID;

    @Option(names = "--secret-access-key", description = "Secret access key of that key id (default: the documented "
            + "example secret).")
    String secretAccessKey = IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY;

    @Option(names = "--account-id", description = "Account of that key (default ${DEFAULT-VALUE}).")
    String accountId = IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID;

    public static void main(String[] args) {
        // the standalone jar has slf4j-api (from the SDK utils) but no binding: keep Netty on java.util.logging so
        // SLF4J does not print its no-binding warning at start-up
        io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
                io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        IvsRealTimeEmulator emulator;
        try {
            IvsRealTimeEmulator.Builder builder = IvsRealTimeEmulator.builder().host(host).port(port)
                    .verifySignatures(!noVerify).credentials(accessKeyId, secretAccessKey, accountId)
                    .adminOnAllInterfaces(adminOnAllInterfaces);
            emulator = (stateDir == null ? builder : builder.stateDir(stateDir)).start();
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("Cannot start the endpoint: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            System.out.println("IVS Real-Time local endpoint stopped.");
            stopped.countDown();
        }, "ivs-realtime-emulator-shutdown"));
        System.out.println(banner(emulator));
        stopped.await();
        return 0;
    }

    String banner(IvsRealTimeEmulator emulator) {
        boolean defaultSecret = IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY.equals(secretAccessKey);
        return String.join(System.lineSeparator(),
                "IVS Real-Time local endpoint listening on " + emulator.endpoint(),
                "  access key id:     " + accessKeyId,
                "  secret access key: " + (defaultSecret ? secretAccessKey : "(as given on the command line)"),
                "  account id:        " + accountId,
                "  signatures:        " + (noVerify ? "not verified" : "verified (SigV4, service 'ivs')"),
                "  state:             " + (emulator.service().stateFile() == null ? "in memory"
                        : "saved in " + emulator.service().stateFile()),
                "  admin API:         " + emulator.endpoint() + "/_emulator/"
                        + (adminOnAllInterfaces ? " (open to all clients)" : " (loopback clients only)"),
                "Try:",
                "  AWS_ACCESS_KEY_ID=" + accessKeyId + " AWS_SECRET_ACCESS_KEY="
                        + (defaultSecret ? secretAccessKey : "<secret>")
                        + " aws --endpoint-url " + emulator.endpoint() + " --region "
                        + IvsRealTimeEmulator.DEFAULT_REGION + " ivs-realtime list-stages",
                "Press Ctrl-C to stop.");
    }
}
