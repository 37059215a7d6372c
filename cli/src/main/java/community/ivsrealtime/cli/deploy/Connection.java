package community.ivsrealtime.cli.deploy;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Where the handlers send their IVS Real-Time calls, and as whom: the one place that starts the local endpoint.
 *
 * <ul>
 *   <li>No endpoint given: an in-process local endpoint on a free 127.0.0.1 port, with its state next to the
 *       deploy state file, so that separate commands see the same resources.</li>
 *   <li>An endpoint on loopback (a running {@code ivsrt emulator}): the endpoint's documented key pair, unless
 *       AWS credentials are set in the environment.</li>
 *   <li>Any other endpoint: credentials from the SDK's default chain; the handlers need temporary ones (with a
 *       session token), as CloudFormation passes them.</li>
 * </ul>
 *
 * <p>The handlers are pointed at the endpoint with the SDK's standard system property
 * {@value #ENDPOINT_PROPERTY}; {@link #close} restores its previous value and stops an in-process endpoint.
 */
public final class Connection implements AutoCloseable {

    static final String ENDPOINT_PROPERTY = "aws.endpointUrlIvsRealTime";
    /** The handlers refuse caller credentials without a session token; the local endpoint accepts any. */
    static final String LOCAL_SESSION_TOKEN = "ivsrt-local-session";

    private final URI endpoint;
    private final String region;
    private final String accountId;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final IvsRealTimeEmulator emulator;
    private final String previousProperty;
    private boolean ownsEmulator;

    private Connection(final URI endpoint, final String region, final String accountId, final String accessKeyId,
                       final String secretAccessKey, final String sessionToken, final IvsRealTimeEmulator emulator) {
        this.endpoint = endpoint;
        this.region = region;
        this.accountId = accountId;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.sessionToken = sessionToken;
        this.emulator = emulator;
        this.previousProperty = System.getProperty(ENDPOINT_PROPERTY);
        if (endpoint != null) {
            System.setProperty(ENDPOINT_PROPERTY, endpoint.toString());
        }
    }

    /**
     * Connects as the options say: {@code endpoint} null starts the in-process endpoint (state kept under
     * {@code store.endpointDir()}).
     */
    public static Connection open(final String endpoint, final StateStore store, final String region,
                                  final String accountId) {
        if (endpoint == null) {
            final Connection connection = local(startLocalEndpoint(store), region);
            connection.ownsEmulator = true;
            return connection;
        }
        final URI uri = URI.create(endpoint);
        final String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        final boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        final String envKey = System.getenv("AWS_ACCESS_KEY_ID");
        if (loopback && (envKey == null || envKey.isBlank())) {
            return new Connection(uri, region, accountId, IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID,
                IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY, LOCAL_SESSION_TOKEN, null);
        }
        final AwsCredentials credentials = DefaultCredentialsProvider.builder().build().resolveCredentials();
        final String token = credentials instanceof AwsSessionCredentials
            ? ((AwsSessionCredentials) credentials).sessionToken() : (loopback ? LOCAL_SESSION_TOKEN : null);
        if (token == null) {
            throw new IllegalStateException("the AWS credentials found have no session token; the resource handlers "
                + "run with temporary credentials only, as CloudFormation gives them (use a role or "
                + "aws sts get-session-token)");
        }
        return new Connection(uri, region, accountId, credentials.accessKeyId(), credentials.secretAccessKey(), token,
            null);
    }

    /** No endpoint at all: for commands that only read the state and templates ({@code diff}). */
    public static Connection offline(final String region, final String accountId) {
        return new Connection(null, region, accountId, IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID,
            IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY, LOCAL_SESSION_TOKEN, null);
    }

    /** The in-process endpoint, its resources kept in {@code store.endpointDir()}. */
    static IvsRealTimeEmulator startLocalEndpoint(final StateStore store) {
        return IvsRealTimeEmulator.builder().host("127.0.0.1").port(0).verifySignatures(true)
            .stateDir(store.endpointDir()).start();
    }

    /** A connection to an endpoint embedded by the caller (tests, the demo). */
    public static Connection local(final IvsRealTimeEmulator emulator, final String region) {
        return new Connection(emulator.endpoint(), region, IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID,
            IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY,
            LOCAL_SESSION_TOKEN, emulator);
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    String secretAccessKey() {
        return secretAccessKey;
    }

    String sessionToken() {
        return sessionToken;
    }

    /** The in-process endpoint, or null when the calls go elsewhere. */
    public IvsRealTimeEmulator emulator() {
        return emulator;
    }

    /** Where the calls go, for messages. */
    public String describe() {
        return emulator != null ? "local IVS Real-Time endpoint " + endpoint + " (in-process)"
            : endpoint != null ? "endpoint " + endpoint : "IVS Real-Time in region " + region;
    }

    @Override
    public void close() {
        if (ownsEmulator) {
            emulator.close();
        }
        if (previousProperty == null) {
            System.clearProperty(ENDPOINT_PROPERTY);
        } else {
            System.setProperty(ENDPOINT_PROPERTY, previousProperty);
        }
    }
}
