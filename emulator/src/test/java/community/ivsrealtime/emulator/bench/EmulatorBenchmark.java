package community.ivsrealtime.emulator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.core.CallContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * Benchmark of the local endpoint (not a test): GetStage and ListStages throughput and latency with the real SDK
 * client from several threads over loopback (client and endpoint in the same JVM), and the heap used by 100,000
 * stages. Run:
 * <pre>
 * mvn -q -pl emulator -DbuildDir=target test-compile exec:java \
 *     -Dexec.mainClass=community.ivsrealtime.emulator.bench.EmulatorBenchmark -Dexec.classpathScope=test
 * </pre>
 * Optional arguments: threads (default 8), seconds per measurement (default 10), stages for the memory figure
 * (default 100000).
 */
public final class EmulatorBenchmark {

    public static void main(String[] args) throws Exception {
        // HttpURLConnection keeps at most 5 idle connections per host by default: more threads would reconnect
        System.setProperty("http.maxConnections", "64");
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int memoryStages = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        System.out.printf("cores=%d threads=%d seconds=%d java=%s%n", Runtime.getRuntime().availableProcessors(),
                threads, seconds, System.getProperty("java.version"));
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.start();
             IvsRealTimeClient client = client(emulator)) {
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = i;
                arns.add(client.createStage(r -> r.name("bench-" + n)).stage().arn());
            }
            measure("warm-up GetStage", threads, 3, i -> client.getStage(r -> r.arn(arns.get(i % arns.size()))));
            measure("GetStage (1,000 stages)", threads, seconds,
                    i -> client.getStage(r -> r.arn(arns.get(i % arns.size()))));
            measure("ListStages maxResults=100 (1,000 stages)", threads, seconds,
                    i -> client.listStages(r -> r.maxResults(100)));
            measure("GetStage, 1 thread", 1, seconds, i -> client.getStage(r -> r.arn(arns.get(i % arns.size()))));
            try (IvsRealTimeClient apache = client(emulator, ApacheHttpClient.builder().maxConnections(64).build())) {
                measure("warm-up GetStage, Apache client", threads, 3,
                        i -> apache.getStage(r -> r.arn(arns.get(i % arns.size()))));
                measure("GetStage, SDK with Apache client", threads, seconds,
                        i -> apache.getStage(r -> r.arn(arns.get(i % arns.size()))));
                measure("ListStages maxResults=100, Apache client", threads, seconds,
                        i -> apache.listStages(r -> r.maxResults(100)));
            }
            byte[] presigned = presignedGetStage(emulator, arns.get(0));
            ThreadLocal<RawConnection> connections = ThreadLocal.withInitial(() -> new RawConnection(emulator.port()));
            measure("GetStage, endpoint only (pre-signed replay)", threads, seconds,
                    i -> connections.get().exchange(presigned));
            measure("GetStage, endpoint only, 1 thread", 1, seconds, i -> connections.get().exchange(presigned));
        }
        memory(memoryStages);
    }

    /** A GetStage request signed once by the SDK signer, to replay over raw keep-alive sockets. */
    static byte[] presignedGetStage(IvsRealTimeEmulator emulator, String arn) {
        byte[] body = ("{\"arn\":\"" + arn + "\"}").getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .uri(java.net.URI.create(emulator.endpoint() + "/GetStage"))
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(body.length)).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID,
                        IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY))
                .request(request).payload(() -> new java.io.ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ivs")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        StringBuilder head = new StringBuilder("POST /GetStage HTTP/1.1\r\n");
        signed.headers().forEach((k, v) -> head.append(k).append(": ").append(v.get(0)).append("\r\n"));
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** A minimal HTTP/1.1 keep-alive client: writes a request, reads one response with Content-Length. */
    static final class RawConnection {
        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;

        RawConnection(int port) {
            try {
                socket = new java.net.Socket("127.0.0.1", port);
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void exchange(byte[] request) {
            try {
                out.write(request);
                out.flush();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int c = in.read();
                    if (c < 0) {
                        throw new java.io.EOFException();
                    }
                    head.append((char) c);
                }
                if (!head.toString().startsWith("HTTP/1.1 200")) {
                    throw new IllegalStateException(head.toString());
                }
                String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
                int at = lower.indexOf("content-length:");
                int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
                in.readNBytes(length);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static IvsRealTimeClient client(IvsRealTimeEmulator emulator) {
        return client(emulator, UrlConnectionHttpClient.create());
    }

    static IvsRealTimeClient client(IvsRealTimeEmulator emulator, SdkHttpClient http) {
        return IvsRealTimeClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)))
                .httpClient(http)
                .build();
    }

    /** Runs {@code call} from {@code threads} threads for {@code seconds}; prints requests/s, p50, p99. */
    static void measure(String name, int threads, int seconds, Consumer<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7919;
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    call.accept(offset + n);
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - s;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%-45s threads=%d requests=%d rate=%.0f/s p50=%.2f ms p99=%.2f ms%n", name, threads,
                merged.length, merged.length / elapsed, merged[merged.length / 2] / 1e6,
                merged[(int) (merged.length * 0.99)] / 1e6);
    }

    /** Heap used by the service state with {@code count} stages (created through the business logic directly). */
    static void memory(int count) {
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.start()) {
            ObjectMapper json = new ObjectMapper();
            CallContext ctx = new CallContext(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID, IvsRealTimeEmulator.DEFAULT_REGION,
                    IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, "bench");
            long before = usedHeap();
            for (int i = 0; i < count; i++) {
                ObjectNode input = json.createObjectNode().put("name", "stage-" + i);
                input.putObject("tags").put("env", "bench");
                emulator.service().invoke("CreateStage", input, ctx);
            }
            long after = usedHeap();
            System.out.printf("heap used by %,d stages: %.1f MiB (%.0f bytes/stage)%n", count,
                    (after - before) / 1048576.0, (after - before) / (double) count);
        }
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
