package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import community.ivsrealtime.local.HandlerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stack to deploy: its name, template, stack-level tags, and the stacks it depends on. Read either from one
 * template file or from a CDK cloud assembly directory ({@code cdk.out}): every artifact of type
 * {@code aws:cloudformation:stack} in its {@code manifest.json} (nested assemblies included), in dependency
 * order (the cloud assembly schema:
 * https://github.com/aws/aws-cdk-cli/tree/main/packages/@aws-cdk/cloud-assembly-schema).
 *
 * @param name         the stack's name (CloudFormation's stack name)
 * @param template     its template
 * @param tags         stack-level tags (CDK's {@code Tags.of(stack)}: the manifest's {@code properties.tags})
 * @param dependencies the names of the stacks deployed before it
 */
public record StackSource(String name, Template template, Map<String, String> tags, List<String> dependencies) {

    /**
     * The stacks of {@code path}: a template file (one stack named {@code stackName}, or the file's name without
     * extension) or a cloud assembly directory (its stacks; {@code stackName} then selects one, with the stacks it
     * depends on).
     */
    public static List<StackSource> load(final Path path, final String stackName) throws IOException {
        if (Files.isDirectory(path)) {
            final Path manifest = path.resolve("manifest.json");
            if (!Files.isRegularFile(manifest)) {
                throw new IOException(path + " is a directory without manifest.json: not a CDK cloud assembly "
                    + "(cdk.out)");
            }
            final Map<String, StackSource> byArtifact = new LinkedHashMap<>();
            final Map<String, List<String>> artifactDependencies = new LinkedHashMap<>();
            readAssembly(path, byArtifact, artifactDependencies);
            final List<StackSource> ordered = order(byArtifact, artifactDependencies);
            if (ordered.isEmpty()) {
                throw new IOException(manifest + " has no stack (no artifact of type aws:cloudformation:stack)");
            }
            return stackName == null ? ordered : select(ordered, stackName, manifest);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such template file or cloud assembly directory");
        }
        final String file = path.getFileName().toString();
        final String name = stackName != null ? stackName
            : file.replaceFirst("(\\.template)?\\.json$", "").replaceAll("[^a-zA-Z0-9-]", "-");
        return List.of(new StackSource(name, Template.read(path), Map.of(), List.of()));
    }

    private static void readAssembly(final Path dir, final Map<String, StackSource> stacks,
                                     final Map<String, List<String>> dependencies) throws IOException {
        final JsonNode manifest = HandlerRequest.JSON.readTree(Files.readAllBytes(dir.resolve("manifest.json")));
        final var artifacts = manifest.path("artifacts").fields();
        while (artifacts.hasNext()) {
            final var artifact = artifacts.next();
            final JsonNode value = artifact.getValue();
            final String type = value.path("type").asText();
            if ("cdk:cloud-assembly".equals(type)) {
                readAssembly(dir.resolve(value.path("properties").path("directoryName").asText()), stacks,
                    dependencies);
            } else if ("aws:cloudformation:stack".equals(type)) {
                final JsonNode properties = value.path("properties");
                final String name = properties.path("stackName").asText(artifact.getKey());
                final Map<String, String> tags = new TreeMap<>();
                properties.path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
                final List<String> deps = new ArrayList<>();
                value.path("dependencies").forEach(d -> deps.add(d.asText()));
                dependencies.put(artifact.getKey(), deps);
                stacks.put(artifact.getKey(), new StackSource(name,
                    Template.read(dir.resolve(properties.path("templateFile").asText())), tags, List.of()));
            }
        }
    }

    /** The stacks in dependency order (template order otherwise), each with the names of the stacks it needs. */
    private static List<StackSource> order(final Map<String, StackSource> stacks,
                                           final Map<String, List<String>> dependencies) throws IOException {
        final List<StackSource> ordered = new ArrayList<>();
        final Set<String> done = new LinkedHashSet<>();
        final Set<String> visiting = new LinkedHashSet<>();
        for (final String id : stacks.keySet()) {
            visit(id, stacks, dependencies, done, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(final String id, final Map<String, StackSource> stacks,
                              final Map<String, List<String>> dependencies, final Set<String> done,
                              final Set<String> visiting, final List<StackSource> ordered) throws IOException {
        if (done.contains(id) || !stacks.containsKey(id)) {
            return; // asset manifests and other artifacts are not stacks
        }
        if (!visiting.add(id)) {
            throw new IOException("the cloud assembly's stacks depend on each other in a cycle: " + visiting);
        }
        final List<String> needed = new ArrayList<>();
        for (final String dependency : dependencies.getOrDefault(id, List.of())) {
            visit(dependency, stacks, dependencies, done, visiting, ordered);
            if (stacks.containsKey(dependency)) {
                needed.add(stacks.get(dependency).name());
            }
        }
        visiting.remove(id);
        done.add(id);
        final StackSource stack = stacks.get(id);
        ordered.add(new StackSource(stack.name(), stack.template(), stack.tags(), needed));
    }

    private static List<StackSource> select(final List<StackSource> ordered, final String name, final Path manifest)
        throws IOException {
        final Set<String> wanted = new LinkedHashSet<>();
        wanted.add(name);
        if (ordered.stream().noneMatch(s -> s.name().equals(name))) {
            throw new IOException(manifest + " has no stack named " + name + "; it has "
                + ordered.stream().map(StackSource::name).toList());
        }
        for (int i = ordered.size() - 1; i >= 0; i--) {
            if (wanted.contains(ordered.get(i).name())) {
                wanted.addAll(ordered.get(i).dependencies());
            }
        }
        return ordered.stream().filter(s -> wanted.contains(s.name())).toList();
    }
}
