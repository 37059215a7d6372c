package community.ivsrealtime.testing;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.service.Quotas;

/**
 * One local IVS Real-Time endpoint for the whole test JVM (starting one per test would be slow). It listens
 * on a free loopback port and verifies signatures with its default credential pair.
 *
 * <p>The handlers are pointed at it the way a user points them at any endpoint: with the SDK's standard
 * setting, the system property {@code aws.endpointUrlIvsRealTime} (see {@code IvsClients}). Tests call
 * {@link #reset()} before each test.
 */
public final class SharedEmulator {

    /** The SDK's standard service-specific endpoint override for IVS Real-Time (SDK 2.40.2). */
    public static final String ENDPOINT_PROPERTY = "aws.endpointUrlIvsRealTime";

    private static IvsRealTimeEmulator emulator;

    private SharedEmulator() {
    }

    /** The JVM's endpoint, started on first use; closed when the JVM exits. */
    public static synchronized IvsRealTimeEmulator get() {
        if (emulator == null) {
            Loopback.confine();
            final IvsRealTimeEmulator started = IvsRealTimeEmulator.builder()
                .host("127.0.0.1")
                .port(0)
                .verifySignatures(true)
                // LIST tests page through more than 100 of each type; the default quota for encoder
                // configurations (20) would stop them.
                .quotas(Quotas.defaults().set(Quotas.ENCODER_CONFIGURATIONS, 1000))
                .start();
            System.setProperty(ENDPOINT_PROPERTY, started.endpoint().toString());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ivs-emulator-shutdown"));
            emulator = started;
        }
        return emulator;
    }

    /** The endpoint with no resources, faults or recorded calls. */
    public static IvsRealTimeEmulator reset() {
        final IvsRealTimeEmulator e = get();
        e.reset();
        return e;
    }
}
