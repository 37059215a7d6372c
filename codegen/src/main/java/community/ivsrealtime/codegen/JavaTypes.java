package community.ivsrealtime.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The fixed mapping from schema types to Java types that the handlers code against: string (also enums) -> String,
 * integer -> Integer, number -> Double, boolean -> Boolean, {@code $ref} -> the definition's class, array with
 * {@code uniqueItems: true} -> Set, other arrays -> List, object with only {@code patternProperties} -> Map&lt;String, V&gt;.
 */
final class JavaTypes {

    private JavaTypes() {
    }

    static String of(ResourceSchema schema, String where, JsonNode node) {
        String ref = schema.refName(node);
        if (ref != null) {
            return ref;
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "string":
                return "String";
            case "integer":
                return "Integer";
            case "number":
                return "Double";
            case "boolean":
                return "Boolean";
            case "array": {
                JsonNode items = node.get("items");
                if (items == null) {
                    throw new IllegalArgumentException(schema.fileName() + ": array " + where + " has no items");
                }
                String item = of(schema, where + "[]", items);
                return (node.path("uniqueItems").asBoolean(false) ? "java.util.Set<" : "java.util.List<") + item + ">";
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
                return "java.util.Map<String, " + of(schema, where + "{}", it.next().getValue()) + ">";
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
