package community.ivsrealtime.testing;

/**
 * Safety net of the handler tests: every AWS SDK client in the test JVM that is not pointed elsewhere (IVS goes
 * to the local endpoint, see {@link SharedEmulator}) resolves to a closed loopback port, through the SDK's
 * global endpoint setting {@code aws.endpointUrl}. Should a guard ever fail (the plugin's CloudWatch
 * publishers, a handler built before the endpoint is set), the call fails on 127.0.0.1 instead of leaving
 * the machine. Called by {@link TypeUnderTest} (every request and invoker) and by the shared endpoint.
 */
public final class Loopback {

    /** Port 9 (discard) on loopback: nothing listens there in a test run. */
    public static final String DEAD_END = "http://127.0.0.1:9";

    private Loopback() {
    }

    public static synchronized void confine() {
        if (System.getProperty("aws.endpointUrl") == null) {
            System.setProperty("aws.endpointUrl", DEAD_END);
        }
    }
}
