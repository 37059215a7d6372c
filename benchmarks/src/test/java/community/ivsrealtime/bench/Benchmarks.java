package community.ivsrealtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.common.ColdStart;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalInvoker;
import community.ivsrealtime.registry.ResourceType;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The benchmarks of BENCHMARKS.md (not tests). Run through the {@code run-benchmarks} profile of this module:
 * <pre>
 * mvn -B -q -o -pl benchmarks -am verify -DskipTests -Prun-benchmarks -Dbench.args="cold 10"
 * </pre>
 * Commands: {@code cold ROUNDS [JAVA...]} (fresh-JVM CREATE, ours and the baseline interleaved, with Lambda's JVM
 * flags; each JAVA a java binary, default the running one; {@code cold-1cpu} pinned to one CPU, {@code cold-extracted}
 * with the jars unpacked as Lambda unpacks them), {@code cpu-threads ROUNDS [JAVA...]} (the CPU of fresh-JVM
 * CREATEs per thread, sampled by async-profiler), {@code warm N} (N READs in one JVM), {@code list N}
 * (LIST of N stages), {@code calls} (IVS calls per type and action), {@code jmh FORKS ITERATIONS MILLIS} (micro-benchmarks), {@code synth N,N,.. ROUNDS} (CDK synth, L2s
 * and the floor against raw CfnResource, then their jsii messages per stage), {@code synth-messages} (only those counts), {@code all} (everything, with the counts of
 * BENCHMARKS.md). Ours is the shaded handler jar, the baseline the jar of this module's main sources.
 */
public final class Benchmarks {

    /** The flags Lambda's java17/java21 runtimes set by default (JAVA_TOOL_OPTIONS), plus the serial GC. */
    static final List<String> LAMBDA_FLAGS =
        List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    static final String OUR_WRAPPER = "community.ivsrealtime.stage.HandlerWrapper";
    /** What Lambda loads for our Stage type: the registry's entrypoint class (ColdStart, then the wrapper). */
    static final String OUR_ENTRYPOINT = ResourceType.STAGE.entrypoint().replace("::handleRequest", "");
    static final String OUR_TYPE = "Community::IVSRealTime::Stage";
    static final String BASELINE_WRAPPER = "community.ivsrealtime.bench.baseline.HandlerWrapper";
    static final String BASELINE_TYPE = "Bench::IVSRealTime::Stage";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path handlerJar = Path.of(System.getProperty("bench.handlerJar"));
    final Path baselineJar = Path.of(System.getProperty("bench.baselineJar"));
    final Path emulatorJar = Path.of(System.getProperty("bench.emulatorJar"));
    final Path work = Path.of(System.getProperty("bench.workDir", "target/bench"));
    private final StringBuilder report = new StringBuilder();

    public static void main(final String[] args) throws Exception {
        final Benchmarks bench = new Benchmarks();
        final String command = args.length == 0 ? "all" : args[0];
        final String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        bench.run(command, rest);
        System.out.println(bench.report());
    }

    String report() {
        return report.toString();
    }

