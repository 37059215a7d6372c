package community.ivsrealtime.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.core.OperationHandler;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/** Clients and helpers shared by the endpoint tests. */
public final class TestSupport {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestSupport() {
    }

    /** The real SDK client (url-connection), signed with the given key pair, without retries. */
    public static IvsRealTimeClient client(IvsRealTimeEmulator emulator, String accessKeyId, String secret) {
        return IvsRealTimeClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    public static IvsRealTimeClient client(IvsRealTimeEmulator emulator) {
        return client(emulator, IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY);
    }

    public static IvsRealTimeClient client(IvsRealTimeExtension ivs) {
        return client(ivs.emulator());
    }

    public static IvsRealTimeClient client(IvsRealTimeExtension ivs, String accessKeyId, String secret) {
        return client(ivs.emulator(), accessKeyId, secret);
    }

    /** A raw response: status, headers, and the body parsed as JSON (or null). */
    public record Raw(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Sends an unsigned request with java.net.http. */
    public static Raw send(IvsRealTimeEmulator emulator, String method, String pathAndQuery, String body,
                           String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.endpoint() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public static Raw send(IvsRealTimeExtension ivs, String method, String pathAndQuery, String body,
                           String contentType) {
        return send(ivs.emulator(), method, pathAndQuery, body, contentType);
    }

    public static Raw sendSigned(IvsRealTimeExtension ivs, String method, String pathAndQuery, String body) {
        return sendSigned(ivs.emulator(), method, pathAndQuery, body);
    }

    /** Sends a request signed by the SDK's own SigV4 signer (service ivs, us-east-1, default key pair). */
    public static Raw sendSigned(IvsRealTimeEmulator emulator, String method, String pathAndQuery, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(emulator.endpoint() + pathAndQuery);
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(uri);
        if (body != null) {
            request.putHeader("Content-Type", "application/json");
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID,
                        IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY))
                .request(request.build())
                .payload(() -> new java.io.ByteArrayInputStream(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ivs")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        SdkHttpRequest s = signed.request();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        s.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return send(b.build());
    }

    /**
     * Sends a request over a plain socket, exactly as given (for request lines that java.net.URI rejects), with
     * {@code Connection: close}; returns the status and the body.
     */
    public static Raw sendSocket(IvsRealTimeEmulator emulator, String method, String target) {
        return sendRawSocket(emulator, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
    }

    public static Raw sendSocket(IvsRealTimeExtension ivs, String method, String target) {
        return sendSocket(ivs.emulator(), method, target);
    }

    public static Raw sendRawSocket(IvsRealTimeExtension ivs, String request) {
        return sendRawSocket(ivs.emulator(), request);
    }

    /** Sends the bytes as they are on a new connection and reads until the server closes it. */
    public static Raw sendRawSocket(IvsRealTimeEmulator emulator, String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (response.isEmpty()) {
                return new Raw(0, Map.of(), "");
            }
            int status = Integer.parseInt(response.substring(9, 12));
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            int end = response.indexOf("\r\n\r\n");
            for (String line : response.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim(), List.of(line.substring(colon + 1).trim()));
                }
            }
            return new Raw(status, headers, response.substring(end + 4));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Raw send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Raw(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A stand-in for the business logic: records each call and answers with a resource whose {@code arn}
     * echoes the input's ARN (or a made-up stage ARN), so SDK responses parse.
     */
    public static final class EchoHandler implements OperationHandler {
        public final List<String> operations = new CopyOnWriteArrayList<>();
        public final List<ObjectNode> inputs = new CopyOnWriteArrayList<>();
        public final List<CallContext> contexts = new CopyOnWriteArrayList<>();

        @Override
        public ObjectNode invoke(String operation, ObjectNode input, CallContext ctx) {
            operations.add(operation);
            inputs.add(input.deepCopy());
            contexts.add(ctx);
            ObjectNode out = JSON.createObjectNode();
            String arn = input.path("arn").asText("arn:aws:ivs:" + ctx.region() + ":" + ctx.accountId()
                    + ":stage/abcdABCDefgh");
            if (operation.equals("GetStage") || operation.equals("CreateStage") || operation.equals("UpdateStage")) {
                out.putObject("stage").put("arn", arn).put("name", input.path("name").asText("echo"));
            }
            if (operation.equals("ListStages")) {
                out.putArray("stages");
            }
            if (operation.equals("ListTagsForResource")) {
                out.putObject("tags");
            }
            return out;
        }
    }
}
