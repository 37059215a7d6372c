package community.ivsrealtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.ivsrealtime.cdk.IngestConfigurationOptions;
import community.ivsrealtime.cdk.IngestProtocol;
import community.ivsrealtime.cdk.RecordingMediaType;
import community.ivsrealtime.cdk.StageProps;
import community.ivsrealtime.cdk.StorageConfiguration;
import community.ivsrealtime.cdk.StorageConfigurationProps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CfnResourceProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * CDK synth of N stages, each recording to one storage configuration (on an owned bucket) and with one ingest
 * configuration: through the L2 constructs, and the same resources written with raw {@code CfnResource}, in the same
 * JVM, alternating. Each synth is a new App (constructs + {@code app.synth()} writing cdk.out).
 */
final class SynthBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path work;

    SynthBenchmark(final Path work) {
        this.work = work;
    }

    /** Stages per stack: 2 resources each plus 3 (bucket, its policy, the storage configuration) stay under 500. */
    static final int PER_STACK = 200;

    private static Stack stack(final App app, final String name) {
        return new Stack(app, name, StackProps.builder()
            .env(Environment.builder().account("123456789012").region("us-east-1").build()).build());
    }

    /** The L2s: a StorageConfiguration on an owned bucket, N Stages recording to it, each with an ingest configuration. */
    void l2(final Stack stack, final int n) {
        final StorageConfiguration storage = new StorageConfiguration(stack, "Storage", StorageConfigurationProps.builder()
            .bucket(new Bucket(stack, "Bucket")).build());
        for (int i = 0; i < n; i++) {
            final community.ivsrealtime.cdk.Stage stage = new community.ivsrealtime.cdk.Stage(stack, "Stage" + i,
                StageProps.builder().stageName("stage-" + i).recordingStorageConfiguration(storage)
                    .recordingMediaType(RecordingMediaType.AUDIO_VIDEO).build());
            stage.addIngestConfiguration("Ingest", IngestConfigurationOptions.builder()
                .ingestProtocol(IngestProtocol.RTMPS).userId("encoder-" + i).build());
        }
    }

    /** The same resources as {@link #l2} with raw CfnResource (the bucket and its IVS statement as the L2 adds them). */
    void raw(final Stack stack, final int n) {
        final Bucket bucket = new Bucket(stack, "Bucket");
        // the same bucket-policy statement the L2 adds (IVS's documented one)
        bucket.addToResourcePolicy(StorageConfiguration.ivsWriteStatement(bucket, stack.getRegion()));
        final CfnResource storage = new CfnResource(stack, "Storage", CfnResourceProps.builder()
            .type("Community::IVSRealTime::StorageConfiguration")
            .properties(Map.of("S3", Map.of("BucketName", bucket.getBucketName()))).build());
        if (bucket.getPolicy() != null) {
            storage.getNode().addDependency(bucket.getPolicy());
        }
        for (int i = 0; i < n; i++) {
            final CfnResource stage = new CfnResource(stack, "Stage" + i, CfnResourceProps.builder()
                .type("Community::IVSRealTime::Stage")
                .properties(Map.of("Name", "stage-" + i, "AutoParticipantRecordingConfiguration", Map.of(
                    "StorageConfigurationArn", storage.getAtt("Arn"), "MediaTypes", List.of("AUDIO_VIDEO"))))
                .build());
            new CfnResource(stack, "Stage" + i + "Ingest", CfnResourceProps.builder()
                .type("Community::IVSRealTime::IngestConfiguration")
                .properties(Map.of("StageArn", stage.getAtt("Arn"), "IngestProtocol", "RTMPS",
                    "UserId", "encoder-" + i)).build());
        }
    }

    /**
     * One synth in a thread with a large stack: jsii's Java runtime handles each callback from node one stack level
     * deeper (at synth aws-cdk-lib reads each L1's Java-implemented {@code cdkTagManager}, 4 callbacks per L1), so a
     * synth with thousands of callbacks overflows the default thread stack (aws/aws-cdk#2154). Which side needs it:
     * {@link #defaultStack}.
     */
    Map<String, Integer> synth(final boolean l2, final int n) throws IOException {
        final Object[] result = new Object[1];
        final Thread thread = new Thread(null, () -> {
            try {
                result[0] = synthHere(l2, n);
            } catch (Throwable t) {
                result[0] = t;
            }
        }, "synth", 1L << 30);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (result[0] instanceof Throwable t) {
            throw new IllegalStateException((l2 ? "L2" : "raw") + " synth of " + n + " stages failed", t);
        }
        @SuppressWarnings("unchecked")
        final Map<String, Integer> types = (Map<String, Integer>) result[0];
        return types;
    }

    /** Whether a synth of {@code n} stages completes on this thread's (default) stack; the error's name if not. */
    String defaultStack(final boolean l2, final int n) {
        try {
            synthHere(l2, n);
            return "ok";
        } catch (StackOverflowError e) {
            return "StackOverflowError";
        } catch (Exception e) {
            return e.toString();
        }
    }

    /**
     * One synth: a new App, the constructs, {@code app.synth()}; returns the templates' resource types and counts. A
     * CloudFormation stack holds at most 500 resources (the CDK refuses more), so the stages go {@value #PER_STACK} to a
     * stack, each stack with its own bucket and storage configuration.
     */
    private Map<String, Integer> synthHere(final boolean l2, final int n) throws IOException {
        final Path out = Files.createTempDirectory(Files.createDirectories(work), l2 ? "l2-" : "raw-");
        final App app = new App(AppProps.builder().outdir(out.toString()).build());
        final int stacks = (n + PER_STACK - 1) / PER_STACK;
        for (int i = 0; i < stacks; i++) {
            final Stack stack = stack(app, "Bench" + i);
            final int count = Math.min(PER_STACK, n - i * PER_STACK);
            if (l2) {
                l2(stack, count);
            } else {
                raw(stack, count);
            }
        }
        app.synth();
        final Map<String, Integer> types = new TreeMap<>();
        for (int i = 0; i < stacks; i++) {
            final JsonNode template = JSON.readTree(out.resolve("Bench" + i + ".template.json").toFile());
            template.path("Resources").forEach(r -> types.merge(r.path("Type").asText(), 1, Integer::sum));
        }
        return types;
    }

    /** Per N: {@code rounds} synths each way, alternating; medians in ms. */
    Map<Integer, double[]> run(final List<Integer> sizes, final int rounds, final StringBuilder report) throws IOException {
        synth(true, 2);
        synth(false, 2);
        final Map<Integer, double[]> result = new LinkedHashMap<>();
        report.append(String.format("%nCDK synth (new App, constructs, app.synth(); %d stages per stack), %d rounds each, alternating, java %s%n", PER_STACK,
            rounds, System.getProperty("java.version")));
        report.append("| stages (each with recording and an ingest configuration) | L2 ms | raw CfnResource ms | ratio | resources |\n");
        report.append("|---:|---:|---:|---:|---:|\n");
        for (int n : sizes) {
            final List<Double> l2 = new ArrayList<>();
            final List<Double> raw = new ArrayList<>();
            Map<String, Integer> typesL2 = null;
            Map<String, Integer> typesRaw = null;
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    final boolean doL2 = (k == 0) == (r % 2 == 0);
                    final long s = System.nanoTime();
                    final Map<String, Integer> types = synth(doL2, n);
                    final double ms = (System.nanoTime() - s) / 1e6;
                    if (doL2) {
                        l2.add(ms);
                        typesL2 = types;
                    } else {
                        raw.add(ms);
                        typesRaw = types;
                    }
                }
            }
            if (!typesL2.equals(typesRaw)) {
                throw new IllegalStateException("the templates differ in resources: L2 " + typesL2 + ", raw " + typesRaw);
            }
            final Stats a = new Stats(l2);
            final Stats b = new Stats(raw);
            result.put(n, new double[] {a.median(), b.median()});
            final String line = String.format("| %,d | %s | %s | %.2f | %d |%n", n, a.summary("%.0f"), b.summary("%.0f"),
                a.median() / b.median(), typesL2.values().stream().mapToInt(Integer::intValue).sum());
            System.out.print(line);
            report.append(line);
        }
        if (sizes.contains(1000)) {
            // raw first: after a StackOverflowError inside a jsii callback the jsii runtime is not usable any more
            final String raw1000 = defaultStack(false, 1000);
            final String line = String.format("On the default thread stack, 1,000 stages: raw %s, L2 %s%n", raw1000,
                defaultStack(true, 1000));
            System.out.print(line);
            report.append(line);
        }
        return result;
    }
}
