package community.ivsrealtime.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders the Markdown property reference of one resource type ({@code docs/<type-file-name>.md}) from its schema. */
public final class DocsGenerator {

    /** The command that rewrites docs/ from resource-schemas/ (run from the repository root). */
    public static final String REFRESH_COMMAND = "mvn -B -pl codegen -Pwrite-docs process-classes";

    private DocsGenerator() {
    }

    /** {@code community-ivsrealtime-stage.json} -> {@code community-ivsrealtime-stage.md}. */
    public static String docFileName(ResourceSchema schema) {
        return schema.fileName().replaceAll("\\.json$", ".md");
    }

    public static String render(ResourceSchema schema) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(schema.typeName()).append("\n\n");
        md.append("<!-- Generated from resource-schemas/").append(schema.fileName()).append(" by `")
                .append(REFRESH_COMMAND).append("`. Do not edit. -->\n\n");
        md.append(schema.description()).append("\n\n");

        Set<String> readOnly = schema.readOnlyProperties();
        md.append("## Syntax\n\n```yaml\nType: ").append(schema.typeName()).append("\nProperties:\n");
        for (String name : schema.properties().keySet()) {
            if (!readOnly.contains("/properties/" + name)) {
                md.append("  ").append(name).append(": ").append(yamlHint(schema, schema.properties().get(name))).append('\n');
            }
        }
        md.append("```\n\n");

        md.append("## Properties\n\n");
        for (Map.Entry<String, JsonNode> p : schema.properties().entrySet()) {
            if (!readOnly.contains("/properties/" + p.getKey())) {
                property(md, schema, "###", "/properties/" + p.getKey(), p.getKey(), p.getValue(),
                        schema.required().contains(p.getKey()), true);
            }
        }

        md.append("## Return values\n\n`Ref` returns the primary identifier (")
                .append(String.join(", ", schema.primaryIdentifier().stream().map(s -> "`" + s.substring(s.lastIndexOf('/') + 1) + "`").toList()))
                .append("). `Fn::GetAtt` returns these read-only properties, set by IVS:\n\n");
        for (Map.Entry<String, JsonNode> p : schema.properties().entrySet()) {
            if (readOnly.contains("/properties/" + p.getKey())) {
                property(md, schema, "###", "/properties/" + p.getKey(), p.getKey(), p.getValue(), false, false);
            }
        }

        if (!schema.definitions().isEmpty()) {
            md.append("## Types\n\n");
            for (Map.Entry<String, JsonNode> d : schema.definitions().entrySet()) {
                md.append("### ").append(d.getKey()).append("\n\n");
                String desc = d.getValue().path("description").asText("");
                if (!desc.isEmpty()) {
                    md.append(desc).append("\n\n");
                }
                Set<String> req = ResourceSchema.texts(d.getValue().path("required"));
                for (Map.Entry<String, JsonNode> p : ResourceSchema.fields(d.getValue().path("properties")).entrySet()) {
                    property(md, schema, "####", null, p.getKey(), p.getValue(), req.contains(p.getKey()), true);
                }
            }
        }

