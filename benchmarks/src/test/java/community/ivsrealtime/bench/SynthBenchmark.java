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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import software.amazon.jsii.JsiiMessageCounter;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CfnResourceProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * CDK synth of N stages, each recording to one storage configuration (on an owned bucket) and with one ingest
 * configuration, three ways in the same JVM, rotating: through the L2 constructs, through the thinnest L2 that jsii's
 * Java runtime allows (the floor, {@link #floor}), and the same template written with raw {@code CfnResource}. Each
 * synth is a new App (constructs + {@code app.synth()} writing cdk.out), timed from the App to the end of
 * {@code app.synth()}. The three templates are the same but for logical IDs ({@link #normalized}), and {@link #run}
 * fails when they are not. {@link #messages} counts the jsii messages per stage of each.
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

    /**
     * The same template as {@link #l2} with raw CfnResource: the bucket and its IVS statement as the L2 adds them, the
     * L2s' default names written as literals ({@link #defaultName}), and their default removal policy (retain) applied
     * the way a CfnResource author does, with {@code applyRemovalPolicy}.
     */
    void raw(final Stack stack, final String stackId, final int n) {
        final Bucket bucket = new Bucket(stack, "Bucket");
        // the same bucket-policy statement the L2 adds (IVS's documented one)
        bucket.addToResourcePolicy(StorageConfiguration.ivsWriteStatement(bucket, stack.getRegion()));
        final CfnResource storage = new CfnResource(stack, "Storage", CfnResourceProps.builder()
            .type("Community::IVSRealTime::StorageConfiguration")
            .properties(Map.of("Name", defaultName(stackId, "Storage"),
                "S3", Map.of("BucketName", bucket.getBucketName()))).build());
        storage.applyRemovalPolicy(RemovalPolicy.RETAIN);
        if (bucket.getPolicy() != null) {
            storage.getNode().addDependency(bucket.getPolicy());
        }
        for (int i = 0; i < n; i++) {
            final CfnResource stage = new CfnResource(stack, "Stage" + i, CfnResourceProps.builder()
                .type("Community::IVSRealTime::Stage")
                .properties(Map.of("Name", "stage-" + i, "AutoParticipantRecordingConfiguration", Map.of(
                    "StorageConfigurationArn", storage.getAtt("Arn"), "MediaTypes", List.of("AUDIO_VIDEO"))))
                .build());
            stage.applyRemovalPolicy(RemovalPolicy.RETAIN);
            final CfnResource ingest = new CfnResource(stack, "Stage" + i + "Ingest", CfnResourceProps.builder()
                .type("Community::IVSRealTime::IngestConfiguration")
                .properties(Map.of("Name", defaultName(stackId, "Stage" + i, "Ingest"), "StageArn", stage.getAtt("Arn"),
                    "IngestProtocol", "RTMPS", "UserId", "encoder-" + i)).build());
            ingest.applyRemovalPolicy(RemovalPolicy.RETAIN);
        }
    }

    /**
     * The name {@code Names.uniqueResourceName} gives a construct at this path from a stack, when the path is short and
     * has no {@code Default} or {@code Resource} component: the components joined, then the first 8 hex digits of the
     * MD5 of the path (components joined by {@code /}), upper case. What a raw CfnResource author writes as a literal
     * to get the L2's template; {@link #run} fails if it ever differs from the L2's.
     */
    static String defaultName(final String... path) {
        try {
            final byte[] md5 = MessageDigest.getInstance("MD5").digest(String.join("/", path)
                .getBytes(StandardCharsets.UTF_8));
            return String.join("", path) + HexFormat.of().withUpperCase().formatHex(md5, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The floor: the thinnest L2 that jsii's Java runtime allows. Per IVS resource one Java subclass of aws-cdk-lib's
     * {@code Resource} whose default child ({@code Resource}) is a plain {@code CfnResource} with the properties of
     * {@link #raw} (the names literals, the removal policy applied); the ingest configuration gets the stage's ARN by
     * {@code getAtt}. No checks, tags, grants or names made in node: what any Java L2 on jsii pays before doing anything
     * of its own.
     */
    void floor(final Stack stack, final String stackId, final int n) {
        final Bucket bucket = new Bucket(stack, "Bucket");
        bucket.addToResourcePolicy(StorageConfiguration.ivsWriteStatement(bucket, stack.getRegion()));
        final FloorResource storage = new FloorResource(stack, "Storage", "Community::IVSRealTime::StorageConfiguration",
            Map.of("Name", defaultName(stackId, "Storage"), "S3", Map.of("BucketName", bucket.getBucketName())));
        if (bucket.getPolicy() != null) {
            storage.resource.getNode().addDependency(bucket.getPolicy());
        }
        for (int i = 0; i < n; i++) {
            final FloorResource stage = new FloorResource(stack, "Stage" + i, "Community::IVSRealTime::Stage",
                Map.of("Name", "stage-" + i, "AutoParticipantRecordingConfiguration", Map.of(
                    "StorageConfigurationArn", storage.resource.getAtt("Arn"), "MediaTypes", List.of("AUDIO_VIDEO"))));
            new FloorResource(stage, "Ingest", "Community::IVSRealTime::IngestConfiguration",
                Map.of("Name", defaultName(stackId, "Stage" + i, "Ingest"), "StageArn", stage.resource.getAtt("Arn"),
                    "IngestProtocol", "RTMPS", "UserId", "encoder-" + i));
        }
    }

    /**
     * The floor's L2: a Java subclass of {@code Resource} with a {@code CfnResource} child. It declares no method: jsii's
     * Java runtime declares every non-private method of a Java subclass to node as an override, and node then calls
     * back into Java whenever it reads one.
     */
    static final class FloorResource extends Resource {
        final CfnResource resource;

        FloorResource(final Construct scope, final String id, final String type, final Map<String, Object> properties) {
            super(scope, id);
            this.resource = new CfnResource(this, "Resource", CfnResourceProps.builder().type(type).properties(properties)
                .build());
            resource.applyRemovalPolicy(RemovalPolicy.RETAIN);
        }
    }

    /** The three ways of writing the app. */
    enum Variant {
        L2("L2"), FLOOR("floor"), RAW("raw CfnResource");

        final String label;

        Variant(final String label) {
            this.label = label;
        }
    }

    /**
     * Runs {@code work} in a thread with a large stack: jsii's Java runtime handles each callback from node one stack
     * level deeper, so a synth with thousands of callbacks overflows the default thread stack (aws/aws-cdk#2154). Which
     * variant needs it: {@link #defaultStack}.
     */
    private static <T> T onLargeStack(final String what, final Callable<T> work) throws IOException {
        final Object[] result = new Object[1];
        final Thread thread = new Thread(null, () -> {
            try {
                result[0] = work.call();
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
            throw new IllegalStateException(what + " failed", t);
        }
        @SuppressWarnings("unchecked")
        final T value = (T) result[0];
        return value;
    }

    /**
     * One synth: its time in ms (from the new App to the end of {@code app.synth()}), of it the time until
     * {@code app.synth()} (the constructs), the CPU time it took in ms ({@link #cpuNanos}), the templates' resource
     * types and counts, and the templates with their logical IDs {@link #normalized}.
     */
    record Synth(double millis, double constructsMillis, double cpuMillis, Map<String, Integer> types,
        List<JsonNode> templates) {
    }

    /**
     * CPU time so far of this JVM and of its child processes (jsii's node), in ns: unlike wall time, it does not grow
     * when the machine's hypervisor gives the CPUs to someone else (steal time), which on a shared VM spreads wall
     * times widely. Node's comes from {@code /proc} in clock ticks (10 ms).
     */
    static long cpuNanos() {
        long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime();
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            total += child.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }
        return total;
    }

    /** One synth of {@code n} stages, in a thread with a large stack. */
    Synth synth(final Variant variant, final int n) throws IOException {
        return onLargeStack(variant.label + " synth of " + n + " stages", () -> synthHere(variant, n));
    }

    /** Whether a synth of {@code n} stages completes on this thread's (default) stack; the error's name if not. */
    String defaultStack(final Variant variant, final int n) {
        try {
            synthHere(variant, n);
            return "ok";
        } catch (StackOverflowError e) {
            return "StackOverflowError";
        } catch (Exception e) {
            return e.toString();
        }
    }

    /**
     * One synth: a new App, the constructs, {@code app.synth()}; returns a {@link Synth}. A
     * CloudFormation stack holds at most 500 resources (the CDK refuses more), so the stages go {@value #PER_STACK} to a
     * stack, each stack with its own bucket and storage configuration.
     */
    private Synth synthHere(final Variant variant, final int n) throws IOException {
        final Path out = Files.createTempDirectory(Files.createDirectories(work), variant.name().toLowerCase(Locale.ROOT) + "-");
        final long cpu = cpuNanos();
        final long start = System.nanoTime();
        final App app = new App(AppProps.builder().outdir(out.toString()).build());
        final int stacks = (n + PER_STACK - 1) / PER_STACK;
        for (int i = 0; i < stacks; i++) {
            final String id = "Bench" + i;
            final Stack stack = stack(app, id);
            final int count = Math.min(PER_STACK, n - i * PER_STACK);
            switch (variant) {
                case L2 -> l2(stack, count);
                case FLOOR -> floor(stack, id, count);
                case RAW -> raw(stack, id, count);
                default -> throw new IllegalArgumentException(variant.name());
            }
        }
        final long built = System.nanoTime();
        app.synth();
        final double millis = (System.nanoTime() - start) / 1e6;
        final double cpuMillis = (cpuNanos() - cpu) / 1e6;
        final Map<String, Integer> types = new TreeMap<>();
        final List<JsonNode> templates = new ArrayList<>();
        try {
            for (int i = 0; i < stacks; i++) {
                final JsonNode template = JSON.readTree(out.resolve("Bench" + i + ".template.json").toFile());
                template.path("Resources").forEach(r -> types.merge(r.path("Type").asText(), 1, Integer::sum));
                templates.add(normalized(template));
            }
        } finally {
            // each synth writes its own cdk.out (templates, manifest): hundreds per run, read once
            try (java.util.stream.Stream<Path> files = Files.walk(out)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return new Synth(millis, (built - start) / 1e6, cpuMillis, types, templates);
    }

    /**
     * The template with each logical ID replaced by {@code R<k>}, k its position in {@code Resources} (references and
     * dependencies included): the variants name their resources differently (an L2's resource is its {@code Resource}
     * child, whose logical ID has a hash) but must otherwise write the same template.
     */
    static JsonNode normalized(final JsonNode template) throws IOException {
        final Map<String, String> ids = new LinkedHashMap<>();
        template.path("Resources").fieldNames().forEachRemaining(id -> ids.put(id, "R" + ids.size()));
        // one pass over every JSON string of the template; logical IDs are letters and digits, never escaped
        final java.util.regex.Matcher strings = JSON_STRING.matcher(JSON.writeValueAsString(template));
        final StringBuilder text = new StringBuilder();
        while (strings.find()) {
            final String id = ids.get(strings.group(1));
            strings.appendReplacement(text, id == null ? "$0" : "\"" + id + "\"");
        }
        strings.appendTail(text);
        return JSON.readTree(text.toString());
    }

    private static final java.util.regex.Pattern JSON_STRING = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Apps of {@value #SMALL} and {@link #LARGE} (12) stages: their difference over their difference in stages is the cost of one stage. */
    static final int SMALL = 2;
    static final int LARGE = Integer.getInteger("bench.synthLarge", 12);

    /**
     * jsii messages per stage (with its ingest configuration) of each variant: Java to node requests (answers to
     * callbacks included) and node's callbacks into Java, as the difference between a synth of {@link #LARGE} (12) and
     * one of {@value #SMALL} stages over their difference; the kinds of messages per stage, largest first.
     */
    Map<Variant, double[]> messages(final StringBuilder report) throws IOException {
        final Map<Variant, double[]> result = new LinkedHashMap<>();
        final Map<Variant, Map<String, Double>> kinds = new LinkedHashMap<>();
        final Map<Variant, Map<String, Double>> perApp = new LinkedHashMap<>();
        for (Variant v : Variant.values()) {
            final JsiiMessageCounter.Counts small = count(v, SMALL);
            final JsiiMessageCounter.Counts large = count(v, LARGE);
            final double stages = LARGE - SMALL;
            result.put(v, new double[] {(large.requests() - small.requests()) / stages,
                (large.callbacks() - small.callbacks()) / stages, large.requests(), large.callbacks(),
                (large.bytes() - small.bytes()) / stages});
            final Map<String, Double> perStage = new TreeMap<>();
            large.kinds().forEach((k, c) -> {
                final double d = (c - small.kinds().getOrDefault(k, 0)) / stages;
                if (d != 0) {
                    perStage.put(k, d);
                }
            });
            if (Boolean.getBoolean("bench.synthNanos")) {
                large.nanos().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("%s %-60s %8.1f ms%n", v.label, e.getKey(), e.getValue() / 1e6));
            }
            kinds.put(v, perStage);
            final Map<String, Double> once = new TreeMap<>();
            small.kinds().forEach((k, c) -> {
                final double d = c - SMALL * perStage.getOrDefault(k, 0.0);
                if (d > 0.01) {
                    once.put(k, d);
                }
            });
            perApp.put(v, once);
        }
        report.append(String.format("%njsii messages per stage with its ingest configuration (synth of %d stages minus synth of %d, over %d)%n",
            LARGE, SMALL, LARGE - SMALL));
        report.append("| variant | Java to node messages per stage | of them answers to callbacks from node | JSON characters per stage (both ways) | messages, app of 12 stages |\n");
        report.append("|---|---:|---:|---:|---:|\n");
        result.forEach((v, r) -> report.append(String.format("| %s | %.1f | %.1f | %,.0f | %.0f |%n", v.label, r[0], r[1], r[4], r[2])));
        kinds.forEach((v, k) -> {
            report.append(String.format("%s, per stage:%n", v.label));
            k.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> report.append(String.format("  %5.1f  %s%n", e.getValue(), e.getKey())));
        });
        perApp.forEach((v, k) -> {
            report.append(String.format("%s, once per app (an app of %d stages minus %d times the messages per stage): %.0f%n",
                v.label, SMALL, SMALL, k.values().stream().mapToDouble(Double::doubleValue).sum()));
            k.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> report.append(String.format("  %5.1f  %s%n", e.getValue(), e.getKey())));
        });
        return result;
    }

    private JsiiMessageCounter.Counts count(final Variant variant, final int n) throws IOException {
        return onLargeStack("counting " + variant.label, () -> {
            final JsiiMessageCounter.Counts[] counts = new JsiiMessageCounter.Counts[1];
            // once before counting, as the timed synths follow a warm-up: what jsii does once per JVM (loading an
            // assembly's names, a class's static constants) is not counted as the app's
            synthHere(variant, n);
            JsiiMessageCounter.count(() -> synthHere(variant, n), counts);
            return counts[0];
        });
    }

    /** Fails unless a synth wrote the same templates as raw CfnResource did, up to logical IDs. */
    static void requireSameTemplates(final Synth synth, final Synth raw, final String label) {
        for (int i = 0; i < raw.templates().size(); i++) {
            final JsonNode mine = synth.templates().get(i);
            final JsonNode theirs = raw.templates().get(i);
            if (!mine.equals(theirs)) {
                throw new IllegalStateException("the " + label + " template of stack " + i + " differs from raw CfnResource's: "
                    + firstDifference(mine.path("Resources"), theirs.path("Resources")));
            }
        }
    }

    private static String firstDifference(final JsonNode mine, final JsonNode raw) {
        final List<String> names = new ArrayList<>();
        mine.fieldNames().forEachRemaining(names::add);
        raw.fieldNames().forEachRemaining(n -> {
            if (!names.contains(n)) {
                names.add(n);
            }
        });
        for (String n : names) {
            if (!mine.path(n).equals(raw.path(n))) {
                return n + " is " + mine.path(n) + ", raw " + raw.path(n);
            }
        }
        return "outside Resources";
    }

    /** Unmeasured synths of each variant before the timed ones, and their size (at most the largest timed size). */
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.synthWarmUps", 6);
    static final int WARM_UP_STAGES = 100;

    /** Per N: {@code rounds} synths of each variant, rotating the order each round; medians in ms (L2, raw, floor). */
    Map<Integer, double[]> run(final List<Integer> sizes, final int rounds, final StringBuilder report) throws IOException {
        // warm-up, not measured: the timed synths compare steady states, so each variant's Java code is compiled and
        // node's is optimized before the first of them (a warm-up of one tiny synth left the L2s' Java code, the
        // largest of the three, still being compiled during the small sizes: CPU well above wall time)
        final int warmUpStages = Math.min(WARM_UP_STAGES, sizes.stream().mapToInt(Integer::intValue).max().orElse(2));
        for (int r = 0; r < WARM_UP_ROUNDS; r++) {
            for (Variant v : Variant.values()) {
                synth(v, r == 0 ? 2 : warmUpStages);
            }
        }
        final Map<Integer, double[]> result = new LinkedHashMap<>();
        report.append(String.format("%nCDK synth (new App, constructs, app.synth(); %d stages per stack), %d rounds each, rotating,"
            + " after %d unmeasured synths of each, java %s%n", PER_STACK, rounds, WARM_UP_ROUNDS, System.getProperty("java.version")));
        report.append("| stages (each with recording and an ingest configuration) | L2 ms | floor ms | raw CfnResource ms | L2/raw | floor/raw | L2/floor | resources |\n");
        report.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        final Variant[] all = Variant.values();
        final StringBuilder phases = new StringBuilder(String.format(
            "%nThe same synths: wall in two parts, constructs (App, stacks, resources) + app.synth(), and CPU time (this JVM"
                + " and node), medians in ms%n"
                + "| stages | L2 | floor | raw CfnResource | L2 CPU | floor CPU | raw CPU | L2/raw CPU | floor/raw CPU |%n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
        for (int n : sizes) {
            final Map<Variant, List<Double>> times = new EnumMap<>(Variant.class);
            final Map<Variant, List<Double>> constructs = new EnumMap<>(Variant.class);
            final Map<Variant, List<Double>> cpus = new EnumMap<>(Variant.class);
            final Map<Variant, Synth> last = new EnumMap<>(Variant.class);
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < all.length; k++) {
                    final Variant v = all[(k + r) % all.length];
                    final Synth synth = synth(v, n);
                    last.put(v, synth);
                    times.computeIfAbsent(v, x -> new ArrayList<>()).add(synth.millis());
                    constructs.computeIfAbsent(v, x -> new ArrayList<>()).add(synth.constructsMillis());
                    cpus.computeIfAbsent(v, x -> new ArrayList<>()).add(synth.cpuMillis());
                }
            }
            for (Variant v : all) {
                requireSameTemplates(last.get(v), last.get(Variant.RAW), v.label);
            }
            final Stats l2 = new Stats(times.get(Variant.L2));
            final Stats floor = new Stats(times.get(Variant.FLOOR));
            final Stats raw = new Stats(times.get(Variant.RAW));
            result.put(n, new double[] {l2.median(), raw.median(), floor.median()});
            final String line = String.format("| %,d | %s | %s | %s | %.2f | %.2f | %.2f | %d |%n", n, l2.summary("%.0f"),
                floor.summary("%.0f"), raw.summary("%.0f"), l2.median() / raw.median(), floor.median() / raw.median(),
                l2.median() / floor.median(), last.get(Variant.RAW).types().values().stream().mapToInt(Integer::intValue).sum());
            System.out.print(line);
            report.append(line);
            phases.append(String.format("| %,d |", n));
            for (Variant v : all) {
                final double c = new Stats(constructs.get(v)).median();
                phases.append(String.format(" %.0f + %.0f |", c, new Stats(times.get(v)).median() - c));
            }
            final double l2Cpu = new Stats(cpus.get(Variant.L2)).median();
            final double floorCpu = new Stats(cpus.get(Variant.FLOOR)).median();
            final double rawCpu = new Stats(cpus.get(Variant.RAW)).median();
            phases.append(String.format(" %.0f | %.0f | %.0f | %.2f | %.2f |", l2Cpu, floorCpu, rawCpu, l2Cpu / rawCpu,
                floorCpu / rawCpu));
            phases.append('\n');
        }
        report.append(phases);
        System.out.print(phases);
        if (sizes.contains(1000)) {
            // L2 last: after a StackOverflowError inside a jsii callback the jsii runtime is not usable any more
            final String line = String.format("On the default thread stack, 1,000 stages: raw %s, floor %s, L2 %s%n",
                defaultStack(Variant.RAW, 1000), defaultStack(Variant.FLOOR, 1000), defaultStack(Variant.L2, 1000));
            System.out.print(line);
            report.append(line);
        }
        final StringBuilder counts = new StringBuilder();
        messages(counts);
        System.out.print(counts);
        report.append(counts);
        return result;
    }
}
