package community.ivsrealtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * Runs in the child JVM, with one handler jar (ours or the baseline's) and this class on the classpath, as Lambda
 * would run the jar: {@code new HandlerWrapper()}, then {@code handleRequest(in, out, context)}. Prints one line
 * {@code RESULT key=value ...} for the parent. Modes:
 * <ul>
 *   <li>{@code create WRAPPER REQUEST_FILE}: one request in a fresh JVM; times the wrapper's construction and the
 *       request. Touches nothing but the JDK before the handler runs (no JSON parsing of its own).</li>
 *   <li>{@code repeat WRAPPER REQUEST_FILE N}: one wrapper, the same request N times (a warm container); each
 *       call's time.</li>
 *   <li>{@code list WRAPPER REQUEST_FILE}: one wrapper; LIST pages, following nextToken until there is none.</li>
 * </ul>
 */
public final class ChildRunner {

    private ChildRunner() {
    }

    public static void main(final String[] args) throws Exception {
        final String mode = args[0];
        if ("probe".equals(mode)) {
            PhaseProbe.main(new String[0]);
            return;
        }
        if ("preload".equals(mode)) {
            preload(args[1]);
            return;
        }
        if ("direct".equals(mode)) {
            direct(args[1], Integer.parseInt(args[3]));
            return;
        }
        final byte[] request = Files.readAllBytes(Path.of(args[2]));
        final long t0 = System.nanoTime();
        final Class<?> wrapperClass = Class.forName(args[1]);
        final Class<?> contextClass = Class.forName("com.amazonaws.services.lambda.runtime.Context");
        final Object context = context(contextClass);
        final Object wrapper = wrapperClass.getConstructor().newInstance();
        final Method handle = wrapperClass.getMethod("handleRequest", InputStream.class, OutputStream.class,
            contextClass);
        final long t1 = System.nanoTime();
        switch (mode) {
            case "create": {
                final byte[] response = invoke(handle, wrapper, context, request);
                final long t2 = System.nanoTime();
                final String text = new String(response, StandardCharsets.UTF_8);
                System.out.println("RESULT construct_ms=" + ms(t1 - t0) + " request_ms=" + ms(t2 - t1) + " success="
                    + text.contains("\"SUCCESS\""));
                if (!text.contains("\"SUCCESS\"")) {
                    System.out.println("RESPONSE " + text);
                }
                break;
            }
            case "repeat": {
                final int n = Integer.parseInt(args[3]);
                final StringJoiner times = new StringJoiner(",");
                int ok = 0;
                for (int i = 0; i < n; i++) {
                    final long s = System.nanoTime();
                    final byte[] response = invoke(handle, wrapper, context, request);
                    times.add(Long.toString(System.nanoTime() - s));
                    if (new String(response, StandardCharsets.UTF_8).contains("\"SUCCESS\"")) {
                        ok++;
                    }
                }
                System.out.println("RESULT ok=" + ok + " nanos=" + times);
                break;
            }
            case "list": {
                final ObjectMapper json = new ObjectMapper();
                final ObjectNode root = (ObjectNode) json.readTree(request);
                int pages = 0;
                int models = 0;
                String token = null;
                final long s = System.nanoTime();
                do {
                    if (token == null) {
                        root.putNull("nextToken");
                    } else {
                        root.put("nextToken", token);
                    }
                    final JsonNode response = json.readTree(invoke(handle, wrapper, context,
                        json.writeValueAsBytes(root)));
                    if (!"SUCCESS".equals(response.path("status").asText())) {
                        throw new IllegalStateException("LIST page " + pages + " failed: " + response);
                    }
                    pages++;
                    models += response.path("resourceModels").size();
                    token = response.path("nextToken").isTextual() ? response.path("nextToken").asText() : null;
                } while (token != null);
                final Runtime rt = Runtime.getRuntime();
                System.out.println("RESULT pages=" + pages + " models=" + models + " list_ms=" + ms(System.nanoTime() - s)
                    + " heap_used_mb=" + (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
                break;
            }
            default:
                throw new IllegalArgumentException("mode " + mode);
        }
    }

    /**
     * {@code direct ARN REQUEST_FILE N}: the same GetStage as a READ, made N times with a plain SDK client (url-connection,
     * region and endpoint from the environment): the endpoint's and the SDK's share of a READ.
     */
    private static void direct(final String arn, final int n) {
        final StringJoiner times = new StringJoiner(",");
        try (software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient client =
                 software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient.builder()
                     .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                     .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                         software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                             System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"), "bench")))
                     .build()) {
            for (int i = 0; i < n; i++) {
                final long s = System.nanoTime();
                client.getStage(r -> r.arn(arn));
                times.add(Long.toString(System.nanoTime() - s));
            }
        }
        System.out.println("RESULT ok=" + n + " nanos=" + times);
    }

    /** {@code preload WRAPPER}: ColdStart's class loading alone in this JVM; prints how many classes it loaded. */
    private static void preload(final String wrapper) throws Exception {
        final Class<?> wrapperClass = Class.forName(wrapper, false, ChildRunner.class.getClassLoader());
        System.out.println("RESULT loaded=" + Class.forName("community.ivsrealtime.common.ColdStart")
            .getMethod("loadClasses", ClassLoader.class, String.class)
            .invoke(null, wrapperClass.getClassLoader(), wrapperClass.getPackageName()));
    }

    private static byte[] invoke(final Method handle, final Object wrapper, final Object context, final byte[] request)
        throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        handle.invoke(wrapper, new ByteArrayInputStream(request), out, context);
        return out.toByteArray();
    }

    private static String ms(final long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    /** A Lambda Context whose logger drops the lines (both jars log the same way through it). */
    private static Object context(final Class<?> contextClass) throws ClassNotFoundException {
        final ClassLoader loader = contextClass.getClassLoader();
        final Class<?> loggerClass = Class.forName("com.amazonaws.services.lambda.runtime.LambdaLogger", false, loader);
        final Object logger = Proxy.newProxyInstance(loader, new Class<?>[] {loggerClass}, (p, m, a) -> null);
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextClass}, (p, m, a) -> {
            switch (m.getName()) {
                case "getLogger": return logger;
                case "getRemainingTimeInMillis": return 900_000;
                case "getMemoryLimitInMB": return 512;
                case "getAwsRequestId": return "bench-request";
                case "hashCode": return System.identityHashCode(p);
                case "equals": return p == a[0];
                case "toString": return "BenchContext";
                default: return m.getReturnType() == String.class ? "bench" : null;
            }
        });
    }
}
