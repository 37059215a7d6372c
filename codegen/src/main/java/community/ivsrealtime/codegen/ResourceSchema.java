package community.ivsrealtime.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** One CloudFormation resource type schema, read from {@code resource-schemas/}, with the lookups the generators need. */
public final class ResourceSchema {

    /** Root package of the project; each type's models go to {@code ROOT_PACKAGE + "." + typeName.lowercase()}. */
    public static final String ROOT_PACKAGE = "community.ivsrealtime";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String fileName;
    private final JsonNode root;

    private ResourceSchema(String fileName, JsonNode root) {
        this.fileName = fileName;
        this.root = root;
        if (!root.path("typeName").isTextual()) {
            throw new IllegalArgumentException(fileName + ": no typeName");
        }
        String expected = fileNameOf(typeName());
        if (!fileName.equals(expected)) {
            throw new IllegalArgumentException(fileName + ": a schema of " + typeName() + " must be named " + expected);
        }
    }

    public static ResourceSchema parse(String fileName, String json) {
        try {
            return new ResourceSchema(fileName, MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(fileName + ": not JSON: " + e.getMessage(), e);
        }
    }

    public static ResourceSchema load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code *.json} schema of a folder, sorted by file name. */
    public static List<ResourceSchema> loadAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<ResourceSchema> all = new ArrayList<>();
            files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(p -> all.add(load(p)));
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no *.json schema in " + dir);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Community::IVSRealTime::Stage} -> {@code community-ivsrealtime-stage.json}. */
    public static String fileNameOf(String typeName) {
        return typeName.toLowerCase(java.util.Locale.ROOT).replace("::", "-") + ".json";
    }

    public String fileName() {
        return fileName;
    }

    public JsonNode root() {
        return root;
    }

    public String typeName() {
        return root.get("typeName").asText();
    }

    /** Last part of the type name: {@code Stage}. */
    public String simpleName() {
        String t = typeName();
        return t.substring(t.lastIndexOf(':') + 1);
    }

    public String javaPackage() {
        return ROOT_PACKAGE + "." + simpleName().toLowerCase(java.util.Locale.ROOT);
    }

    public String description() {
        return root.path("description").asText("");
    }

    public Map<String, JsonNode> properties() {
        return fields(root.path("properties"));
    }

    /** Definitions in file order. */
    public Map<String, JsonNode> definitions() {
        return fields(root.path("definitions"));
    }

    public Set<String> required() {
        return texts(root.path("required"));
    }

    public Set<String> readOnlyProperties() {
        return texts(root.path("readOnlyProperties"));
    }

    public Set<String> createOnlyProperties() {
        return texts(root.path("createOnlyProperties"));
    }

    public Set<String> writeOnlyProperties() {
        return texts(root.path("writeOnlyProperties"));
    }

    public List<String> primaryIdentifier() {
        return new ArrayList<>(texts(root.path("primaryIdentifier")));
    }

    /** Handler name (create, read, update, delete, list) -> its permissions, in file order. */
    public Map<String, List<String>> handlerPermissions() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields(root.path("handlers")).forEach((k, v) -> out.put(k, new ArrayList<>(texts(v.path("permissions")))));
        return out;
    }

    /** The definition a {@code $ref} points to ({@code #/definitions/Name}), or null when the node has no {@code $ref}. */
    public String refName(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return null;
        }
        String r = ref.asText();
        String prefix = "#/definitions/";
        if (!r.startsWith(prefix) || !root.path("definitions").has(r.substring(prefix.length()))) {
            throw new IllegalArgumentException(fileName + ": unsupported or dangling $ref " + r);
        }
        return r.substring(prefix.length());
    }

    /** Follows a {@code $ref} to its definition; returns the node itself otherwise. */
    public JsonNode resolve(JsonNode node) {
        String name = refName(node);
        return name == null ? node : root.path("definitions").get(name);
    }

    static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static Set<String> texts(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
