package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CloudFormation template as read from its JSON file: parameters, conditions, resources (in template order)
 * and outputs. Only what a local deploy needs; sections it does not use (Rules, Metadata, Transform) are kept
 * in {@link #root()} and otherwise ignored.
 *
 * @param file the file it was read from (named in messages)
 * @param root the whole template
 */
public record Template(Path file, ObjectNode root) {

    /** A resource of the template. */
    public record Resource(String logicalId, String type, ObjectNode properties, List<String> dependsOn,
                           String condition, String deletionPolicy, String updateReplacePolicy,
                           JsonNode definition) {
    }

    /** Reads a template file (JSON; CDK and {@code cdk synth --json} write JSON). */
    public static Template read(final Path file) throws IOException {
        final JsonNode root;
        try {
            root = HandlerRequest.JSON.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not a JSON template: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        }
        if (!(root instanceof ObjectNode)) {
            throw new IOException(file + " is not a template: its top level is not a JSON object");
        }
        return new Template(file, (ObjectNode) root);
    }

    /** A template given as JSON (tests, the demo). */
    public static Template of(final Path file, final ObjectNode root) {
        return new Template(file, root);
    }

    public ObjectNode section(final String name) {
        final JsonNode node = root.get(name);
        return node instanceof ObjectNode ? (ObjectNode) node : HandlerRequest.JSON.createObjectNode();
    }

    public ObjectNode parameters() {
        return section("Parameters");
    }

    public ObjectNode conditions() {
        return section("Conditions");
    }

    public ObjectNode outputs() {
        return section("Outputs");
    }

    public ObjectNode mappings() {
        return section("Mappings");
    }

    /** The resources by logical id, in template order. */
    public Map<String, Resource> resources() {
        final Map<String, Resource> resources = new LinkedHashMap<>();
        section("Resources").fields().forEachRemaining(e -> {
            final JsonNode definition = e.getValue();
            final JsonNode properties = definition.get("Properties");
            resources.put(e.getKey(), new Resource(e.getKey(), definition.path("Type").asText(""),
                properties instanceof ObjectNode ? (ObjectNode) properties : HandlerRequest.JSON.createObjectNode(),
                dependsOn(definition.get("DependsOn")), text(definition.get("Condition")),
                text(definition.get("DeletionPolicy")), text(definition.get("UpdateReplacePolicy")), definition));
        });
        return Collections.unmodifiableMap(resources);
    }

    private static List<String> dependsOn(final JsonNode node) {
        final List<String> ids = new ArrayList<>();
        if (node != null && node.isTextual()) {
            ids.add(node.asText());
        } else if (node != null && node.isArray()) {
            node.forEach(n -> ids.add(n.asText()));
        }
        return ids;
    }

    private static String text(final JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }

    /** The file's name for messages. */
    public String name() {
        return file == null ? "template" : file.toString();
    }
}
