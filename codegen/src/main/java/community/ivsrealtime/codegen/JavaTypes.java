package community.ivsrealtime.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The fixed mappings from schema types to Java types.
 * <ul>
 *   <li>{@link #MODELS} (what the handlers code against): string (also enums) -> String, integer -> Integer,
 *       number -> Double, boolean -> Boolean, {@code $ref} -> the definition's class, array with
 *       {@code uniqueItems: true} -> Set, other arrays -> List, object with only {@code patternProperties} ->
 *       Map&lt;String, V&gt;.</li>
 *   <li>{@link #cdk} (the generated CDK L1s): as above, but integer and number -> Number (so that
 *       {@code Token.asNumber} values fit), every array -> List (CloudFormation renders a list either way) and
 *       {@code $ref} -> the nested class {@code <Definition>Property}.</li>
 * </ul>
 */
final class JavaTypes {

    /** One mapping: the Java names of the schema's scalar types and how arrays and references are named. */
    record Mapping(String integerType, String numberType, boolean setsForUniqueItems, String refPrefix, String refSuffix) {
    }

    static final Mapping MODELS = new Mapping("Integer", "Double", true, "", "");

    /** The CDK mapping; definitions are nested in the L1 class {@code l1Class} ({@code CfnStage.HlsConfigurationProperty}). */
    static Mapping cdk(String l1Class) {
        return new Mapping("Number", "Number", false, l1Class + ".", "Property");
    }

    private JavaTypes() {
    }

    /** The Java type of a schema node with the handlers' model mapping. */
    static String of(ResourceSchema schema, String where, JsonNode node) {
        return of(schema, where, node, MODELS);
    }

    static String of(ResourceSchema schema, String where, JsonNode node, Mapping mapping) {
        String ref = schema.refName(node);
        if (ref != null) {
            return mapping.refPrefix() + ref + mapping.refSuffix();
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "string":
                return "String";
            case "integer":
                return mapping.integerType();
            case "number":
                return mapping.numberType();
            case "boolean":
                return "Boolean";
            case "array": {
                JsonNode items = node.get("items");
                if (items == null) {
                    throw new IllegalArgumentException(schema.fileName() + ": array " + where + " has no items");
                }
                String item = of(schema, where + "[]", items, mapping);
                boolean set = mapping.setsForUniqueItems() && node.path("uniqueItems").asBoolean(false);
                return (set ? "java.util.Set<" : "java.util.List<") + item + ">";
            }
            case "object": {
                if (node.has("properties")) {
                    throw new IllegalArgumentException(schema.fileName() + ": object " + where
                            + " declares properties inline; move it to definitions and use $ref");
                }
                JsonNode patterns = node.get("patternProperties");
                if (patterns == null || patterns.size() != 1) {
                    throw new IllegalArgumentException(schema.fileName() + ": map " + where + " needs exactly one patternProperties entry");
                }
                Iterator<Map.Entry<String, JsonNode>> it = patterns.fields();
                return "java.util.Map<String, " + of(schema, where + "{}", it.next().getValue(), mapping) + ">";
            }
            default:
                throw new IllegalArgumentException(schema.fileName() + ": " + where + " has no supported type (" + node + ")");
        }
    }

    /** {@code Name} -> {@code name}, {@code S3} -> {@code s3}, {@code ActiveSessionId} -> {@code activeSessionId}. */
    static String fieldName(String property) {
        if (property.isEmpty()) {
            throw new IllegalArgumentException("empty property name");
        }
        return Character.toLowerCase(property.charAt(0)) + property.substring(1);
    }
}
