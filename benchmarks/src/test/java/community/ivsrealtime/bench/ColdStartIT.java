package community.ivsrealtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What keeps the handlers' {@code ColdStart} useful, checked in fresh JVMs on the shaded jar: its class list is
 * current (what a cold CREATE loads from the jar today is on it, and what is on it is still loaded), and its loading
 * thread loads the list.
 */
class ColdStartIT {

    private static Benchmarks bench;

    @BeforeAll
    static void create() {
        bench = new Benchmarks();
    }

    @AfterAll
    static void close() {
        bench.close();
    }

    private static boolean jdk(final String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
            || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    @Test
    void theClassListIsCurrent() throws Exception {
        final Path fresh = bench.work.resolve("cold-start-classes.txt");
        final Set<String> now = libraries(bench.preloadList(fresh, List.of(Endpoint.javaBinary())));
        final Set<String> listed;
        try (ZipFile jar = new ZipFile(bench.handlerJar.toFile());
             InputStream in = jar.getInputStream(jar.getEntry("community/ivsrealtime/common/cold-start-classes.txt"))) {
            listed = libraries(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        }
        final Set<String> missing = new HashSet<>(now);
        missing.removeAll(listed);
        final Set<String> stale = new HashSet<>(listed);
        stale.removeAll(now);
        final String regenerate = "regenerate it: mvn -B -q -o -pl benchmarks -am verify -DskipTests -Prun-benchmarks"
            + " -Dbench.args=\"preload-list handlers/src/main/resources/community/ivsrealtime/common/"
            + "cold-start-classes.txt /usr/lib/jvm/java-17-openjdk-amd64/bin/java"
            + " /usr/lib/jvm/temurin-25-jdk-amd64/bin/java\"";
        assertThat(missing.size()).as("classes a cold CREATE loads that the list lacks: %s; %s",
            missing.stream().limit(20).toList(), regenerate).isLessThanOrEqualTo(now.size() / 20);
        assertThat(stale.size()).as("listed classes a cold CREATE no longer loads: %s; %s",
            stale.stream().limit(20).toList(), regenerate).isLessThanOrEqualTo(listed.size() / 20);
        assertThat(Files.size(fresh)).isPositive();
    }

    @Test
    void theClassLoadingPartLoadsTheListInAFreshJvm() throws Exception {
        final Benchmarks.Child child = bench.child(Endpoint.javaBinary(), bench.handlerJar, List.of(), "preload",
            Benchmarks.OUR_WRAPPER);
        assertThat(Integer.parseInt(child.result().get("loaded"))).isGreaterThan(2_000);
    }

    /** The names outside the JDK (the JDK's differ between versions). */
    private static Set<String> libraries(final List<String> names) {
        return names.stream().filter(n -> !jdk(n)).collect(Collectors.toSet());
    }
}
