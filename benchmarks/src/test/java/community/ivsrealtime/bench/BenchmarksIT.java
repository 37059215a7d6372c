package community.ivsrealtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that the benchmark code runs, with tiny counts: no timing is asserted (figures live in BENCHMARKS.md),
 * only that each benchmark did what it measures (the CREATEs succeeded, the READs and LIST made the calls expected).
 */
class BenchmarksIT {

    private static Benchmarks bench;

    @BeforeAll
    static void create() {
        bench = new Benchmarks();
    }

    @AfterAll
    static void close() {
        bench.close();
    }

    @Test
    void freshJvmCreateRunsBothJarsWithLambdasFlags() throws Exception {
        Map<String, Benchmarks.Side[]> result = bench.cold(1, List.of(Endpoint.javaBinary()));
        Benchmarks.Side[] sides = result.values().iterator().next();
        for (Benchmarks.Side side : sides) {
            assertThat(side.wall).hasSize(1);
            assertThat(side.request.get(0)).isPositive();
        }
        assertThat(bench.report()).contains("Fresh-JVM Stage CREATE").contains("CreateStage");
    }

    @Test
    void freshJvmCreateRunsFromTheJarsUnpackedAsLambdaDoes() throws Exception {
        Benchmarks unpacked = new Benchmarks();
        try {
            unpacked.extracted = true;
            Benchmarks.Side[] sides = unpacked.cold(1, List.of(Endpoint.javaBinary())).values().iterator().next();
            for (Benchmarks.Side side : sides) {
                assertThat(side.request.get(0)).isPositive();
            }
            // the classes came from the unpacked directories: the class log names them, and counts them as the jar's
            assertThat(unpacked.report()).contains("classes from the jars unpacked into directories")
                .containsPattern("classes loaded \\(from the jar / total\\) \\| [1-9][0-9]{2,} /");
        } finally {
            unpacked.close();
        }
    }

    @Test
    void phasesAreTimedInAFreshJvm() throws Exception {
        Map<String, Stats> phases = bench.phases(1, List.of(Endpoint.javaBinary()));
        assertThat(phases).containsKeys("plugin_static_init_apache_client_tls", "sdk_first_call_create_stage");
    }

    @Test
    void cpuIsSampledPerThreadOfBothJars() throws Exception {
        Map<String, Stats[]> groups = bench.cpuThreads(1, List.of(Endpoint.javaBinary())).values().iterator().next();
        assertThat(groups).containsOnlyKeys(Benchmarks.THREAD_GROUPS);
        Stats[] request = groups.get("the request's thread");
        assertThat(request[0].median()).as("ours").isPositive();
        assertThat(request[1].median()).as("baseline").isPositive();
        Stats[] loading = groups.get("ColdStart's loading thread");
        assertThat(loading[0].median()).as("ours loads classes on a second thread").isPositive();
        assertThat(loading[1].median()).as("the baseline has no such thread").isZero();
        assertThat(bench.report()).contains("CPU by thread of a fresh-JVM Stage CREATE");
    }

    @Test
    void collapsedProfilesAreSummedPerThreadGroup() {
        Map<String, Double> ms = Benchmarks.cpuByThreadGroup(List.of(
            "[DestroyJavaVM tid=11];Main.main;Foo.bar 7",
            "[main tid=11];Main.main 2",
            "[ivsrt-cold-start-classes tid=12];Loader.run 5",
            "[C1 CompilerThre tid=13];Compile 3",
            "[C1 CompilerThre tid=14];Compile 4",
            "[VM Thread tid=15];GC 6",
            "[Service Thread tid=16];x 1",
            "not a sample line"));
        assertThat(ms).containsExactly(
            Map.entry("the request's thread", 9.0), Map.entry("ColdStart's loading thread", 5.0),
            Map.entry("JIT compiler threads", 7.0), Map.entry("VM thread (GC pauses)", 6.0),
            Map.entry("other threads", 1.0));
    }

    @Test
    void warmReadsMeasureEveryCall() throws Exception {
        Map<String, Stats> stats = bench.warm(5);
        assertThat(stats.get("ours").n()).isEqualTo(5);
        assertThat(stats.get("baseline").n()).isEqualTo(5);
        assertThat(bench.report()).contains("GetStage=5");
    }

    @Test
    void listFollowsEveryPage() throws Exception {
        Benchmarks.Child c = bench.list(150);
        assertThat(c.result().get("pages")).isEqualTo("2");
        assertThat(bench.report()).contains("ListStages=2");
    }

