package community.ivsrealtime.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the model classes of one resource type, shaped like {@code cfn generate} output: {@code ResourceModel} for the
 * schema's properties, one class per definition (named after it) and an empty {@code TypeConfigurationModel}. Every
 * class is a Lombok value bean ({@code @Data @Builder(toBuilder = true) @NoArgsConstructor @AllArgsConstructor}) whose
 * fields carry {@code @JsonProperty("SchemaName")}.
 */
public final class ModelGenerator {

    private static final String POINTER_PREFIX = "/properties/";

    private ModelGenerator() {
    }

    /** Relative source path ({@code community/ivsrealtime/stage/ResourceModel.java}) -> source text. */
    public static Map<String, String> generate(ResourceSchema schema) {
        Map<String, String> out = new LinkedHashMap<>();
        String dir = schema.javaPackage().replace('.', '/') + "/";
        for (Map.Entry<String, JsonNode> def : schema.definitions().entrySet()) {
            if ("ResourceModel".equals(def.getKey()) || "TypeConfigurationModel".equals(def.getKey())) {
                throw new IllegalArgumentException(schema.fileName() + ": definition name " + def.getKey() + " is reserved");
            }
            JsonNode node = def.getValue();
            if (!"object".equals(node.path("type").asText()) || !node.has("properties")) {
                throw new IllegalArgumentException(schema.fileName() + ": definition " + def.getKey()
                        + " must be an object with properties (scalar definitions are not supported)");
            }
            out.put(dir + def.getKey() + ".java", beanClass(schema, def.getKey(), node.path("description").asText(""),
                    ResourceSchema.fields(node.path("properties")), false));
        }
        out.put(dir + "ResourceModel.java",
                beanClass(schema, "ResourceModel", schema.description(), schema.properties(), true));
        out.put(dir + "TypeConfigurationModel.java", typeConfiguration(schema));
        out.put(dir + "CallbackContext.java", callbackContext(schema));
        out.put(dir + "HandlerWrapper.java", handlerWrapper(schema));
        out.put(dir + "LambdaEntrypoint.java", lambdaEntrypoint(schema));
        return out;
    }

    /** The callback context: nothing of its own, every handler finishes in one invocation. */
    private static String callbackContext(ResourceSchema schema) {
        StringBuilder s = new StringBuilder();
        header(s, schema);
        s.append("import software.amazon.cloudformation.proxy.StdCallbackContext;\n\n");
        javadoc(s, "", "Callback context of " + schema.typeName()
                + ": nothing of its own, every handler finishes in one invocation (no IN_PROGRESS).");
        s.append("public class CallbackContext extends StdCallbackContext {\n}\n");
        return s.toString();
    }

    /**
     * The Lambda entry points ({@code handleRequest}, {@code testEntrypoint}, both inherited from the handlers'
     * {@code IvsHandlerWrapper}); the type itself is the hand-written {@code Translator.OPS} of the same package.
     */
    private static String handlerWrapper(ResourceSchema schema) {
        StringBuilder s = new StringBuilder();
        header(s, schema);
        s.append("import community.ivsrealtime.common.IvsHandlerWrapper;\n\n");
        javadoc(s, "", "Lambda entry points of " + schema.typeName()
                + ": {@code handleRequest} and {@code testEntrypoint}, both inherited; the type itself is "
                + "{@link Translator#OPS}.");
        s.append("public final class HandlerWrapper extends IvsHandlerWrapper<ResourceModel, CallbackContext, ")
                .append("TypeConfigurationModel> {\n\n")
                .append("    public HandlerWrapper() {\n")
                .append("        super(Translator.OPS, CallbackContext::new);\n")
                .append("    }\n}\n");
        return s.toString();
    }

    /**
     * The class Lambda loads ({@code LambdaEntrypoint::handleRequest}): its static initializer starts loading the
     * classes of a cold start on another thread ({@code ColdStart}), then every request goes to the type's
     * {@code HandlerWrapper}.
     */
    private static String lambdaEntrypoint(ResourceSchema schema) {
        StringBuilder s = new StringBuilder();
        header(s, schema);
        s.append("import community.ivsrealtime.common.ColdStart;\n")
                .append("import community.ivsrealtime.common.IvsLambdaEntrypoint;\n\n");
        javadoc(s, "", "The Lambda handler of " + schema.typeName()
                + " ({@code LambdaEntrypoint::handleRequest}): starts loading the classes of a cold start on another "
                + "thread ({@link ColdStart#prepare}), then hands every request to {@link HandlerWrapper}.");
        s.append("public final class LambdaEntrypoint extends IvsLambdaEntrypoint {\n\n")
                .append("    static {\n")
                .append("        ColdStart.prepare(HandlerWrapper.class);\n")
                .append("    }\n\n")
                .append("    public LambdaEntrypoint() {\n")
                .append("        super(new HandlerWrapper());\n")
                .append("    }\n}\n");
        return s.toString();
    }

