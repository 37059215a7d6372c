package community.ivsrealtime.cli;

import community.ivsrealtime.contract.Caller;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.registry.ResourceType;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Where {@code ivsrt invoke} and {@code ivsrt test} send the handlers' IVS calls, and as whom.
 * <ul>
 *   <li>neither {@code --endpoint} nor {@code --aws}: a local endpoint started in this JVM on a free 127.0.0.1
 *       port, its default key pair as caller credentials; stopped at the end.</li>
 *   <li>{@code --endpoint URL}: that endpoint (the SDK's {@value Demo#ENDPOINT_PROPERTY} setting);
 *       {@code --aws}: the regional IVS endpoint (no override). Credentials come from the SDK's default chain
 *       (environment, system properties, profile, SSO, container or instance role). CloudFormation calls handlers
 *       with temporary credentials only, so long-term keys are exchanged for a session through STS
 *       GetSessionToken (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html). The account
 *       is {@code --account-id}, else the credentials' own, else STS GetCallerIdentity's.</li>
 * </ul>
 * The endpoint setting's previous value is restored by {@link #close()}.
 */
final class Target implements AutoCloseable {

    /** Where to send the calls: {@code --endpoint URL} or {@code --aws} (at most one). */
    static final class Where {
        @Option(names = "--endpoint", paramLabel = "URL",
            description = "IVS Real-Time endpoint to call (credentials from the AWS SDK's default chain).")
        URI endpoint;

        @Option(names = "--aws", description = "Call the regional Amazon IVS Real-Time endpoint of --region "
            + "(credentials from the AWS SDK's default chain). Creates and deletes real resources.")
        boolean aws;
    }

    /** Options every command that runs handlers shares. */
    static final class Options {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Where where;

        @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "Region of the requests (default ${DEFAULT-VALUE}).")
        String region;

        @Option(names = "--account-id", paramLabel = "ACCOUNT",
            description = "Account of the requests with --endpoint/--aws (default: the credentials' account).")
        String accountId;

        boolean local() {
            return where == null || (where.endpoint == null && !where.aws);
        }
    }

    /** The session token the local endpoint is called with (it accepts any with its key pair). */
    static final String LOCAL_SESSION_TOKEN = "ivsrt-local-session";

    private final IvsRealTimeEmulator emulator;
    private final String previous;
    private final Caller caller;
    private final String description;

    private Target(final IvsRealTimeEmulator emulator, final String previous, final Caller caller,
                   final String description) {
        this.emulator = emulator;
        this.previous = previous;
        this.caller = caller;
        this.description = description;
    }

    /** Opens the target the options name. */
    static Target open(final Options options) {
        final String previous = System.getProperty(Demo.ENDPOINT_PROPERTY);
        if (options.local()) {
            final IvsRealTimeEmulator emulator = IvsRealTimeEmulator.builder().host("127.0.0.1").port(0)
                .verifySignatures(true).start();
            System.setProperty(Demo.ENDPOINT_PROPERTY, emulator.endpoint().toString());
            return new Target(emulator, previous, new Caller(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID, options.region,
                IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY,
                LOCAL_SESSION_TOKEN), "local endpoint " + emulator.endpoint() + " (in this process)");
        }
        final Caller caller = callerFromDefaultChain(options);
        if (options.where.aws) {
            System.clearProperty(Demo.ENDPOINT_PROPERTY);
        } else {
            System.setProperty(Demo.ENDPOINT_PROPERTY, options.where.endpoint.toString());
        }
        final String where = options.where.aws ? "Amazon IVS Real-Time in " + options.region
            : "endpoint " + options.where.endpoint;
        return new Target(null, previous, caller, where + " as account " + caller.accountId() + ", access key "
            + caller.accessKeyId());
    }

    private static Caller callerFromDefaultChain(final Options options) {
        final AwsCredentials credentials;
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            credentials = chain.resolveCredentials();
        }
        String account = options.accountId != null ? options.accountId : credentials.accountId().orElse(null);
        if (credentials instanceof AwsSessionCredentials session) {
            if (account == null) {
                account = callerAccount(options.region, session);
            }
            return new Caller(account, options.region, session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken());
        }
        // long-term keys: CloudFormation never passes those to a handler; a session of one hour stands in
        try (StsClient sts = sts(options.region, credentials)) {
            final Credentials temporary = sts.getSessionToken(r -> r.durationSeconds(3600)).credentials();
            final AwsSessionCredentials session = AwsSessionCredentials.create(temporary.accessKeyId(),
                temporary.secretAccessKey(), temporary.sessionToken());
            if (account == null) {
                account = callerAccount(options.region, session);
            }
            return new Caller(account, options.region, session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken());
        }
    }

    private static String callerAccount(final String region, final AwsCredentials credentials) {
        try (StsClient sts = sts(region, credentials)) {
            return sts.getCallerIdentity().account();
        }
    }

    private static StsClient sts(final String region, final AwsCredentials credentials) {
        return StsClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    Caller caller() {
        return caller;
    }

    /** The local endpoint started for this run, or null. */
    IvsRealTimeEmulator localEndpoint() {
        return emulator;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(Demo.ENDPOINT_PROPERTY);
        } else {
            System.setProperty(Demo.ENDPOINT_PROPERTY, previous);
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** A type by its full name ({@code Community::IVSRealTime::Stage}) or simple name ({@code Stage}, any case). */
    static final class TypeConverter implements ITypeConverter<ResourceType> {
        @Override
        public ResourceType convert(final String value) {
            for (final ResourceType type : ResourceType.values()) {
                if (type.typeName().equals(value) || type.simpleName().equalsIgnoreCase(value)) {
                    return type;
                }
            }
            throw new TypeConversionException("no resource type \"" + value + "\"; known: " + Arrays
                .stream(ResourceType.values()).map(t -> t.simpleName() + " (" + t.typeName() + ")")
                .collect(Collectors.joining(", ")));
        }
    }

    /** The simple names, for help texts. */
    static String simpleNames() {
        return Arrays.stream(ResourceType.values()).map(ResourceType::simpleName).collect(Collectors.joining(", "));
    }
}
