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
 * What makes the handlers' {@code ColdStart} safe and useful, checked in fresh JVMs on the shaded jar:
 * <ul>
 *   <li>its two initializing parts touch disjoint libraries, class by class ({@code -Xlog:class+init}), so running
 *       them at once cannot deadlock on a class one of them is initializing;</li>
 *   <li>its class list is current: what a cold CREATE loads from the jar today is on it, and what is on it still
 *       exists and is still loaded.</li>
 * </ul>
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

    /**
     * The JDK's classes, this harness's (the child's main class) and ColdStart itself (initialized by the calling
     * thread before it starts the others).
     */
    private static boolean jdk(final String name) {
        return name.startsWith("community.ivsrealtime.bench.") || name.startsWith("community.ivsrealtime.common.ColdStart")
            || name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
            || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    private static boolean startsWithAny(final String name, final String... prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theTwoInitializingPartsInitializeDisjointLibraries() throws Exception {
        final Set<String> main = bench.coldStartPartInitializes("warm-main").stream()
            .filter(n -> !jdk(n)).collect(Collectors.toCollection(HashSet::new));
        final Set<String> plugin = bench.coldStartPartInitializes("warm-plugin").stream()
            .filter(n -> !jdk(n)).collect(Collectors.toCollection(HashSet::new));
        // each part did its work (so the checks below are not vacuous)
        assertThat(main).contains("software.amazon.cloudformation.resource.Serializer",
            "com.fasterxml.jackson.databind.ObjectMapper", "org.everit.json.schema.loader.SchemaLoader",
            "community.ivsrealtime.stage.ResourceModel");
        assertThat(plugin).contains("software.amazon.cloudformation.AbstractWrapper",
            "software.amazon.awssdk.http.apache.ApacheHttpClient");
        // the calling thread never initializes the SDK, Apache or the wrapper classes; the plugin's thread never
        // initializes Jackson, everit or org.json
        assertThat(main).noneMatch(n -> startsWithAny(n, "software.amazon.awssdk.", "org.apache.",
            "software.amazon.cloudformation.AbstractWrapper", "software.amazon.cloudformation.LambdaWrapper",
            "community.ivsrealtime.common.IvsHandlerWrapper", "community.ivsrealtime.stage.HandlerWrapper"));
        assertThat(plugin).noneMatch(n -> startsWithAny(n, "com.fasterxml.", "org.everit.", "org.json.",
            "community.ivsrealtime."));
        final Set<String> both = new HashSet<>(main);
        both.retainAll(plugin);
        // what prepare() initializes before it starts the other threads is shared by design
        both.removeAll(coldStartInitializesFirst());
        assertThat(both).as("classes outside the JDK that both parts initialize").isEmpty();
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

    /** ColdStart.INITIALIZED_FIRST, read from the shaded jar in a class loader of its own. */
    private static Set<String> coldStartInitializesFirst() throws Exception {
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
                new java.net.URL[] {bench.handlerJar.toUri().toURL()}, null)) {
            final Object list = loader.loadClass("community.ivsrealtime.common.ColdStart")
                .getField("INITIALIZED_FIRST").get(null);
            return ((List<?>) list).stream().map(c -> ((Class<?>) c).getName()).collect(Collectors.toSet());
        }
    }

    /** The names outside the JDK (the JDK's differ between versions). */
    private static Set<String> libraries(final List<String> names) {
        return names.stream().filter(n -> !jdk(n)).collect(Collectors.toSet());
    }
}
