package community.ivsrealtime.emulator.junit;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.faults.CallLog;
import community.ivsrealtime.emulator.faults.FaultInjector;
import community.ivsrealtime.emulator.protocol.Credential;
import community.ivsrealtime.emulator.service.IvsRealTimeService;
import community.ivsrealtime.emulator.service.Quotas;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit Jupiter extension that runs a local IVS Real-Time endpoint ({@link IvsRealTimeEmulator}) for a test class.
 *
 * <pre>{@code
 * class StageServiceTest {
 *     @RegisterExtension
 *     static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create();
 *
 *     IvsRealTimeClient client = IvsRealTimeClient.builder()
 *             .endpointOverride(ivs.endpoint())
 *             .region(Region.of(ivs.region()))
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create(ivs.accessKeyId(), ivs.secretAccessKey())))
 *             .build();
 * }
 * }</pre>
 *
 * <p>Lifecycle, when registered on a {@code static} field:
 * <ul>
 *   <li>the endpoint starts once for the class, before its {@code @BeforeAll} methods, on a free port of
 *       the builder's host (127.0.0.1 unless configured otherwise);</li>
 *   <li>before each test it is {@linkplain #reset() reset}: no resources, faults or recorded calls, the quotas
 *       it started with and no simulated time offset, so nothing leaks from one test into the next. Tests
 *       that build on each other's state turn this off with {@link #resetBeforeEach(boolean)
 *       resetBeforeEach(false)};</li>
 *   <li>it stops after the class's {@code @AfterAll} methods; the port is closed then.</li>
 * </ul>
 * {@code @Nested} test classes share the endpoint of the class that declares the extension. Registered on an
 * instance field instead (and with the default per-method test instance lifecycle), the extension starts a fresh
 * endpoint for every test method and stops it after the method.
 *
 * <p>Configure the endpoint with a builder (it is started when the class starts):
 * {@code IvsRealTimeExtension.create(IvsRealTimeEmulator.builder().verifySignatures(false))}.
 *
 * <p>Use one extension instance per test class. Test methods of one class that run concurrently share the
 * endpoint and its resets; keep them in one thread or turn the resets off.
 *
 * <p>JUnit is not a dependency of the endpoint: a project that uses this class has {@code junit-jupiter-api}
 * on its test class path already.
 */
public final class IvsRealTimeExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final IvsRealTimeEmulator.Builder builder;
    private volatile boolean resetBeforeEach = true;
    private volatile IvsRealTimeEmulator emulator;
    /** Unique id of the extension context that started the endpoint (and stops it). */
    private String owner;
    private String ownerName;
    private Map<String, Integer> startQuotas;

    private IvsRealTimeExtension(IvsRealTimeEmulator.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** An endpoint on a free 127.0.0.1 port that accepts the default key pair and verifies signatures. */
    public static IvsRealTimeExtension create() {
        return new IvsRealTimeExtension(IvsRealTimeEmulator.builder());
    }

    /**
     * An endpoint configured by {@code builder} (credentials, quotas, clock, signature checks...). Leave the port
     * at 0 (a free port) unless the test really needs a fixed one.
     */
    public static IvsRealTimeExtension create(IvsRealTimeEmulator.Builder builder) {
        return new IvsRealTimeExtension(builder);
    }

    /**
     * Whether the endpoint is {@linkplain #reset() reset} before each test (default {@code true}). With
     * {@code false}, resources, faults, recorded calls and quotas carry over from one test to the next.
     *
     * @return this extension
     */
    public IvsRealTimeExtension resetBeforeEach(boolean reset) {
        this.resetBeforeEach = reset;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // registered on an instance field, beforeAll is not called: the endpoint then lives for one test
        if (!start(context) && resetBeforeEach) {
            reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    /**
     * Starts the endpoint for {@code context} unless it already runs for it or for an enclosing context.
     *
     * @return whether it was started now
     */
    private synchronized boolean start(ExtensionContext context) {
        if (emulator != null) {
            if (isWithin(context, owner)) {
                return false;
            }
            throw new IllegalStateException("this IvsRealTimeExtension already runs an endpoint for " + ownerName
                    + ", not for " + context.getDisplayName() + ": give every test class its own extension");
        }
        IvsRealTimeEmulator started = builder.start();
        startQuotas = started.service().quotas().asMap();
        owner = context.getUniqueId();
        ownerName = context.getDisplayName();
        emulator = started;
        return true;
    }

    private static boolean isWithin(ExtensionContext context, String uniqueId) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getUniqueId().equals(uniqueId)) {
                return true;
            }
        }
        return false;
    }

    private synchronized void stopIfStartedBy(ExtensionContext context) {
        if (emulator != null && context.getUniqueId().equals(owner)) {
            try {
                // the builder's Quotas object is the endpoint's: leave it as configured for the builder's next start
                restoreQuotas(emulator);
                emulator.close();
            } finally {
                emulator = null;
                owner = null;
                ownerName = null;
                startQuotas = null;
            }
        }
    }

    /**
     * Forgets all resources, faults and recorded calls and puts the quotas back to the values the endpoint
     * started with. Runs before each test unless turned off with {@link #resetBeforeEach(boolean)}.
     */
    public synchronized void reset() {
        IvsRealTimeEmulator e = emulator();
        e.reset();
        restoreQuotas(e);
    }

    private void restoreQuotas(IvsRealTimeEmulator e) {
        Quotas quotas = e.service().quotas();
        startQuotas.forEach(quotas::set);
    }

    /**
     * The running endpoint.
     *
     * @throws IllegalStateException outside the test class's lifecycle (before it starts, after it stops)
     */
    public IvsRealTimeEmulator emulator() {
        IvsRealTimeEmulator e = emulator;
        if (e == null) {
            throw new IllegalStateException("the IVS Real-Time endpoint is not running: it starts before the test"
                    + " class's @BeforeAll methods and stops after its @AfterAll methods (register the"
                    + " IvsRealTimeExtension with @RegisterExtension on a static field)");
        }
        return e;
    }

    /** Whether the endpoint runs now. */
    public boolean isRunning() {
        return emulator != null;
    }

    /** The endpoint URI for the SDK's {@code endpointOverride} or the aws CLI's {@code --endpoint-url}. */
    public URI endpoint() {
        return emulator().endpoint();
    }

    public int port() {
        return emulator().port();
    }

    /** The first configured key pair (the documented default pair unless the builder added others). */
    public Credential credential() {
        return emulator().credentials().get(0);
    }

    /** The access key id of {@link #credential()}. */
    public String accessKeyId() {
        return credential().accessKeyId();
    }

    /** The secret access key of {@link #credential()}. */
    public String secretAccessKey() {
        return credential().secretAccessKey();
    }

    /** The account of {@link #credential()}: the account in the ARNs of the resources it creates. */
    public String accountId() {
        return credential().accountId();
    }

    /**
     * A region to sign requests for: {@value IvsRealTimeEmulator#DEFAULT_REGION}. The endpoint accepts any
     * well-formed region name ({@code eu-west-1}, not {@code EU-WEST-1}); the one a request is signed for is the
     * region of the resources it creates.
     */
    public String region() {
        return IvsRealTimeEmulator.DEFAULT_REGION;
    }

    public FaultInjector faults() {
        return emulator().faults();
    }

    public CallLog calls() {
        return emulator().calls();
    }

    public IvsRealTimeService service() {
        return emulator().service();
    }

    @Override
    public String toString() {
        IvsRealTimeEmulator e = emulator;
        return "IvsRealTimeExtension[" + (e == null ? "not running" : e.endpoint()) + "]";
    }
}
