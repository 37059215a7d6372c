package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small JSON helpers shared by all operations. */
final class Json {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode obj() {
        return F.objectNode();
    }

    static ArrayNode arr() {
        return F.arrayNode();
    }

    /** {@code {field: value}}, the shape of most outputs. */
    static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode o = obj();
        o.set(field, value);
        return o;
    }

    /** A constant JSON object (server defaults). */
    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ISO-8601 with a {@code Z}, at millisecond precision. */
    static String time(Instant t) {
        return t.toString();
    }

    static void putTime(ObjectNode node, String field, Instant t) {
        if (t != null) {
            node.put(field, time(t));
        }
    }

    static void putIfNotNull(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Text of a member, or the default when absent or null. */
    static String text(JsonNode in, String field, String dflt) {
        JsonNode n = in.get(field);
        return n == null || n.isNull() ? dflt : n.asText();
    }

    static Integer integer(JsonNode in, String field) {
        JsonNode n = in.get(field);
        return n == null || n.isNull() ? null : n.asInt();
    }

    static boolean bool(JsonNode in, String field, boolean dflt) {
        JsonNode n = in.get(field);
        return n == null || n.isNull() ? dflt : n.asBoolean();
    }

    static boolean has(JsonNode in, String field) {
        JsonNode n = in.get(field);
        return n != null && !n.isNull();
    }

    /** A string map member (tags, attributes) in insertion order, or null when absent or empty. */
    static Map<String, String> stringMap(JsonNode in, String field) {
        JsonNode n = in.get(field);
        if (n == null || !n.isObject() || n.isEmpty()) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    static ObjectNode mapNode(Map<String, String> m) {
        ObjectNode o = obj();
        if (m != null) {
            m.forEach(o::put);
        }
        return o;
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode a = arr();
        values.forEach(a::add);
        return a;
    }

    /** Rejects attribute maps above the documented 1 KB total (keys and values, UTF-8). */
    static void checkAttributesSize(Map<String, String> attributes, String member) {
        if (attributes == null) {
            return;
        }
        int total = 0;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            total += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > 1024) {
            throw IvsException.validation(member + ": must not exceed 1 KB in total (keys and values), got " + total + " bytes");
        }
    }

    /** Copies {@code src} members missing in {@code target} (recursively for objects). */
    static ObjectNode fillDefaults(ObjectNode target, ObjectNode defaults) {
        for (Iterator<Map.Entry<String, JsonNode>> it = defaults.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode have = target.get(e.getKey());
            if (have == null || have.isNull()) {
                target.set(e.getKey(), e.getValue().deepCopy());
            } else if (have.isObject() && e.getValue().isObject()) {
                fillDefaults((ObjectNode) have, (ObjectNode) e.getValue());
            }
        }
        return target;
    }
}
