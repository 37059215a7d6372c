package community.ivsrealtime.emulator;

import community.ivsrealtime.emulator.core.OperationHandler;
import community.ivsrealtime.emulator.faults.CallLog;
import community.ivsrealtime.emulator.faults.FaultInjector;
import community.ivsrealtime.emulator.protocol.Credential;
import community.ivsrealtime.emulator.protocol.ProtocolHandler;
import community.ivsrealtime.emulator.protocol.ServiceModel;
import community.ivsrealtime.emulator.protocol.SigV4Verifier;
import community.ivsrealtime.emulator.service.IvsRealTimeService;
import community.ivsrealtime.emulator.service.Quotas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A local Amazon IVS Real-Time endpoint: all 39 operations of the service model over HTTP (rest-json, SigV4),
 * for the AWS SDKs and the aws CLI. Embedded in tests with {@link #start()}, or run standalone with {@link Main}.
 *
 * <pre>{@code
 * try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.start()) {
 *     IvsRealTimeClient client = IvsRealTimeClient.builder()
 *             .endpointOverride(emulator.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
 *                     IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)))
 *             .httpClient(UrlConnectionHttpClient.create())
 *             .build();
 * }
 * }</pre>
 */
public final class IvsRealTimeEmulator implements AutoCloseable {
    /** The documented default key pair (the AWS documentation's example keys). */
    public static final String DEFAULT_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String DEFAULT_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    /** Request bodies larger than this get 413. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private final NettyTransport transport;
    private final FaultInjector faults = new FaultInjector();
    private final CallLog calls = new CallLog();
    private final IvsRealTimeService service;
    private final List<Credential> credentials;
    private final boolean verifySignatures;
    private final boolean adminOnAllInterfaces;
    private final AdminApi admin;
    private final URI endpoint;

    private IvsRealTimeEmulator(Builder b) throws IOException {
        this.credentials = b.credentials.isEmpty()
                ? List.of(new Credential(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, DEFAULT_ACCOUNT_ID))
                : List.copyOf(b.credentials);
        this.verifySignatures = b.verifySignatures;
        this.service = new IvsRealTimeService(b.clock, b.quotas, b.stateDir);
        OperationHandler handler = b.handler != null ? b.handler : service;
        ServiceModel model = ServiceModel.get();
        SigV4Verifier verifier = new SigV4Verifier(credentials, model.signingName(), DEFAULT_REGION, verifySignatures);
        ProtocolHandler api = new ProtocolHandler(model, verifier, handler, faults, calls, b.clock);
        this.adminOnAllInterfaces = b.adminOnAllInterfaces;
        this.admin = new AdminApi(this, credentials.get(0).accountId(), b.adminOnAllInterfaces);
        this.transport = new NettyTransport(b.host, b.port, b.threads, b.maxBodyBytes, api, admin);
        InetSocketAddress address = transport.address();
        String host = address.getAddress().getHostAddress();
        this.endpoint = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + address.getPort());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts an endpoint on a free loopback port with the default key pair and signature verification on. */
    public static IvsRealTimeEmulator start() {
        return builder().start();
    }

    /** {@code http://127.0.0.1:PORT} (or the configured host). */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return transport.address().getPort();
    }

    public FaultInjector faults() {
        return faults;
    }

    public CallLog calls() {
        return calls;
    }

    public IvsRealTimeService service() {
        return service;
    }

    /** The access keys this endpoint accepts (the first one is the default). */
    public List<Credential> credentials() {
        return credentials;
    }

    public boolean verifiesSignatures() {
        return verifySignatures;
    }

    /** Whether the admin API answers clients beyond loopback (default false). */
    public boolean adminOnAllInterfaces() {
        return adminOnAllInterfaces;
    }

    /** The admin API, for tests that hand it requests from other addresses without sending any traffic. */
    AdminApi adminApi() {
        return admin;
    }

    /** Forgets all resources, faults and the call log. */
    public void reset() {
        service.reset();
        faults.clear();
        calls.clear();
    }

    /** Stops the server: closes the port and open connections and ends all of the endpoint's threads. */
    @Override
    public void close() {
        transport.close();
        service.save();
    }

    /** Configures and starts an endpoint. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private boolean verifySignatures = true;
        private final List<Credential> credentials = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Quotas quotas = Quotas.defaults();
        private OperationHandler handler;
        private int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private boolean adminOnAllInterfaces;
        private Path stateDir;

        private Builder() {
        }

        /**
         * Keeps the endpoint's resources in {@code dir} (file {@code ivs-realtime-state.json}, owner-only): loaded at
         * start, saved atomically after each write operation and on {@link #close()}. Sessions and participants are
         * not saved. Default: in memory only.
         */
        public Builder stateDir(Path dir) {
            this.stateDir = Objects.requireNonNull(dir, "stateDir");
            return this;
        }

        /**
         * Whether the admin API ({@code /_emulator/...}: reset, faults, quotas, simulation) answers clients beyond
         * loopback (default false: only clients on this machine; others get 403 AccessDeniedException). Only matters
         * with a {@link #host(String)} other than a loopback address.
         */
        public Builder adminOnAllInterfaces(boolean open) {
            this.adminOnAllInterfaces = open;
            return this;
        }

        /** Address to bind (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind; 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Whether SigV4 signatures are checked against the configured credentials (default true). */
        public Builder verifySignatures(boolean verify) {
            this.verifySignatures = verify;
            return this;
        }

        /** Adds an accepted key pair and its account (repeatable; without any, the default pair is used). */
        public Builder credentials(String accessKeyId, String secretAccessKey, String accountId) {
            credentials.add(new Credential(accessKeyId, secretAccessKey, accountId));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder quotas(Quotas quotas) {
            this.quotas = Objects.requireNonNull(quotas, "quotas");
            return this;
        }

        /**
         * Replaces the business logic (default: {@link IvsRealTimeService}), for tests of the protocol layer.
         * {@link IvsRealTimeEmulator#service()} still returns the (then unused) service.
         */
        public Builder handler(OperationHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Threads that run requests (default max(8, 4 x cores)); decoding runs on one I/O thread per core. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
            this.threads = threads;
            return this;
        }

        /** Largest accepted request body (default 1 MiB); larger bodies get 413. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public IvsRealTimeEmulator start() {
            try {
                return new IvsRealTimeEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the endpoint on " + host + ":" + port, e);
            }
        }
    }
}
