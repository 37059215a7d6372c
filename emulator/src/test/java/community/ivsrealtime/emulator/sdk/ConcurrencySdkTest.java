package community.ivsrealtime.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;

/** Many SDK clients creating, listing (paginated), tagging and deleting at once lose and duplicate nothing. */
class ConcurrencySdkTest extends SdkTestBase {
    private static final int THREADS = 8;
    private static final int ROUNDS = 200;

    @Test
    void concurrentCreateListTagDelete() throws Exception {
        String shared = ivs.createStage(r -> r.name("shared")).stage().arn();
        Set<String> expected = ConcurrentHashMap.newKeySet();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        int round = i;
                        String arn = ivs.createStage(r -> r.name("t" + thread + "-" + round)
                                .tags(Map.of("thread", "t" + thread))).stage().arn();
                        ivs.tagResource(r -> r.resourceArn(arn).tags(Map.of("round", Integer.toString(round))));
                        if (round % 2 == 1) {
                            ivs.deleteStage(r -> r.arn(arn));
                            deleted.add(arn);
                        } else {
                            expected.add(arn);
                        }
                        if (round < 6) {
                            ivs.tagResource(r -> r.resourceArn(shared).tags(Map.of("k" + thread + "-" + round, "v")));
                        }
                        if (round % 50 == 0) {
                            List<String> seen = new ArrayList<>();
                            ivs.listStagesPaginator(r -> r.maxResults(20)).forEach(p -> p.stages().forEach(s -> seen.add(s.arn())));
                            assertThat(seen).doesNotHaveDuplicates();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(expected).hasSize(THREADS * ROUNDS / 2);
        assertThat(deleted).hasSize(THREADS * ROUNDS / 2);
        List<StageSummary> all = new ArrayList<>();
        ivs.listStagesPaginator(r -> r.maxResults(100)).forEach(p -> all.addAll(p.stages()));
        List<String> arns = all.stream().map(StageSummary::arn).toList();
        assertThat(arns).doesNotHaveDuplicates();
        Set<String> want = new HashSet<>(expected);
        want.add(shared);
        assertThat(new HashSet<>(arns)).isEqualTo(want);
        Map<String, Integer> perThread = new HashMap<>();
        for (StageSummary s : all) {
            if (s.arn().equals(shared)) {
                continue;
            }
            String thread = s.tags().get("thread");
            assertThat(s.name()).startsWith(thread + "-");
            assertThat(s.name()).endsWith("-" + s.tags().get("round"));
            perThread.merge(thread, 1, Integer::sum);
        }
        assertThat(perThread).hasSize(THREADS).allSatisfy((k, v) -> assertThat(v).isEqualTo(ROUNDS / 2));
        assertThat(ivs.listTagsForResource(r -> r.resourceArn(shared)).tags()).hasSize(THREADS * 6);
        for (String arn : deleted) {
            assertThat(arns).doesNotContain(arn);
        }
    }
}
