package community.ivsrealtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * The local endpoint in its own process ({@code java -jar ivs-realtime-emulator.jar --port 0}), as the handlers see
 * it in the benchmarks: over loopback, from another JVM. Its admin API gives the call log.
 */
final class Endpoint implements AutoCloseable {
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    final URI url;
    private final HttpClient http = HttpClient.newHttpClient();

    private Endpoint(final Process process, final URI url) {
        this.process = process;
        this.url = url;
    }

    static Endpoint start(final Path jar) throws IOException {
        final Process process = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "--port", "0")
            .redirectErrorStream(true).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            final Matcher m = URL.matcher(line);
            if (m.find()) {
                final Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException e) {
                        // process gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Endpoint(process, URI.create(m.group(1)));
            }
        }
        process.destroy();
        throw new IllegalStateException("the endpoint did not print its URL (exit " + process.exitValue() + ")");
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    void reset() throws IOException, InterruptedException {
        admin("POST", "reset");
    }

    void clearCalls() throws IOException, InterruptedException {
        admin("DELETE", "calls");
    }

    /** Calls per operation since the last reset or clear. */
    Map<String, Long> counts() throws IOException, InterruptedException {
        final JsonNode counts = JSON.readTree(admin("GET", "calls")).path("counts");
        final Map<String, Long> out = new TreeMap<>();
        counts.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private String admin(final String method, final String path) throws IOException, InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(url.resolve("/_emulator/" + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build();
        final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " /_emulator/" + path + ": " + response.statusCode());
        }
        return response.body();
    }

    /** A plain SDK client for seeding (not measured). */
    IvsRealTimeClient client() {
        return IvsRealTimeClient.builder().endpointOverride(url).region(Region.of(REGION))
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
            .build();
    }

    /** Creates {@code count} stages (4 threads); returns their ARNs. */
    List<String> seedStages(final int count) throws Exception {
        final List<String> arns = new ArrayList<>();
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try (IvsRealTimeClient client = client()) {
            final List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                final int n = i;
                futures.add(pool.submit(() -> client.createStage(r -> r.name("seed-" + n)).stage().arn()));
            }
            for (Future<String> f : futures) {
                arns.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        return arns;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