    private static String beanClass(ResourceSchema schema, String className, String description,
            Map<String, JsonNode> properties, boolean resourceModel) {
        StringBuilder s = new StringBuilder();
        header(s, schema);
        s.append("import com.fasterxml.jackson.annotation.JsonIgnore;\n")
                .append("import com.fasterxml.jackson.annotation.JsonIgnoreProperties;\n")
                .append("import com.fasterxml.jackson.annotation.JsonProperty;\n")
                .append("import lombok.AllArgsConstructor;\n")
                .append("import lombok.Builder;\n")
                .append("import lombok.Data;\n")
                .append("import lombok.NoArgsConstructor;\n")
                .append("import lombok.ToString;\n\n");
        javadoc(s, "", (resourceModel ? schema.typeName() + ": " : "") + description);
        s.append("@Data\n@Builder(toBuilder = true)\n@NoArgsConstructor\n@AllArgsConstructor\n")
                .append("@JsonIgnoreProperties(ignoreUnknown = true)\n");
        if (resourceModel) {
            // A model can hold secrets (an ingest StreamKey, key material, attributes): toString() shows only the
            // primary identifier, so a model that reaches a log line never leaks them.
            s.append("@ToString(onlyExplicitlyIncluded = true)\n");
        }
        s.append("public class ").append(className).append(" {\n");
        if (resourceModel) {
            s.append("    /** The CloudFormation type name. */\n")
                    .append("    @JsonIgnore\n    public static final String TYPE_NAME = \"").append(schema.typeName()).append("\";\n\n");
            for (String pointer : schema.primaryIdentifier()) {
                String prop = topLevel(schema, pointer);
                s.append("    /** JSON pointer of the primary identifier component {@code ").append(prop).append("}. */\n")
                        .append("    @JsonIgnore\n    public static final String IDENTIFIER_KEY_").append(constant(prop))
                        .append(" = \"").append(pointer).append("\";\n\n");
            }
        }
        for (Map.Entry<String, JsonNode> p : properties.entrySet()) {
            String where = className + "." + p.getKey();
            JsonNode node = p.getValue();
            String doc = node.path("description").asText("");
            if (doc.isEmpty()) {
                doc = schema.resolve(node).path("description").asText("");
            }
            javadoc(s, "    ", doc);
            if (resourceModel && schema.primaryIdentifier().contains(POINTER_PREFIX + p.getKey())) {
                s.append("    @ToString.Include\n");
            }
            s.append("    @JsonProperty(\"").append(p.getKey()).append("\")\n")
                    .append("    private ").append(JavaTypes.of(schema, where, node)).append(' ')
                    .append(JavaTypes.fieldName(p.getKey())).append(";\n\n");
        }
        if (resourceModel) {
            primaryIdentifierMethod(s, schema);
        }
        trimBlankLine(s);
        s.append("}\n");
        return s.toString();
    }

    private static void primaryIdentifierMethod(StringBuilder s, ResourceSchema schema) {
        List<String> pointers = schema.primaryIdentifier();
        s.append("    /**\n     * The primary identifier as CloudFormation writes it (JSON pointer -> value), or null while a component is unset.\n     */\n")
                .append("    @JsonIgnore\n    public org.json.JSONObject getPrimaryIdentifier() {\n")
                .append("        final org.json.JSONObject identifier = new org.json.JSONObject();\n");
        for (String pointer : pointers) {
            String prop = topLevel(schema, pointer);
            String getter = "get" + prop + "()";
            s.append("        if (this.").append(getter).append(" != null) {\n")
                    .append("            identifier.put(IDENTIFIER_KEY_").append(constant(prop)).append(", this.").append(getter).append(");\n")
                    .append("        }\n");
        }
        s.append("        return identifier.length() == ").append(pointers.size()).append(" ? identifier : null;\n    }\n\n");
    }

    private static String typeConfiguration(ResourceSchema schema) {
        StringBuilder s = new StringBuilder();
        header(s, schema);
        s.append("import com.fasterxml.jackson.annotation.JsonIgnoreProperties;\n")
                .append("import lombok.Data;\n")
                .append("import lombok.NoArgsConstructor;\n\n");
        javadoc(s, "", "Type configuration of " + schema.typeName() + ": the type has none, so this class is empty.");
        s.append("@Data\n@NoArgsConstructor\n@JsonIgnoreProperties(ignoreUnknown = true)\n")
                .append("public class TypeConfigurationModel {\n}\n");
        return s.toString();
    }

    private static void header(StringBuilder s, ResourceSchema schema) {
        s.append("// Generated from resource-schemas/").append(schema.fileName())
                .append(" by community.ivsrealtime.codegen.ModelGenerator at build time. Do not edit.\n")
                .append("package ").append(schema.javaPackage()).append(";\n\n");
    }

    private static String topLevel(ResourceSchema schema, String pointer) {
        if (!pointer.startsWith(POINTER_PREFIX) || pointer.indexOf('/', POINTER_PREFIX.length()) >= 0) {
            throw new IllegalArgumentException(schema.fileName() + ": identifier " + pointer + " is not a top-level property");
        }
        String prop = pointer.substring(POINTER_PREFIX.length());
        if (!schema.properties().containsKey(prop)) {
            throw new IllegalArgumentException(schema.fileName() + ": identifier " + pointer + " names no property");
        }
        return prop;
    }

    /** {@code Arn} -> {@code ARN}, {@code StageArn} -> {@code STAGE_ARN}. */
    static String constant(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    static void javadoc(StringBuilder s, String indent, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").replace("\\u", "\\\\u");
        s.append(indent).append("/**\n");
        for (String line : wrap(safe, 110 - indent.length())) {
            s.append(indent).append(" * ").append(line).append('\n');
        }
        s.append(indent).append(" */\n");
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void trimBlankLine(StringBuilder s) {
        if (s.length() >= 2 && s.charAt(s.length() - 1) == '\n' && s.charAt(s.length() - 2) == '\n') {
            s.setLength(s.length() - 1);
        }
    }
}
