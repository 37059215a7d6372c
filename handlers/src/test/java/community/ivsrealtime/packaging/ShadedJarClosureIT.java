package community.ivsrealtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.registry.ResourceType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar leaves out what the handlers never use (the plugin's hook and scheduler dependencies: see the shade
 * excludes in handlers/pom.xml). Proof that nothing needed went with them: every class reachable from a type's
 * HandlerWrapper through the class references jdeps finds in the jar is in the jar, except annotations and optional
 * parts that were never in it (the SDK's CRT signer, javax.annotation, Error Prone, Joda Convert, JAXB, Lombok).
 * {@link ShadedJarSmokeIT} and the contract suite prove the same by running the handlers.
 */
class ShadedJarClosureIT {

    private static final List<String> NEVER_SHIPPED = List.of("javax.annotation.", "com.google.errorprone.",
        "org.joda.convert.", "software.amazon.awssdk.crt.", "software.amazon.awssdk.crtcore.", "javax.xml.bind.", "lombok.");
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+(.*)$");

    @Test
    void everyClassReachableFromAWrapperIsInTheJar() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:class",
            "-filter:none", "--multi-release", "17", TypePackagesIT.shadedJar().toString());
        assertThat(exit).as("jdeps exit code").isZero();

        Map<String, Set<String>> references = new HashMap<>();
        Map<String, Set<String>> missing = new HashMap<>();
        out.toString().lines().map(EDGE::matcher).filter(Matcher::matches).forEach(m -> {
            String where = m.group(3).trim();
            if (where.equals("not found")) {
                missing.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
            } else if (!where.startsWith("java.") && !where.startsWith("jdk.")) {
                references.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
            }
        });

        Set<String> reachable = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (ResourceType type : ResourceType.values()) {
            String wrapper = type.packageName() + ".HandlerWrapper";
            assertThat(references).as("jdeps saw %s", wrapper).containsKey(wrapper);
            todo.add(wrapper);
        }
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (reachable.add(c)) {
                todo.addAll(references.getOrDefault(c, Set.of()));
            }
        }
        Set<String> broken = new TreeSet<>();
        for (String c : reachable) {
            for (String target : missing.getOrDefault(c, Set.of())) {
                if (NEVER_SHIPPED.stream().noneMatch(target::startsWith)) {
                    broken.add(c + " -> " + target);
                }
            }
        }
        assertThat(reachable.size()).as("classes reachable from the wrappers").isGreaterThan(5_000);
        assertThat(broken).as("references from reachable classes to classes the jar lacks").isEmpty();
    }
}
