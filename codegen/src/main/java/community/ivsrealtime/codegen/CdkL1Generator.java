package community.ivsrealtime.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the typed CDK L1 of one resource type into package {@value #PACKAGE}: {@code Cfn<Type>} (a plain Java
 * {@code software.amazon.awscdk.CfnResource} subclass, no jsii code generation) and {@code Cfn<Type>Props}, shaped like
 * aws-cdk-lib's own L1s.
 * <ul>
 *   <li>Every writable property: a field of the props (builder) and a getter/setter pair on the L1; unset ones are not
 *       rendered; rendering uses the schema's (PascalCase) names.</li>
 *   <li>Types ({@link JavaTypes#cdk}): string -> String, integer/number -> Number, boolean -> Boolean; objects, arrays
 *       and maps are held as {@code Object} and set either typed (a nested {@code <Definition>Property}, a List, a Map)
 *       or as a {@code software.amazon.awscdk.IResolvable}; the tag property is {@code List<CfnTag>}.</li>
 *   <li>Read-only properties: {@code getAttr<Name>()} ({@code Fn::GetAtt}); a read-only object's members are flattened
 *       with GetAtt's dot path ({@code Endpoints.Whip} -> {@code getAttrEndpointsWhip()}).</li>
 *   <li>A taggable type implements {@code ITaggableV2}: {@code Tags.of(scope)} tags render as {@code [{Key, Value}]}.</li>
 * </ul>
 */
public final class CdkL1Generator {

    /** Package of the generated classes (module {@code cdk-constructs}). */
    public static final String PACKAGE = "community.ivsrealtime.cdk";

    private static final String POINTER_PREFIX = "/properties/";
    private static final Set<String> SCALARS = Set.of("String", "Number", "Boolean");

    private CdkL1Generator() {
    }

    /** {@code Community::IVSRealTime::Stage} -> {@code CfnStage}. */
    public static String className(ResourceSchema schema) {
        return "Cfn" + schema.simpleName();
    }

    /** Relative source path ({@code community/ivsrealtime/cdk/CfnStage.java}) -> source text. */
    public static Map<String, String> generate(ResourceSchema schema) {
        Map<String, String> out = new LinkedHashMap<>();
        String dir = PACKAGE.replace('.', '/') + "/";
        String cls = className(schema);
        out.put(dir + cls + ".java", resourceClass(schema, cls));
        out.put(dir + cls + "Props.java", propsClass(schema, cls));
        return out;
    }

    /** One property as the generated code sees it. */
    private record Prop(String schemaName, String field, String type, String description, boolean required, boolean tags) {

        boolean scalar() {
            return SCALARS.contains(type);
        }

        /** Type of the field and getter: scalars and tags keep their type; everything else may be a token. */
        String heldType() {
            return tags ? "java.util.List<software.amazon.awscdk.CfnTag>" : scalar() ? type : "Object";
        }

        String capitalized() {
            return Character.toUpperCase(field.charAt(0)) + field.substring(1);
        }
    }

    /** A top-level string property, which an L2 may give its L1 as a reference ({@code Fn::GetAtt}) instead. */
    private static boolean referable(Prop p) {
        return !p.tags() && "String".equals(p.heldType());
    }

    private static String tagProperty(ResourceSchema schema) {
        JsonNode tagging = schema.root().path("tagging");
        if (!tagging.path("taggable").asBoolean(false)) {
            return null;
        }
        String pointer = tagging.path("tagProperty").asText(POINTER_PREFIX + "Tags");
        return pointer.substring(POINTER_PREFIX.length());
    }

    private static List<Prop> writable(ResourceSchema schema) {
        Set<String> readOnly = schema.readOnlyProperties();
        String tagProp = tagProperty(schema);
        List<Prop> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : schema.properties().entrySet()) {
            if (readOnly.contains(POINTER_PREFIX + p.getKey())) {
                continue;
            }
            out.add(prop(schema, p.getKey(), p.getValue(), schema.required().contains(p.getKey()), p.getKey().equals(tagProp)));
        }
        return out;
    }

    private static Prop prop(ResourceSchema schema, String name, JsonNode node, boolean required, boolean tags) {
        String description = node.path("description").asText("");
        if (description.isEmpty() && schema.refName(node) != null) {
            description = schema.resolve(node).path("description").asText("");
        }
        return new Prop(name, JavaTypes.fieldName(name), JavaTypes.of(schema, name, node, JavaTypes.cdk(className(schema))), description,
                required, tags);
    }

    /** {@code community/ivsrealtime/cdk/IvsRealTimeTypeNames.java}: the type names of all schemas, in file order. */
    public static Map<String, String> index(List<ResourceSchema> schemas) {
        StringBuilder s = new StringBuilder();
        s.append("// Generated from resource-schemas/ by community.ivsrealtime.codegen.CdkL1Generator at build time. Do not edit.\n")
                .append("package ").append(PACKAGE).append(";\n\n")
                .append("/** The Community::IVSRealTime resource types this library was built with (one per schema). */\n")
                .append("public final class IvsRealTimeTypeNames {\n\n")
                .append("    /** Every type name, in the order of the schema files. */\n")
                .append("    public static final java.util.List<String> ALL = java.util.List.of(");
        for (int k = 0; k < schemas.size(); k++) {
            s.append(k == 0 ? "\n            \"" : ",\n            \"").append(schemas.get(k).typeName()).append('"');
        }
        s.append(");\n\n    private IvsRealTimeTypeNames() {\n    }\n}\n");
        return Map.of(PACKAGE.replace('.', '/') + "/IvsRealTimeTypeNames.java", s.toString());
    }

    // ------------------------------------------------------------------------------------------------ the L1 class

    private static String capitalize(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static String resourceClass(ResourceSchema schema, String cls) {
        List<Prop> props = writable(schema);
        boolean taggable = props.stream().anyMatch(Prop::tags);
        boolean anyRequired = props.stream().anyMatch(Prop::required);
        StringBuilder s = new StringBuilder();
        header(s, schema);
        ModelGenerator.javadoc(s, "", "L1 construct of " + schema.typeName() + ": " + schema.description()
                + " Properties render under the schema's names; read-only properties are the attr getters (Fn::GetAtt).");
        s.append("public class ").append(cls).append(" extends software.amazon.awscdk.CfnResource");
        if (taggable) {
            s.append(" implements software.amazon.awscdk.ITaggableV2");
        }
        s.append(" {\n\n")
                .append("    /** The CloudFormation resource type name of this L1. */\n")
                .append("    public static final String CFN_RESOURCE_TYPE_NAME = \"").append(schema.typeName()).append("\";\n\n");
        String tagProp = taggable ? props.stream().filter(Prop::tags).findFirst().orElseThrow().schemaName() : null;
        String tagField = taggable ? props.stream().filter(Prop::tags).findFirst().orElseThrow().field() : null;
        if (taggable) {
            s.append("    private software.amazon.awscdk.TagManager cdkTagManager;\n")
                    .append("    private Object renderedTags;\n")
                    .append("    /** The L2 that made this L1: told of each new tag manager's rendered tags (for its tag checks). */\n")
                    .append("    private java.util.function.Consumer<Object> renderedTagsListener;\n");
        }
        s.append("    /** Made by an L2: the properties it was created with (in node), which setters' overrides merge into; else null. */\n")
                .append("    private java.util.Map<String, Object> baseProperties;\n")
                .append("    /** Made by an L2: the string properties it gave as references (Fn::GetAtt), by schema name; else null. */\n")
                .append("    private java.util.Map<String, Object> references;\n");
        for (Prop p : props) {
            s.append("    private ").append(p.heldType()).append(' ').append(p.field()).append(";\n");
        }
        s.append('\n');
        if (!anyRequired) {
            s.append("    /** Creates the resource with no properties set. */\n")
                    .append("    public ").append(cls).append("(software.constructs.Construct scope, String id) {\n")
                    .append("        this(scope, id, null);\n    }\n\n");
        }
        s.append("    /**\n     * Creates the resource.\n     *\n     * @param props its properties")
                .append(anyRequired ? " (required: the type has required properties)" : " (may be null)").append("\n     */\n")
                .append("    public ").append(cls).append("(software.constructs.Construct scope, String id, ")
                .append(cls).append("Props props) {\n")
                .append("        super(scope, id, CfnValues.resourceProps(CFN_RESOURCE_TYPE_NAME, props, ").append(anyRequired).append("));\n")
                .append("        setFields(props);\n");
        if (taggable) {
            s.append("        newTagManager(").append(tagField).append(");\n");
        }
        s.append("        // one override with all properties, resolved and rendered in node at synth: no Java callback then\n")
                .append("        this.addOverride(\"Properties\", cfnProperties(props, null, java.util.Map.of()));\n    }\n\n");
        s.append("    /**\n     * Creates the resource for one of the L2s: node sees a plain {@code CfnResource} created with the properties, that\n")
                .append("     * declares no callback into Java").append(taggable ? "; the tags render as one of the properties, and {@code Tags.of(scope)}\n"
                        + "     * reaches them through the L2, which holds this tag manager (made when first asked for if there are no tags)" : "")
                .append(".\n     */\n")
                .append("    ").append(cls).append("(CfnValues.ForL2 forL2, software.constructs.Construct scope, String id, ")
                .append(cls).append("Props props) {\n")
                .append("        this(forL2, scope, id, props, java.util.Map.of());\n    }\n\n");
        s.append("    /**\n     * Creates the resource for one of the L2s, some string properties given as references ({@code Fn::GetAtt}, by\n")
                .append("     * schema name, unset in {@code props}) rather than string tokens, which cost one more message each; their\n")
                .append("     * getters make the string token when first asked.\n     */\n")
                .append("    ").append(cls).append("(CfnValues.ForL2 forL2, software.constructs.Construct scope, String id, ")
                .append(cls).append("Props props,\n            java.util.Map<String, Object> references) {\n")
                .append("        this(props, references, CfnValues.prepareForL2(scope, id, CFN_RESOURCE_TYPE_NAME, props, ").append(anyRequired).append(", ")
                .append(taggable ? "props == null ? null : props.get" + capitalize(tagField) + "(), \"" + tagProp + "\"" : "null, null")
                .append(",\n                rendered -> cfnProperties(props, rendered, references)));\n    }\n\n");
        s.append("    private ").append(cls).append('(').append(cls).append("Props props, java.util.Map<String, Object> references,\n")
                .append("            CfnValues.Prepared prepared) {\n")
                .append("        super(prepared.ref());\n")
                .append("        setFields(props);\n")
                .append("        this.baseProperties = prepared.properties();\n")
                .append("        this.references = references.isEmpty() ? null : new java.util.HashMap<>(references);\n");
        if (taggable) {
            s.append("        this.cdkTagManager = prepared.tagManager();\n")
                    .append("        this.renderedTags = prepared.renderedTags();\n");
        }
        s.append("    }\n\n");
        s.append("    private void setFields(").append(cls).append("Props props) {\n");
        s.append("        if (props != null) {\n");
        for (Prop p : props) {
            s.append("            this.").append(p.field()).append(" = props.get").append(p.capitalized()).append("();\n");
        }
        s.append("        }\n    }\n\n");
        if (taggable) {
            // CfnResource's own cfnProperties (in node) renders the tag manager under tagPropertyName; for an L1 made by an
            // L2, the rendered tags are one of the properties instead
            s.append("    /**\n     * A tag manager holding the given tags: node renders them (with Tags.of tags) under {@code ")
                    .append(tagProp).append("} as {@code [{Key, Value}]}.\n     */\n")
                    .append("    private void newTagManager(java.util.List<software.amazon.awscdk.CfnTag> tags) {\n")
                    .append("        this.cdkTagManager = CfnValues.tagManager(CFN_RESOURCE_TYPE_NAME, tags, \"").append(tagProp).append("\");\n")
                    .append("        this.renderedTags = cdkTagManager.getRenderedTags();\n")
                    .append("        if (baseProperties != null) {\n")
                    .append("            CfnValues.set(this, baseProperties, \"").append(tagProp).append("\", renderedTags);\n")
                    .append("        }\n")
                    .append("        if (renderedTagsListener != null) {\n")
                    .append("            renderedTagsListener.accept(renderedTags);\n")
                    .append("        }\n    }\n\n")
                    .append("    /**\n     * For the L2 that made this L1: tells {@code listener} the lazy value the tags render from at synth ({@code ")
                    .append(tagProp).append("}),\n     * now if there is a tag manager and whenever a new one is made.\n     */\n")
                    .append("    void cdkOnRenderedTags(java.util.function.Consumer<Object> listener) {\n")
                    .append("        this.renderedTagsListener = listener;\n")
                    .append("        if (renderedTags != null) {\n            listener.accept(renderedTags);\n        }\n    }\n\n");
        }
        attributes(s, schema);
        if (taggable) {
            s.append("    /** Tag manager: {@code Tags.of(scope).add(key, value)} tags land here and render with the resource's Tags. */\n")
                    .append("    @Override\n    public software.amazon.awscdk.TagManager getCdkTagManager() {\n")
                    .append("        if (cdkTagManager == null) {\n")
                    .append("            // made by an L2 without tags: the tag manager is made when first asked for (a tag aspect visits the L2)\n")
                    .append("            newTagManager(null);\n")
                    .append("        }\n")
                    .append("        return cdkTagManager;\n    }\n\n");
        }
        for (Prop p : props) {
            ModelGenerator.javadoc(s, "    ", p.description());
            s.append("    public ").append(p.heldType()).append(" get").append(p.capitalized()).append("() {\n");
            if (referable(p)) {
                s.append("        if (").append(p.field()).append(" == null && references != null && references.containsKey(\"")
                        .append(p.schemaName()).append("\")) {\n")
                        .append("            ").append(p.field()).append(" = software.amazon.awscdk.Token.asString(references.get(\"")
                        .append(p.schemaName()).append("\"));\n        }\n");
            }
            s.append("        return ").append(p.field()).append(";\n    }\n\n");
            for (String type : setterTypes(p)) {
                ModelGenerator.javadoc(s, "    ", "Sets " + p.schemaName() + (p.required() ? " (required)." : " (null: not rendered)."));
                s.append("    public void set").append(p.capitalized()).append('(').append(type).append(" value) {\n");
                if (p.required()) {
                    s.append("        this.").append(p.field()).append(" = java.util.Objects.requireNonNull(value, \"")
                            .append(p.field()).append(" is required\");\n");
                } else {
                    s.append("        this.").append(p.field()).append(" = value;\n");
                }
                if (referable(p)) {
                    s.append("        if (references != null) {\n            references.remove(\"").append(p.schemaName())
                            .append("\");\n        }\n");
                }
                if (p.tags()) {
                    s.append("        newTagManager(value);\n");
                } else {
                    s.append("        CfnValues.set(this, baseProperties, \"").append(p.schemaName()).append("\", value);\n");
                }
                s.append("    }\n\n");
            }
        }
        s.append("    /**\n     * The properties in CloudFormation form (schema names, unset ones left out): handed to node once, as an override of\n")
                .append("     * {@code Properties} (the tags are then CfnResource's), or for an L1 made by an L2 in the create call, with\n")
                .append("     * {@code renderedTags} (the tag manager's lazy rendering) as the tags. Setters replace one property.\n")
                .append("     */\n")
                .append("    private static java.util.Map<String, Object> cfnProperties(").append(cls).append("Props props, Object renderedTags,\n")
                .append("            java.util.Map<String, Object> references) {\n")
                .append("        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();\n")
                .append("        if (props == null) {\n            return properties;\n        }\n");
        for (Prop p : props) {
            if (referable(p)) {
                s.append("        CfnValues.put(properties, \"").append(p.schemaName()).append("\", CfnValues.given(references, \"")
                        .append(p.schemaName()).append("\", props.get").append(p.capitalized()).append("()));\n");
            } else if (!p.tags()) {
                s.append("        CfnValues.put(properties, \"").append(p.schemaName()).append("\", props.get").append(p.capitalized()).append("());\n");
            } else {
                s.append("        CfnValues.put(properties, \"").append(p.schemaName()).append("\", renderedTags);\n");
            }
        }
        s.append("        return properties;\n    }\n");
        for (String def : nestedDefinitions(schema, props)) {
            JsonNode node = schema.root().path("definitions").path(def);
            if (!"object".equals(node.path("type").asText()) || !node.has("properties")) {
                throw new IllegalArgumentException(schema.fileName() + ": definition " + def
                        + " must be an object with properties (scalar definitions are not supported)");
            }
            Set<String> required = ResourceSchema.texts(node.path("required"));
            List<Prop> members = new ArrayList<>();
            ResourceSchema.fields(node.path("properties")).forEach((name, member) ->
                    members.add(prop(schema, name, member, required.contains(name), false)));
            s.append('\n');
            ModelGenerator.javadoc(s, "    ", def + ": " + node.path("description").asText(""));
            s.append("    public static final class ").append(def).append("Property implements CfnValues.Renderable {\n\n");
            valueBody(s, "    ", def + "Property", members, true);
            s.append("    }\n");
        }
        s.append("}\n");
        return s.toString();
    }

    /** Definitions reachable from the writable properties (not the tag item, which is CfnTag), in file order. */
    private static List<String> nestedDefinitions(ResourceSchema schema, List<Prop> props) {
        Set<String> reached = new java.util.HashSet<>();
        List<JsonNode> todo = new ArrayList<>();
        for (Prop p : props) {
            if (!p.tags()) {
                todo.add(schema.properties().get(p.schemaName()));
            }
        }
        while (!todo.isEmpty()) {
            JsonNode node = todo.remove(todo.size() - 1);
            String ref = schema.refName(node);
            if (ref != null) {
                if (reached.add(ref)) {
                    todo.addAll(ResourceSchema.fields(schema.resolve(node).path("properties")).values());
                }
                continue;
            }
            if (node.has("items")) {
                todo.add(node.get("items"));
            }
            node.path("patternProperties").forEach(todo::add);
        }
        List<String> out = new ArrayList<>();
        for (String def : schema.definitions().keySet()) {
            if (reached.contains(def)) {
                out.add(def);
            }
        }
        return out;
    }

    private static List<String> setterTypes(Prop p) {
        if (p.tags()) {
            return List.of(p.heldType());
        }
        if (p.scalar()) {
            return List.of(p.type());
        }
        return List.of(p.type(), "software.amazon.awscdk.IResolvable");
    }

    private static void attributes(StringBuilder s, ResourceSchema schema) {
        for (String pointer : schema.readOnlyProperties()) {
            if (!pointer.startsWith(POINTER_PREFIX) || pointer.indexOf('/', POINTER_PREFIX.length()) >= 0) {
                throw new IllegalArgumentException(schema.fileName() + ": read-only " + pointer + " is not a top-level property");
            }
            String name = pointer.substring(POINTER_PREFIX.length());
            JsonNode node = schema.properties().get(name);
            if (node == null) {
                throw new IllegalArgumentException(schema.fileName() + ": read-only " + pointer + " names no property");
            }
            if (schema.refName(node) != null) {
                JsonNode def = schema.resolve(node);
                for (Map.Entry<String, JsonNode> m : ResourceSchema.fields(def.path("properties")).entrySet()) {
                    attribute(s, schema, name + m.getKey(), name + "." + m.getKey(), m.getValue());
                }
            } else {
                attribute(s, schema, name, name, node);
            }
        }
    }

    private static void attribute(StringBuilder s, ResourceSchema schema, String javaName, String getAtt, JsonNode node) {
        String type = JavaTypes.of(schema, getAtt, node, JavaTypes.cdk(className(schema)));
        String description = node.path("description").asText("");
        String ref = "this.getAtt(\"" + getAtt + "\", software.amazon.awscdk.ResolutionTypeHint.";
        String javaType;
        String make;
        switch (type) {
            case "String":
                javaType = "String";
                // from the attribute's reference (below), which L2s also give other L1s directly
                make = "software.amazon.awscdk.Token.asString(getAttr" + javaName + "Reference())";
                break;
            case "Number":
                javaType = "Number";
                make = "software.amazon.awscdk.Token.asNumber(" + ref + "NUMBER))";
                break;
            case "java.util.List<String>":
                javaType = "java.util.List<String>";
                make = "software.amazon.awscdk.Token.asList(" + ref + "STRING_LIST))";
                break;
            default:
                javaType = "software.amazon.awscdk.IResolvable";
                make = "this.getAtt(\"" + getAtt + "\")";
        }
        // made on first use (each is a round trip to node), then the same token every time
        String field = "attr" + javaName;
        if ("String".equals(type)) {
            // the reference itself, for a property of another L1 made by an L2: no string token, one message less
            String refField = field + "Reference";
            s.append("    private software.amazon.awscdk.IResolvable ").append(refField).append(";\n\n");
            ModelGenerator.javadoc(s, "    ", "Attribute " + getAtt + " as a reference (Fn::GetAtt), for another L1 made by an L2.");
            s.append("    software.amazon.awscdk.IResolvable getAttr").append(javaName).append("Reference() {\n")
                    .append("        if (").append(refField).append(" == null) {\n")
                    .append("            ").append(refField).append(" = ").append(ref).append("STRING);\n        }\n")
                    .append("        return ").append(refField).append(";\n    }\n\n");
        }
        s.append("    private ").append(javaType).append(' ').append(field).append(";\n\n");
        ModelGenerator.javadoc(s, "    ", "Attribute " + getAtt + " (Fn::GetAtt): " + description);
        s.append("    public ").append(javaType).append(" getAttr").append(javaName).append("() {\n")
                .append("        if (").append(field).append(" == null) {\n")
                .append("            ").append(field).append(" = ").append(make).append(";\n        }\n")
                .append("        return ").append(field).append(";\n    }\n\n");
    }

    // --------------------------------------------------------------------------- props and nested definition classes

    private static String propsClass(ResourceSchema schema, String cls) {
        StringBuilder s = new StringBuilder();
        header(s, schema);
        ModelGenerator.javadoc(s, "", "Properties of {@link " + cls + "} (" + schema.typeName() + "); build with {@link #builder()}.");
        s.append("public final class ").append(cls).append("Props {\n\n");
        valueBody(s, "", cls + "Props", writable(schema), false);
        s.append("}\n");
        // nested definitions go into the L1 class
        return s.toString();
    }

    /** Fields, constructor from the builder, getters, (optionally the rendering), equals/hashCode and the builder. */
    private static void valueBody(StringBuilder s, String indent, String cls, List<Prop> props, boolean renderable) {
        String i = indent + "    ";
        for (Prop p : props) {
            s.append(i).append("private final ").append(p.heldType()).append(' ').append(p.field()).append(";\n");
        }
        s.append('\n').append(i).append("private ").append(cls).append("(Builder builder) {\n");
        for (Prop p : props) {
            s.append(i).append("    this.").append(p.field()).append(" = ");
            if (p.required()) {
                s.append("java.util.Objects.requireNonNull(builder.").append(p.field()).append(", \"").append(cls)
                        .append(": ").append(p.field()).append(" is required\");\n");
            } else {
                s.append("builder.").append(p.field()).append(";\n");
            }
        }
        s.append(i).append("}\n\n");
        s.append(i).append("/** A new builder. */\n").append(i).append("public static Builder builder() {\n")
                .append(i).append("    return new Builder();\n").append(i).append("}\n\n");
        for (Prop p : props) {
            ModelGenerator.javadoc(s, i, p.description());
            s.append(i).append("public ").append(p.heldType()).append(" get").append(p.capitalized()).append("() {\n")
                    .append(i).append("    return ").append(p.field()).append(";\n").append(i).append("}\n\n");
        }
        if (renderable) {
            s.append(i).append("/** This value in CloudFormation form: the schema's member names, unset members left out. */\n")
                    .append(i).append("@Override\n").append(i).append("public java.util.Map<String, Object> toCloudFormation() {\n")
                    .append(i).append("    java.util.Map<String, Object> members = new java.util.LinkedHashMap<>();\n");
            for (Prop p : props) {
                s.append(i).append("    CfnValues.put(members, \"").append(p.schemaName()).append("\", ").append(p.field()).append(");\n");
            }
            s.append(i).append("    return members;\n").append(i).append("}\n\n");
        }
        s.append(i).append("@Override\n").append(i).append("public boolean equals(Object o) {\n")
                .append(i).append("    if (this == o) {\n").append(i).append("        return true;\n").append(i).append("    }\n")
                .append(i).append("    if (!(o instanceof ").append(cls).append(")) {\n").append(i).append("        return false;\n")
                .append(i).append("    }\n");
        if (props.isEmpty()) {
            s.append(i).append("    return true;\n");
        } else {
            s.append(i).append("    ").append(cls).append(" other = (").append(cls).append(") o;\n").append(i).append("    return ");
            for (int k = 0; k < props.size(); k++) {
                String f = props.get(k).field();
                s.append(k == 0 ? "" : "\n" + i + "            && ").append("java.util.Objects.equals(").append(f)
                        .append(", other.").append(f).append(')');
            }
            s.append(";\n");
        }
        s.append(i).append("}\n\n").append(i).append("@Override\n").append(i).append("public int hashCode() {\n")
                .append(i).append("    return java.util.Objects.hash(");
        for (int k = 0; k < props.size(); k++) {
            s.append(k == 0 ? "" : ", ").append(props.get(k).field());
        }
        s.append(");\n").append(i).append("}\n\n");
        s.append(i).append("/** Builder of {@link ").append(cls).append("}. */\n")
                .append(i).append("public static final class Builder {\n");
        for (Prop p : props) {
            s.append(i).append("    private ").append(p.heldType()).append(' ').append(p.field()).append(";\n");
        }
        s.append('\n').append(i).append("    private Builder() {\n").append(i).append("    }\n\n");
        for (Prop p : props) {
            for (String type : setterTypes(p)) {
                ModelGenerator.javadoc(s, i + "    ", p.schemaName() + (p.required() ? " (required)" : "") + ": " + p.description());
                s.append(i).append("    public Builder ").append(p.field()).append('(').append(type).append(" value) {\n")
                        .append(i).append("        this.").append(p.field()).append(" = value;\n")
                        .append(i).append("        return this;\n").append(i).append("    }\n\n");
            }
        }
        s.append(i).append("    /** Builds the value; fails naming the first required member left unset. */\n")
                .append(i).append("    public ").append(cls).append(" build() {\n")
                .append(i).append("        return new ").append(cls).append("(this);\n")
                .append(i).append("    }\n").append(i).append("}\n");
    }

    private static void header(StringBuilder s, ResourceSchema schema) {
        s.append("// Generated from resource-schemas/").append(schema.fileName())
                .append(" by community.ivsrealtime.codegen.CdkL1Generator at build time. Do not edit.\n")
                .append("package ").append(PACKAGE).append(";\n\n");
    }
}
