package community.ivsrealtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Keeps secrets out of the command's output: masks secret-valued members of models, and remembers every secret
 * value it has seen so that no printed line carries one (even inside a message).
 */
public final class Secrets {

    public static final String MASK = "****";

    /** Members whose values are never printed (compared case-insensitively). */
    private static final Set<String> SECRET_MEMBERS = Set.of(
        "streamkey", "publickeymaterial", "token", "secretaccesskey", "sessiontoken");

    private final Set<String> seen = new CopyOnWriteArraySet<>();

    static boolean isSecretMember(final String name) {
        return SECRET_MEMBERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A copy of {@code node} with every secret member's value replaced by {@value #MASK}; remembers the values. */
    public JsonNode masked(final JsonNode node) {
        if (node == null) {
            return null;
        }
        final JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    /** Remembers the secret values inside {@code node} (so {@link #redact} removes them from any text). */
    public void collect(final JsonNode node) {
        if (node != null) {
            mask(node.deepCopy());
        }
    }

    private void mask(final JsonNode node) {
        if (node instanceof ObjectNode) {
            final ObjectNode object = (ObjectNode) node;
            final Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                final Map.Entry<String, JsonNode> field = fields.next();
                if (isSecretMember(field.getKey()) && field.getValue().isValueNode()) {
                    remember(field.getValue().asText());
                    field.setValue(object.textNode(MASK));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode) {
            node.forEach(this::mask);
        }
    }

    /** Adds a value to hide wherever it appears. */
    public void remember(final String secret) {
        if (secret != null && secret.length() >= 4) {
            seen.add(secret);
        }
    }

    /** {@code text} with every remembered secret replaced by {@value #MASK}. */
    public String redact(final String text) {
        String result = text;
        for (final String secret : seen) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