    void run(final String command, final String[] args) throws Exception {
        Files.createDirectories(work);
        System.out.printf("machine: %d cores, java %s, %s%n", Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), loadAverage());
        switch (command) {
            case "cold" -> cold(intArg(args, 0, 10), javas(args, 1));
            case "cold-1cpu" -> {
                oneCpu = true;
                cold(intArg(args, 0, 10), javas(args, 1));
            }
            case "cold-extracted" -> {
                extracted = true;
                cold(intArg(args, 0, 10), javas(args, 1));
            }
            case "preload-list" -> preloadList(Path.of(args[0]), javas(args, 1));
            case "warm" -> warm(intArg(args, 0, 1000));
            case "list" -> list(intArg(args, 0, 10_000));
            case "calls" -> calls();
            case "phases" -> phases(intArg(args, 0, 5), javas(args, 1));
            case "cpu-threads" -> cpuThreads(intArg(args, 0, 3), javas(args, 1));
            case "jmh" -> jmh(intArg(args, 0, 1), intArg(args, 1, 5), intArg(args, 2, 1000));
            case "synth" -> synth(args.length > 0 ? Arrays.stream(args[0].split(",")).map(Integer::valueOf).toList()
                : List.of(10, 100, 1000), intArg(args, 1, 3));
            case "synth-messages" -> synthMessages();
            case "all" -> {
                calls();
                cold(10, javas(args, 0));
                warm(1000);
                list(10_000);
                synth(List.of(10, 100, 1000), 3);
            }
            default -> throw new IllegalArgumentException("unknown command " + command
                + " (cold ROUNDS [JAVA...] | cold-1cpu ROUNDS [JAVA...] | preload-list FILE [JAVA...] | phases ROUNDS"
                + " [JAVA...] | cpu-threads ROUNDS [JAVA...] | warm N | list N | calls | jmh F I MS | synth N,N ROUNDS"
                + " | synth-messages | all)");
        }
    }

    private static int intArg(final String[] args, final int i, final int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static List<String> javas(final String[] args, final int from) {
        final List<String> javas = new ArrayList<>(Arrays.asList(args).subList(Math.min(from, args.length), args.length));
        if (javas.isEmpty()) {
            javas.add(Endpoint.javaBinary());
        }
        return javas;
    }

    private static String loadAverage() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    private void out(final String format, final Object... args) {
        final String line = String.format(format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }

    // ------------------------------------------------------------------ requests

    static ObjectNode request(final String type, final String action, final JsonNode properties) {
        final ObjectNode root = JSON.createObjectNode();
        root.put("awsAccountId", "123456789012");
        root.put("bearerToken", UUID.randomUUID().toString());
        root.put("region", Endpoint.REGION);
        root.put("action", action);
        root.put("resourceType", type);
        root.put("resourceTypeVersion", "00000001");
        root.put("stackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/bench/11111111-2222-3333-4444-555555555555");
        root.putNull("callbackContext");
        final ObjectNode data = root.putObject("requestData");
        final ObjectNode credentials = data.putObject("callerCredentials");
        credentials.put("accessKeyId", Endpoint.ACCESS_KEY_ID);
        credentials.put("secretAccessKey", Endpoint.SECRET_ACCESS_KEY);
        credentials.put("sessionToken", "bench-session-token");
        data.put("logicalResourceId", "BenchStage");
        data.set("resourceProperties", properties);
        data.putObject("systemTags").put("aws:cloudformation:logical-id", "BenchStage");
        return root;
    }

    /** The same stage for both jars: a name and one tag. */
    static ObjectNode stageProperties(final String name) {
        final ObjectNode properties = JSON.createObjectNode().put("Name", name);
        properties.putArray("Tags").addObject().put("Key", "team").put("Value", "bench");
        return properties;
    }

    private Path write(final String name, final JsonNode json) throws IOException {
        final Path file = Files.createDirectories(work).resolve(name);
        Files.write(file, JSON.writeValueAsBytes(json));
        return file;
    }

    // ------------------------------------------------------------------ child JVMs

    /** What a child JVM reported: its RESULT fields, wall time, CPU and peak RSS. */
    record Child(Map<String, String> result, double wallMs, double cpuMs, double rssMb, String output) {
        double get(final String key) {
            return Double.parseDouble(result.get(key));
        }
    }

    Child child(final String java, final Path jar, final List<String> extraFlags, final String... args)
        throws Exception {
        final Path tmp = Files.createDirectories(work.resolve("tmp-" + jar.getFileName()));
        final Path timeFile = work.resolve("time.txt");
        final List<String> command = new ArrayList<>();
        final boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        if (gnuTime) {
            command.addAll(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString()));
        }
        if (oneCpu) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(java);
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extraFlags);
        // the plugin's wrapper empties java.io.tmpdir on each request (the baseline's does): a directory of its own
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-cp");
        command.add((extracted ? extract(jar) : jar) + File.pathSeparator + testClasses());
        command.add(ChildRunner.class.getName());
        command.addAll(Arrays.asList(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        final Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("AWS_LAMBDA_FUNCTION_NAME");
        env.remove("AWS_PROFILE");
        env.put("AWS_REGION", Endpoint.REGION);
        env.put("AWS_ENDPOINT_URL_IVS_REALTIME", endpoint.url.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_ACCESS_KEY_ID", Endpoint.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", Endpoint.SECRET_ACCESS_KEY);
        final long start = System.nanoTime();
        final Process process = builder.start();
        final String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        final int exit = process.waitFor();
        final double wall = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException("child " + String.join(" ", args) + " exited " + exit + ":\n" + output);
        }
        final Map<String, String> result = new LinkedHashMap<>();
        output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().ifPresent(l -> {
            for (String field : l.substring(7).split(" ")) {
                final int eq = field.indexOf('=');
                result.put(field.substring(0, eq), field.substring(eq + 1));
            }
        });
        double cpu = Double.NaN;
        double rss = Double.NaN;
        if (gnuTime) {
            final String[] t = Files.readString(timeFile).trim().lines().reduce((a, b) -> b).orElse("").split(" ");
            cpu = (Double.parseDouble(t[1]) + Double.parseDouble(t[2])) * 1000;
            rss = Double.parseDouble(t[3]) / 1024;
        }
        if (result.isEmpty()) {
            throw new IllegalStateException("child printed no RESULT:\n" + output);
        }
        return new Child(result, wall, cpu, rss, output);
    }

    private static String testClasses() throws Exception {
        return Path.of(ChildRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private Endpoint endpoint;
    /**
     * When set, child JVMs load the handler classes from the jar unpacked into a directory, not from the jar: Lambda
     * unpacks a jar deployment package into {@code /var/task} and loads its classes from there
     * (https://docs.aws.amazon.com/lambda/latest/dg/java-package.html).
     */
    boolean extracted;

    /** The jar unpacked into a directory of its own under the work directory (once per run). */
    private Path extract(final Path jar) throws IOException {
        final Path dir = work.resolve("extracted-" + jar.getFileName());
        final Path done = dir.resolve(".unpacked");
        if (Files.exists(done)) {
            return dir;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                final Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException(jar + ": entry outside the directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Files.createFile(done);
        return dir;
    }

    /** When set, child JVMs are pinned to one CPU ({@code taskset -c 0}): a Lambda function with one vCPU or less. */
    boolean oneCpu;

    private Endpoint endpoint() throws IOException {
        if (endpoint == null) {
            endpoint = Endpoint.start(emulatorJar);
            Runtime.getRuntime().addShutdownHook(new Thread(endpoint::close));
        }
        return endpoint;
    }

    void close() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    // ------------------------------------------------------------------ (b) fresh-JVM CREATE

    /** One side's samples of the cold benchmark. */
    static final class Side {
        final List<Double> wall = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> rss = new ArrayList<>();
        final List<Double> construct = new ArrayList<>();
        final List<Double> request = new ArrayList<>();

        void add(final Child c) {
            wall.add(c.wallMs());
            cpu.add(c.cpuMs());
            rss.add(c.rssMb());
            construct.add(c.get("construct_ms"));
            request.add(c.get("request_ms"));
        }
    }

    /**
     * Per java: fresh-JVM CREATE through our Lambda entrypoint (what Lambda loads: {@code ColdStart}, then the
     * wrapper), through our {@code HandlerWrapper} alone (the same jar without the cold-start preparation) and through
     * the baseline, in rotating order, then one class-loading count each.
     */
    Map<String, Side[]> cold(final int rounds, final List<String> javas) throws Exception {
        endpoint();
        final Path ours = write("cold-ours.json", request(OUR_TYPE, "CREATE", stageProperties("cold-ours")));
        final Path base = write("cold-baseline.json", request(BASELINE_TYPE, "CREATE", stageProperties("cold-base")));
        final Map<String, Side[]> all = new LinkedHashMap<>();
        for (String java : javas) {
            final Side o = new Side();
            final Side w = new Side();
            final Side b = new Side();
            // one unmeasured run each: the page cache holds both jars and the JDK
            child(java, handlerJar, List.of(), "create", OUR_ENTRYPOINT, ours.toString());
            child(java, baselineJar, List.of(), "create", BASELINE_WRAPPER, base.toString());
            endpoint.clearCalls();
            for (int i = 0; i < rounds; i++) {
                for (int k = 0; k < 3; k++) {
                    switch ((i + k) % 3) {
                        case 0 -> o.add(checked(child(java, handlerJar, List.of(), "create", OUR_ENTRYPOINT,
                            ours.toString())));
                        case 1 -> w.add(checked(child(java, handlerJar, List.of(), "create", OUR_WRAPPER,
                            ours.toString())));
                        default -> b.add(checked(child(java, baselineJar, List.of(), "create", BASELINE_WRAPPER,
                            base.toString())));
                    }
                }
            }
            final Map<String, Long> calls = endpoint.counts();
            final int[] classesOurs = classCounts(java, handlerJar, OUR_ENTRYPOINT, ours);
            final int[] classesBase = classCounts(java, baselineJar, BASELINE_WRAPPER, base);
            out("%nFresh-JVM Stage CREATE, %d rounds, %s (%s), flags %s, %s%s", rounds, javaVersion(java), java,
                String.join(" ", LAMBDA_FLAGS), (oneCpu ? "pinned to one CPU (taskset -c 0), " : "") + (extracted ? "classes from the jars unpacked into directories, " : ""),
                loadAverage());
            out("| | ours (LambdaEntrypoint) | ours without ColdStart (HandlerWrapper) | baseline | ratio ours/baseline"
                + " (medians) |");
            out("|---|---:|---:|---:|---:|");
            row("wall ms", o.wall, w.wall, b.wall, "%.0f");
            row("CPU ms (user+sys)", o.cpu, w.cpu, b.cpu, "%.0f");
            row("peak RSS MB", o.rss, w.rss, b.rss, "%.1f");
            row("class init + new wrapper ms", o.construct, w.construct, b.construct, "%.0f");
            row("first request ms", o.request, w.request, b.request, "%.0f");
            out("| classes loaded (from the jar / total) | %d / %d | | %d / %d | %.2f |", classesOurs[0],
                classesOurs[1], classesBase[0], classesBase[1], (double) classesOurs[1] / classesBase[1]);
            out("IVS calls made by the %d measured rounds of the three: %s", rounds, calls);
            all.put(java, new Side[] {o, b, w});
        }
        return all;
    }

    // ------------------------------------------------------------------ CPU by thread

    /** The threads of a cold CREATE as {@link #cpuThreads} reports them, in its order. */
    static final List<String> THREAD_GROUPS = List.of("the request's thread", "ColdStart's loading thread",
        "JIT compiler threads", "VM thread (GC pauses)", "other threads");

    /** {@link #cpuThreads}' key for the whole process's CPU ms. */
    private static final String PROCESS_CPU = "process";

    /** Which of {@link #THREAD_GROUPS} a JVM thread of that name belongs to. */
    static String threadGroup(final String thread) {
        if (thread.equals("main") || thread.equals("DestroyJavaVM")) {
            return THREAD_GROUPS.get(0); // the launcher's main thread is renamed DestroyJavaVM when main returns
        }
        if (thread.equals(ColdStart.PRELOAD_THREAD)) {
            return THREAD_GROUPS.get(1);
        }
        if (thread.startsWith("C1 CompilerThre") || thread.startsWith("C2 CompilerThre")) {
            return THREAD_GROUPS.get(2);
        }
        return thread.equals("VM Thread") ? THREAD_GROUPS.get(3) : THREAD_GROUPS.get(4);
    }

    /**
     * Samples per thread group of one profile in async-profiler's collapsed format with {@code threads}: each line is
     * {@code [name tid=N];frame;...;frame COUNT}.
     */
    static Map<String, Double> cpuByThreadGroup(final List<String> collapsed) {
        final Map<String, Double> samples = new LinkedHashMap<>();
        THREAD_GROUPS.forEach(g -> samples.put(g, 0.0));
        for (String line : collapsed) {
            final int space = line.lastIndexOf(' ');
            final int tid = line.indexOf(" tid=");
            if (!line.startsWith("[") || space < 0 || tid < 0) {
                continue;
            }
            samples.merge(threadGroup(line.substring(1, tid)), Double.parseDouble(line.substring(space + 1)),
                Double::sum);
        }
        return samples;
    }

    /** async-profiler's agent for this machine, extracted from its jar on the benchmarks' classpath. */
    private Path asyncProfiler() throws IOException {
        final String arch = System.getProperty("os.arch");
        final String dir = arch.equals("amd64") || arch.equals("x86_64") ? "linux-x64"
            : arch.equals("aarch64") ? "linux-arm64" : null;
        final InputStream in = dir == null || !System.getProperty("os.name").startsWith("Linux") ? null
            : Benchmarks.class.getClassLoader().getResourceAsStream(dir + "/libasyncProfiler.so");
        if (in == null) {
            throw new IllegalStateException("async-profiler has no agent for " + System.getProperty("os.name") + " "
                + arch + " on the classpath (tools.profiler:async-profiler)");
        }
        try (in) {
            final Path agent = Files.createDirectories(work.resolve("async-profiler")).resolve("libasyncProfiler.so");
            Files.copy(in, agent, StandardCopyOption.REPLACE_EXISTING);
            return agent;
        }
    }

    /**
     * Per java: CPU per thread of fresh-JVM CREATEs, ours (the Lambda entrypoint, ColdStart included) and the baseline
     * interleaved, sampled by async-profiler every millisecond of CPU. Returns, per java, each thread group's CPU ms:
     * {ours, baseline}.
     */
    Map<String, Map<String, Stats[]>> cpuThreads(final int rounds, final List<String> javas) throws Exception {
        endpoint();
        final Path agent = asyncProfiler();
        final Path ours = write("cold-ours.json", request(OUR_TYPE, "CREATE", stageProperties("threads-ours")));
        final Path base = write("cold-baseline.json",
            request(BASELINE_TYPE, "CREATE", stageProperties("threads-base")));
        final Map<String, Map<String, Stats[]>> all = new LinkedHashMap<>();
        for (String java : javas) {
            final Map<String, List<Double>> o = new LinkedHashMap<>();
            final Map<String, List<Double>> b = new LinkedHashMap<>();
            // one unmeasured run each: the page cache holds both jars and the JDK
            profiled(java, agent, handlerJar, OUR_ENTRYPOINT, ours, "ours-warm-up");
            profiled(java, agent, baselineJar, BASELINE_WRAPPER, base, "baseline-warm-up");
            for (int i = 0; i < rounds; i++) {
                profiled(java, agent, handlerJar, OUR_ENTRYPOINT, ours, "ours-" + i)
                    .forEach((g, ms) -> o.computeIfAbsent(g, x -> new ArrayList<>()).add(ms));
                profiled(java, agent, baselineJar, BASELINE_WRAPPER, base, "baseline-" + i)
                    .forEach((g, ms) -> b.computeIfAbsent(g, x -> new ArrayList<>()).add(ms));
            }
            out("%nCPU by thread of a fresh-JVM Stage CREATE (async-profiler, a sample per ms of CPU with perf events;"
                + " its timer fallback, where they are not allowed, takes fewer), %d rounds, %s, flags %s, %s", rounds,
                javaVersion(java), String.join(" ", LAMBDA_FLAGS), loadAverage());
            out("| thread | ours (LambdaEntrypoint), CPU ms | baseline, CPU ms |");
            out("|---|---:|---:|");
            final Map<String, Stats[]> groups = new LinkedHashMap<>();
            for (String g : THREAD_GROUPS) {
                final Stats[] pair = {new Stats(o.get(g)), new Stats(b.get(g))};
                groups.put(g, pair);
                out("| %s | %s | %s |", g, pair[0].summary("%.0f"), pair[1].summary("%.0f"));
            }
            out("| all threads | %s | %s |", total(o).summary("%.0f"), total(b).summary("%.0f"));
            out("| the process (`/usr/bin/time`: the above, and the profiler's own start and output) | %s | %s |",
                new Stats(o.get(PROCESS_CPU)).summary("%.0f"), new Stats(b.get(PROCESS_CPU)).summary("%.0f"));
            all.put(java, groups);
        }
        return all;
    }

    /** Each round's sum over the thread groups. */
    private static Stats total(final Map<String, List<Double>> groups) {
        final double[] sums = new double[groups.get(THREAD_GROUPS.get(0)).size()];
        THREAD_GROUPS.forEach(g -> {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += groups.get(g).get(i);
            }
        });
        return new Stats(sums);
    }

    /**
     * One profiled CREATE in a fresh JVM: samples (CPU ms) per thread group, and under {@link #PROCESS_CPU} the
     * process's CPU time (user + system, from {@code /usr/bin/time}), which also counts the profiler's own start and
     * output.
     */
    private Map<String, Double> profiled(final String java, final Path agent, final Path jar, final String wrapper,
                                         final Path request, final String name) throws Exception {
        final Path profile = work.resolve("cpu-threads-" + name + ".txt");
        Files.deleteIfExists(profile);
        final Child c = checked(child(java, jar, List.of("-agentpath:" + agent
            + "=start,event=cpu,interval=1000000,threads,collapsed,file=" + profile), "create", wrapper,
            request.toString()));
        if (!Files.exists(profile)) {
            throw new IllegalStateException("async-profiler wrote no profile to " + profile + ":\n" + c.output());
        }
        final Map<String, Double> ms = cpuByThreadGroup(Files.readAllLines(profile));
        ms.put(PROCESS_CPU, c.cpuMs());
        return ms;
    }

    /**
     * Writes ColdStart's class list to {@code file}: the classes a cold Stage CREATE (through the wrapper alone, so in
     * the order a request first needs them) loads from the handler jar or the JDK's modules (not the CDS archive,
     * whose classes cost next to nothing), on each java; the Stage package's own classes as the type placeholder.
     */
    List<String> preloadList(final Path file, final List<String> javas) throws Exception {
        endpoint();
        final Path request = write("cold-ours.json", request(OUR_TYPE, "CREATE", stageProperties("preload-list")));
        final java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        final String typePackage = OUR_WRAPPER.substring(0, OUR_WRAPPER.lastIndexOf('.') + 1);
        final String jarName = handlerJar.getFileName().toString();
        for (String java : javas) {
            for (String line : classLog(java, handlerJar, OUR_WRAPPER, request)) {
                final int source = line.indexOf(" source: ");
                if (source < 0 || !(line.endsWith(jarName) || line.contains("source: jrt:/"))) {
                    continue;
                }
                final String name = line.substring(line.lastIndexOf(' ', source - 1) + 1, source);
                final boolean ownType = name.startsWith(typePackage) && name.indexOf('.', typePackage.length()) < 0;
                names.add(ownType ? "@TYPE_PACKAGE@." + name.substring(typePackage.length()) : name);
            }
        }
        final List<String> lines = new ArrayList<>();
        lines.add("# ColdStart's class list: the classes a cold Stage CREATE loads from the handler jar or the JDK's");
        lines.add("# modules, in first-use order (" + javas.stream().map(Benchmarks::javaVersion)
            .collect(Collectors.joining(", ")) + "). Made by: mvn -B -q -o -pl benchmarks -am verify -DskipTests"
            + " -Prun-benchmarks -Dbench.args=\"preload-list <file> [JAVA...]\"");
        lines.addAll(names);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.write(file, lines);
        out("%nColdStart class list: %d classes written to %s", names.size(), file);
        return new ArrayList<>(names);
    }

    private static Child checked(final Child c) {
        if (!"true".equals(c.result().get("success"))) {
            throw new IllegalStateException("CREATE did not succeed:\n" + c.output());
        }
        return c;
    }

    private void row(final String name, final List<Double> ours, final List<Double> base, final String format) {
        final Stats o = new Stats(ours);
        final Stats b = new Stats(base);
        out("| %s | %s | %s | %.2f |", name, o.summary(format), b.summary(format), o.median() / b.median());
    }

    private void row(final String name, final List<Double> ours, final List<Double> wrapper, final List<Double> base,
                     final String format) {
        final Stats o = new Stats(ours);
        final Stats b = new Stats(base);
        out("| %s | %s | %s | %s | %.2f |", name, o.summary(format), new Stats(wrapper).summary(format),
            b.summary(format), o.median() / b.median());
    }

    /** {classes from the jar, all classes} loaded by one fresh CREATE ({@code -Xlog:class+load}). */
    private int[] classCounts(final String java, final Path jar, final String wrapper, final Path request)
        throws Exception {
        final List<String> lines = classLog(java, jar, wrapper, request);
        final String jarName = jar.getFileName().toString();
        final int fromJar = (int) lines.stream().filter(l -> l.contains(jarName)).count();
        final int total = (int) lines.stream().filter(l -> l.contains(" source: ")).count();
        return new int[] {fromJar, total};
    }

    /** The {@code -Xlog:class+load} lines of one fresh CREATE. */
    private List<String> classLog(final String java, final Path jar, final String wrapper, final Path request)
        throws Exception {
        final Path log = work.resolve("classes-" + jar.getFileName() + ".log");
        Files.deleteIfExists(log);
        child(java, jar, List.of("-Xlog:class+load=info:file=" + log), "create", wrapper, request.toString());
        return Files.readAllLines(log);
    }

    static String javaVersion(final String java) {
        final Path home = Path.of(java).getParent() == null ? null : Path.of(java).getParent().getParent();
        try {
            final Path release = home == null ? null : home.resolve("release");
            if (release != null && Files.exists(release)) {
                return Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> "Java " + l.substring(13).replace("\"", "")).findFirst().orElse("Java ?");
            }
        } catch (IOException e) {
            // fall through
        }
        return "Java ?";
    }

    /** Where a cold CREATE's time goes: {@link PhaseProbe} in {@code rounds} fresh JVMs with our jar; medians. */
    Map<String, Stats> phases(final int rounds, final List<String> javas) throws Exception {
        endpoint();
        final Map<String, Stats> result = new LinkedHashMap<>();
        for (String java : javas) {
            final Map<String, List<Double>> samples = new LinkedHashMap<>();
            for (int i = 0; i < rounds; i++) {
                final Child c = child(java, handlerJar, List.of(), "probe");
                c.result().forEach((k, v) -> samples.computeIfAbsent(k, x -> new ArrayList<>()).add(Double.parseDouble(v)));
            }
            out("%nCold-start phases, each the first time in a fresh JVM (PhaseProbe, %d runs, %s, flags %s, %s)", rounds,
                javaVersion(java), String.join(" ", LAMBDA_FLAGS), loadAverage());
            out("| phase | ms, median (min–max) |");
            out("|---|---:|");
            samples.forEach((k, v) -> {
                final Stats s = new Stats(v);
                result.put(k, s);
                out("| %s | %s |", k, s.summary("%.0f"));
            });
        }
        return result;
    }

    // ------------------------------------------------------------------ (c) warm READs

    /** N READs of one stage in one JVM per jar; handler time minus the same GetStage made directly with the SDK. */
    Map<String, Stats> warm(final int n) throws Exception {
        endpoint();
        final String arn;
        try (var client = endpoint.client()) {
            arn = client.createStage(r -> r.name("warm").tags(Map.of("team", "bench"))).stage().arn();
        }
        final ObjectNode identifier = JSON.createObjectNode().put("Arn", arn);
        final Path ours = write("warm-ours.json", request(OUR_TYPE, "READ", identifier));
        final Path base = write("warm-baseline.json", request(BASELINE_TYPE, "READ", identifier));
        final Map<String, Stats> stats = new LinkedHashMap<>();
        final String java = Endpoint.javaBinary();
        endpoint.clearCalls();
        final Child o = child(java, handlerJar, List.of(), "repeat", OUR_WRAPPER, ours.toString(), Integer.toString(n));
        final Map<String, Long> oursCalls = endpoint.counts();
        endpoint.clearCalls();
        final Child b = child(java, baselineJar, List.of(), "repeat", BASELINE_WRAPPER, base.toString(),
            Integer.toString(n));
        final Map<String, Long> baseCalls = endpoint.counts();
        final Child d = child(java, handlerJar, List.of(), "direct", arn, ours.toString(), Integer.toString(n));
        stats.put("ours", nanos(o, n));
        stats.put("baseline", nanos(b, n));
        stats.put("direct", nanos(d, n));
        out("%n%d warm READs in one JVM (one wrapper), %s, flags %s, %s", n, System.getProperty("java.version"),
            String.join(" ", LAMBDA_FLAGS), loadAverage());
        out("| ms per READ | p50 | p99 | minus the direct GetStage p50 / p99 | peak RSS MB | IVS calls |");
        out("|---|---:|---:|---:|---:|---|");
        final Stats direct = stats.get("direct");
        for (String side : List.of("ours", "baseline")) {
            final Stats s = stats.get(side);
            final Child c = side.equals("ours") ? o : b;
            out("| %s | %.2f | %.2f | %.2f / %.2f | %.0f | %s |", side, s.percentile(50), s.percentile(99),
                s.percentile(50) - direct.percentile(50), s.percentile(99) - direct.percentile(99), c.rssMb(),
                side.equals("ours") ? oursCalls : baseCalls);
        }
        out("| the GetStage alone (SDK client, url-connection, same JVM flags) | %.2f | %.2f | | %.0f | |",
            direct.percentile(50), direct.percentile(99), d.rssMb());
        if (!Integer.toString(n).equals(o.result().get("ok")) || !Integer.toString(n).equals(b.result().get("ok"))) {
            throw new IllegalStateException("not every READ succeeded: ours " + o.result().get("ok") + ", baseline "
                + b.result().get("ok"));
        }
        return stats;
    }

    private static Stats nanos(final Child c, final int n) {
        final double[] ms = Arrays.stream(c.result().get("nanos").split(",")).mapToDouble(s -> Long.parseLong(s) / 1e6)
            .toArray();
        if (ms.length != n) {
            throw new IllegalStateException("expected " + n + " timings, got " + ms.length);
        }
        return new Stats(ms);
    }

    // ------------------------------------------------------------------ (d) LIST of N

    /** LIST of {@code n} stages through our jar, page after page in one JVM: calls, time, peak memory. */
    Child list(final int n) throws Exception {
        endpoint();
        endpoint.reset();
        final long t = System.nanoTime();
        endpoint.seedStages(n);
        System.out.printf("seeded %d stages in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
        endpoint.clearCalls();
        final Path ours = write("list-ours.json", request(OUR_TYPE, "LIST", JSON.createObjectNode()));
        final Child c = child(Endpoint.javaBinary(), handlerJar, List.of(), "list", OUR_WRAPPER, ours.toString());
        final Map<String, Long> calls = endpoint.counts();
        out("%nLIST of %d stages through our jar (one JVM, pages followed by nextToken), %s, %s", n,
            System.getProperty("java.version"), loadAverage());
        out("| pages (handler invocations) | models | IVS calls | LIST time | whole JVM wall | peak RSS | heap used at the end |");
        out("|---:|---:|---|---:|---:|---:|---:|");
        out("| %s | %s | %s | %s ms | %.0f ms | %.0f MB | %s MB |", c.result().get("pages"), c.result().get("models"),
            calls, c.result().get("list_ms"), c.wallMs(), c.rssMb(), c.result().get("heap_used_mb"));
        if (Integer.parseInt(c.result().get("models")) != n) {
            throw new IllegalStateException("LIST returned " + c.result().get("models") + " models, expected " + n);
        }
        endpoint.reset();
        return c;
    }

    // ------------------------------------------------------------------ JMH

    /**
     * The JMH micro-benchmarks ({@link SchemaValidationJmh}): {@code forks} JVMs (0 runs them in this JVM, for the
     * test), {@code iterations} warm-up and measured iterations of {@code millis} ms each.
     */
    java.util.Collection<org.openjdk.jmh.results.RunResult> jmh(final int forks, final int iterations, final int millis)
        throws Exception {
        final org.openjdk.jmh.runner.options.TimeValue time = org.openjdk.jmh.runner.options.TimeValue.milliseconds(millis);
        final var options = new org.openjdk.jmh.runner.options.OptionsBuilder()
            .include(SchemaValidationJmh.class.getName())
            .forks(forks).warmupIterations(iterations).warmupTime(time)
            .measurementIterations(iterations).measurementTime(time)
            .jvmArgsAppend("-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp-jmh")))
            .build();
        final var results = new org.openjdk.jmh.runner.Runner(options).run();
        out("%nJMH (%d fork(s), %d warm-up + %d measured iterations of %d ms), %s, %s", forks, iterations, iterations,
            millis, System.getProperty("java.version"), loadAverage());
        out("| benchmark | µs per call | error (99.9 %%) |");
        out("|---|---:|---:|");
        for (var r : results) {
            final var p = r.getPrimaryResult();
            out("| %s | %.2f | ± %.2f |", r.getParams().getBenchmark().replace(SchemaValidationJmh.class.getName() + ".", ""),
                p.getScore(), p.getScoreError());
        }
        return results;
    }

    // ------------------------------------------------------------------ CDK synth

    /**
     * CDK synth through the L2s, through the floor and with raw CfnResource, rotating in this JVM, then the jsii
     * messages per stage of each ({@link SynthBenchmark}); per size the medians in ms: L2, raw, floor.
     */
    Map<Integer, double[]> synth(final List<Integer> sizes, final int rounds) throws IOException {
        final StringBuilder text = new StringBuilder();
        final Map<Integer, double[]> result = new SynthBenchmark(work.resolve("cdk")).run(sizes, rounds, text);
        report.append(text);
        return result;
    }

    /** Only the jsii messages per stage of the three ways ({@link SynthBenchmark#messages}). */
    Map<SynthBenchmark.Variant, double[]> synthMessages() throws IOException {
        final StringBuilder text = new StringBuilder();
        final SynthBenchmark synth = new SynthBenchmark(work.resolve("cdk"));
        synth.synth(SynthBenchmark.Variant.RAW, 1);
        final Map<SynthBenchmark.Variant, double[]> result = synth.messages(text);
        report.append(text);
        return result;
    }

    // ------------------------------------------------------------------ (e) IVS calls per action

    /**
     * For every type: the IVS calls each action makes (endpoint's call log), in one JVM with an embedded endpoint,
     * through {@code LocalInvoker} (HandlerWrapper.handleRequest) with the type's contract inputs.
     */
    Map<String, Map<String, Map<String, Long>>> calls() throws Exception {
        final Map<String, Map<String, Map<String, Long>>> all = new LinkedHashMap<>();
        final String property = "aws.endpointUrlIvsRealTime";
        final String before = System.getProperty(property);
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.start()) {
            System.setProperty(property, emulator.endpoint().toString());
            out("%nIVS calls per action (from the endpoint's call log)");
            out("| type | CREATE | READ | UPDATE (tags change) | UPDATE (no change) | DELETE | LIST (1) |");
            out("|---|---|---|---|---|---|---|");
            for (ResourceType type : ResourceType.values()) {
                final LocalInvoker invoker = LocalInvoker.forType(type);
                final Map<String, Map<String, Long>> byAction = new LinkedHashMap<>();
                final ObjectNode create = input(type, "create");
                emulator.reset();
                final HandlerResponse created = invoker.invoke(req("CREATE", type)
                    .properties(create));
                byAction.put("CREATE", counted(emulator, created));
                final String arn = created.model().path("Arn").asText();
                final ObjectNode id = JSON.createObjectNode().put("Arn", arn);
                emulator.calls().clear();
                byAction.put("READ", counted(emulator, invoker.invoke(req("READ", type)
                    .properties(id))));
                final ObjectNode update = input(type, "update").put("Arn", arn);
                for (String f : List.of("PublicKeyMaterial", "StageArn")) {
                    if (create.has(f) && !update.has(f)) {
                        update.set(f, create.get(f));
                    }
                }
                emulator.calls().clear();
                final HandlerResponse updated = invoker.invoke(req("UPDATE", type)
                    .properties(update).previousProperties(created.model()));
                byAction.put("UPDATE (tags change)", counted(emulator, updated));
                emulator.calls().clear();
                byAction.put("UPDATE (no change)", counted(emulator, invoker.invoke(req("UPDATE", type).properties(updated.model()).previousProperties(updated.model()))));
                emulator.calls().clear();
                byAction.put("DELETE", counted(emulator, invoker.invoke(req("DELETE", type)
                    .properties(id))));
                invoker.invoke(req("CREATE", type).properties(create));
                emulator.calls().clear();
                byAction.put("LIST (1)", counted(emulator, invoker.invoke(req("LIST", type)
                    .properties(JSON.createObjectNode()))));
                all.put(type.typeName(), byAction);
                out("| %s | %s |", type.simpleName(), byAction.values().stream().map(Benchmarks::calls)
                    .collect(Collectors.joining(" | ")));
            }
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
        return all;
    }

    private static HandlerRequest req(final String action, final ResourceType type) {
        return HandlerRequest.of(action, type.typeName())
            .callerCredentials(Endpoint.ACCESS_KEY_ID, Endpoint.SECRET_ACCESS_KEY, "bench-session-token");
    }

    private static Map<String, Long> counted(final IvsRealTimeEmulator emulator, final HandlerResponse response) {
        if (!response.succeeded()) {
            throw new IllegalStateException("the action failed: " + response);
        }
        return new TreeMap<>(emulator.calls().counts());
    }

    private static String calls(final Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
            .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " ×" + e.getValue())
            .collect(Collectors.joining(", "));
    }

    private static ObjectNode input(final ResourceType type, final String kind) throws IOException {
        final String resource = "/community/ivsrealtime/registry/package/" + type.lowerName() + "/inputs/inputs_1_"
            + kind + ".json";
        try (InputStream in = ResourceType.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