        md.append("## Permissions\n\nThe IAM actions each handler needs (the `handlers` section of the schema):\n\n")
                .append("| Handler | Actions |\n|---|---|\n");
        for (Map.Entry<String, List<String>> h : schema.handlerPermissions().entrySet()) {
            md.append("| ").append(h.getKey()).append(" | ")
                    .append(String.join(", ", h.getValue().stream().map(a -> "`" + a + "`").toList())).append(" |\n");
        }
        String rationale = schema.root().path("$comment").asText("");
        if (!rationale.isBlank()) {
            md.append('\n').append(rationale).append('\n');
        }
        JsonNode tagging = schema.root().path("tagging");
        if (tagging.path("taggable").asBoolean(false)) {
            md.append("\nTagging: tags are set on create (").append(yesNo(tagging.path("tagOnCreate").asBoolean(true)))
                    .append("), updated in place (").append(yesNo(tagging.path("tagUpdatable").asBoolean(true)))
                    .append("), CloudFormation system tags ").append(tagging.path("cloudFormationSystemTags").asBoolean(true) ? "included" : "not included")
                    .append("; tagging actions: ")
                    .append(String.join(", ", ResourceSchema.texts(tagging.path("permissions")).stream().map(a -> "`" + a + "`").toList()))
                    .append(".\n");
        }
        return md.toString();
    }

    private static void property(StringBuilder md, ResourceSchema schema, String heading, String pointer, String name,
            JsonNode node, boolean required, boolean settable) {
        md.append(heading).append(' ').append(name).append("\n\n");
        JsonNode target = schema.resolve(node);
        String desc = node.path("description").asText(target.path("description").asText(""));
        if (!desc.isEmpty()) {
            md.append(desc).append("\n\n");
        }
        List<String> facts = new ArrayList<>();
        facts.add("Type: " + docType(schema, node));
        if (settable) {
            facts.add("Required: " + yesNo(required));
        }
        if (pointer != null && settable) {
            facts.add("Update requires: " + (schema.createOnlyProperties().contains(pointer) ? "Replacement" : "No interruption"));
        }
        if (pointer != null && schema.writeOnlyProperties().contains(pointer)) {
            facts.add("Write-only: not returned when the resource is read (nor by `Fn::GetAtt`)");
        }
        constraints(facts, node);
        if (node.path("type").asText("").equals("array") && node.has("items")) {
            List<String> itemFacts = new ArrayList<>();
            constraints(itemFacts, node.get("items"));
            itemFacts.forEach(f -> facts.add("Each item: " + lowerFirst(f)));
        }
        if (node.has("default")) {
            facts.add("Default: `" + node.get("default") + "`");
        }
        for (String f : facts) {
            md.append("- ").append(f).append('\n');
        }
        md.append('\n');
    }

    private static void constraints(List<String> facts, JsonNode node) {
        if (node.has("enum")) {
            List<String> values = new ArrayList<>();
            node.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            facts.add("Allowed values: " + String.join(", ", values));
        }
        range(facts, node, "minLength", "maxLength", "Length");
        range(facts, node, "minimum", "maximum", "Value");
        range(facts, node, "minItems", "maxItems", "Items");
        if (node.has("pattern")) {
            facts.add("Pattern: `" + node.get("pattern").asText() + "`");
        }
        if (node.path("uniqueItems").asBoolean(false)) {
            facts.add("Items are unique");
        }
        if (node.has("insertionOrder") && !node.get("insertionOrder").asBoolean()) {
            facts.add("Order does not matter (no update when only the order changes)");
        }
        if (node.has("patternProperties")) {
            node.get("patternProperties").fieldNames().forEachRemaining(k -> facts.add("Keys match: `" + k + "`"));
        }
    }

    private static void range(List<String> facts, JsonNode node, String min, String max, String what) {
        boolean hasMin = node.has(min);
        boolean hasMax = node.has(max);
        if (hasMin && hasMax) {
            facts.add(what + ": " + node.get(min).asText() + " to " + node.get(max).asText());
        } else if (hasMin) {
            facts.add(what + ": at least " + node.get(min).asText());
        } else if (hasMax) {
            facts.add(what + ": at most " + node.get(max).asText());
        }
    }

    private static String docType(ResourceSchema schema, JsonNode node) {
        String ref = schema.refName(node);
        if (ref != null) {
            return "[" + ref + "](#" + ref.toLowerCase(Locale.ROOT) + ")";
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "array":
                return (node.path("uniqueItems").asBoolean(false) ? "Set of " : "List of ") + docType(schema, node.get("items"));
            case "object":
                JsonNode value = node.path("patternProperties").elements().next();
                return "Map of String to " + docType(schema, value);
            default:
                return type.isEmpty() ? "any" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        }
    }

    private static String yamlHint(ResourceSchema schema, JsonNode node) {
        String ref = schema.refName(node);
        if (ref != null) {
            return ref;
        }
        switch (node.path("type").asText("")) {
            case "array":
                return "[ " + yamlHint(schema, node.get("items")) + ", ... ]";
            case "object":
                return "{ Key: Value, ... }";
            default:
                String t = node.path("type").asText("");
                return Character.toUpperCase(t.charAt(0)) + t.substring(1);
        }
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
