package community.ivsrealtime.common;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * Builds the IVS Real-Time clients the handlers use: one per region, reused across invocations.
 *
 * <p>Endpoint: the handlers never set one. SDK 2.40.2 resolves the endpoint override itself
 * ({@code AwsClientEndpointProvider}, read from the jars), in this order: the system property
 * {@code aws.endpointUrlIvsRealTime}, the environment variable {@code AWS_ENDPOINT_URL_IVS_REALTIME},
 * the profile's {@code services}/{@code endpoint_url} settings, then the global {@code aws.endpointUrl} /
 * {@code AWS_ENDPOINT_URL}; {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true} disables all of them. In Lambda
 * none is set and the regional endpoint is used; locally the runner points one of them at the local
 * endpoint. Because those settings are read when a client is built, the cache key includes them.
 *
 * <p>Credentials: every call carries the caller's credentials from the request (the plugin's
 * {@code injectCredentialsAndInvokeV2}). The client itself has a provider that refuses, so a call that
 * bypasses the proxy fails loudly instead of falling back to the default chain (which may query the
 * instance metadata service, i.e. send traffic off this machine).
 */
public final class IvsClients {

    /** The url-connection client, set explicitly: with Apache also on the classpath the SDK would pick Apache. */
    private static final SdkHttpClient HTTP_CLIENT = UrlConnectionHttpClient.builder().build();

    private static final AwsCredentialsProvider NO_DEFAULT_CREDENTIALS = () -> {
        throw SdkClientException.create(
            "IVS Real-Time calls must carry the caller's credentials from the CloudFormation request");
    };

    private static final ConcurrentMap<String, IvsRealTimeClient> CLIENTS = new ConcurrentHashMap<>();

    /**
     * The calls that must not be repeated blindly (create, delete) go through a client whose SDK makes one attempt:
     * a 5xx, a timeout or a lost connection may come after the service acted, so the handler decides what to do
     * (find the created resource by its system tags; accept the deleted one), not the SDK. Throttling, which the
     * service answers before acting, the handler retries itself ({@link IvsHandler#callOnce}). (A strategy with
     * retry conditions of its own would not do: the client builder adds the SDK's conditions, lost connections
     * included, to any strategy that retries at all.)
     */
    private static final RetryStrategy ONE_ATTEMPT = AwsRetryStrategy.doNotRetry();

    private IvsClients() {
    }

    /** The client for a region (the request's {@code region}). */
    public static IvsRealTimeClient forRegion(final String region) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("the request has no region");
        }
        return CLIENTS.computeIfAbsent(region + "|" + endpointSettings(), key -> build(region));
    }

    /** The client of a region whose SDK makes one attempt per call ({@link #ONE_ATTEMPT}): for create and delete. */
    public static IvsRealTimeClient unrepeatedForRegion(final String region) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("the request has no region");
        }
        return CLIENTS.computeIfAbsent("unrepeated|" + region + "|" + endpointSettings(),
            key -> build(region, ONE_ATTEMPT));
    }

    private static IvsRealTimeClient build(final String region) {
        return build(region, null);
    }

    private static IvsRealTimeClient build(final String region, final RetryStrategy retries) {
        final IvsRealTimeClientBuilder builder = IvsRealTimeClient.builder()
            .httpClient(HTTP_CLIENT)
            .region(Region.of(region))
            .credentialsProvider(NO_DEFAULT_CREDENTIALS);
        if (retries != null) {
            builder.overrideConfiguration(c -> c.retryStrategy(retries));
        }
        return builder.build();
    }

    private static String endpointSettings() {
        return Objects.toString(System.getProperty("aws.endpointUrlIvsRealTime")) + '|'
            + Objects.toString(System.getenv("AWS_ENDPOINT_URL_IVS_REALTIME")) + '|'
            + Objects.toString(System.getProperty("aws.endpointUrl")) + '|'
            + Objects.toString(System.getenv("AWS_ENDPOINT_URL"));
    }
}