    @Test
    void synthWritesTheSameTemplateAllThreeWays() throws Exception {
        // run() fails unless the L2, floor and raw templates are equal up to logical IDs
        Map<Integer, double[]> result = bench.synth(List.of(1), 1);
        assertThat(result).containsKey(1);
        assertThat(bench.report()).contains("| 1 |").contains("| 5 |");
    }

    @Test
    void templatesThatDifferOutsideLogicalIdsAreRefused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode raw = SynthBenchmark.normalized(json.readTree(
            "{\"Resources\":{\"Stage0\":{\"Type\":\"T\",\"DeletionPolicy\":\"Retain\"},"
                + "\"In\":{\"Type\":\"U\",\"Properties\":{\"StageArn\":{\"Fn::GetAtt\":[\"Stage0\",\"Arn\"]}}}}}"));
        JsonNode sameButIds = SynthBenchmark.normalized(json.readTree(
            "{\"Resources\":{\"Stage0ABC\":{\"DeletionPolicy\":\"Retain\",\"Type\":\"T\"},"
                + "\"InDEF\":{\"Type\":\"U\",\"Properties\":{\"StageArn\":{\"Fn::GetAtt\":[\"Stage0ABC\",\"Arn\"]}}}}}"));
        JsonNode noPolicy = SynthBenchmark.normalized(json.readTree(
            "{\"Resources\":{\"Stage0\":{\"Type\":\"T\"},"
                + "\"In\":{\"Type\":\"U\",\"Properties\":{\"StageArn\":{\"Fn::GetAtt\":[\"Stage0\",\"Arn\"]}}}}}"));
        SynthBenchmark.Synth rawSynth = new SynthBenchmark.Synth(1, 1, 1, Map.of(), List.of(raw));
        SynthBenchmark.requireSameTemplates(new SynthBenchmark.Synth(1, 1, 1, Map.of(), List.of(sameButIds)), rawSynth, "L2");
        assertThatThrownBy(() -> SynthBenchmark.requireSameTemplates(
            new SynthBenchmark.Synth(1, 1, 1, Map.of(), List.of(noPolicy)), rawSynth, "L2"))
            .hasMessageContaining("the L2 template of stack 0 differs").hasMessageContaining("R0");
    }

    @Test
    void defaultNamesAreTheL2s() {
        // what Names.uniqueResourceName gave the L2s' storage and ingest configurations in a synth (Bench0/Storage)
        assertThat(SynthBenchmark.defaultName("Bench0", "Storage")).isEqualTo("Bench0Storage0D15D67A");
        assertThat(SynthBenchmark.defaultName("Bench0", "Stage0", "Ingest")).isEqualTo("Bench0Stage0IngestE8D6BFBC");
    }

    @Test
    void theL2sMakeNoCallbacksIntoJavaAtSynth() throws Exception {
        Map<SynthBenchmark.Variant, double[]> perStage = bench.synthMessages();
        // [0] messages per stage, [1] callbacks per stage: raw CfnResource is two creates, two getAtt, two
        // applyRemovalPolicy, one naming
        assertThat(perStage.get(SynthBenchmark.Variant.RAW)[0]).isEqualTo(7.0);
        assertThat(perStage.get(SynthBenchmark.Variant.L2)[1]).isZero();
        // the L2s make no more messages per stage than raw CfnResource (their two Resource objects are paid for by
        // the ARNs made in Java), fewer than the thinnest Java L2 (the floor)
        assertThat(perStage.get(SynthBenchmark.Variant.L2)[0]).isLessThanOrEqualTo(perStage.get(SynthBenchmark.Variant.RAW)[0]);
        assertThat(perStage.get(SynthBenchmark.Variant.L2)[0]).isLessThan(perStage.get(SynthBenchmark.Variant.FLOOR)[0]);
        assertThat(bench.report()).contains("| floor |").contains("L2, once per app");
    }

    @Test
    void jmhMicroBenchmarksRunInThisJvm() throws Exception {
        assertThat(bench.jmh(0, 1, 20)).hasSize(3);
    }

    @Test
    void callsPerActionCoverEveryType() throws Exception {
        Map<String, Map<String, Map<String, Long>>> calls = bench.calls();
        assertThat(calls).hasSize(5);
        assertThat(calls.get("Community::IVSRealTime::Stage").get("CREATE")).containsEntry("CreateStage", 1L);
        assertThat(calls.get("Community::IVSRealTime::Stage").get("READ")).containsEntry("GetStage", 1L);
    }
}
