package community.ivsrealtime.bench.baseline;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * The template's ClientBuilder: a client per request with the SDK's default settings (region, credentials and
 * endpoint from the default chains), the HTTP client shared as the template shares {@code LambdaWrapper.HTTP_CLIENT};
 * here the url-connection client.
 */
public final class ClientBuilder {
    private static final SdkHttpClient HTTP_CLIENT = UrlConnectionHttpClient.builder().build();

    private ClientBuilder() {
    }

    public static IvsRealTimeClient getClient() {
        return IvsRealTimeClient.builder().httpClient(HTTP_CLIENT).build();
    }
}
