package community.ivsrealtime.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import community.ivsrealtime.emulator.core.IvsException;
import community.ivsrealtime.emulator.core.ReservedTags;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an input document against every constraint the service model declares: required members, string
 * length, pattern (full match), enum, integer/float range, list and map size, nested structures, list members,
 * map keys and values, and the JSON type of every value. Unknown members are ignored, as AWS does.
 *
 * <p>Messages follow the IVS (Coral) format, for example {@code 1 validation error detected: Value 'my stage'
 * at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]*}.
 * Member paths use dots and zero-based list indexes ({@code destinations.0.s3.encoderConfigurationArns.0});
 * map values are addressed by key ({@code tags.env}), map keys by the map ({@code tags}).
 *
 * <p>One rule the model cannot state: a {@code Tags} map's size does not count reserved {@code aws:} keys
 * ({@link ReservedTags}).
 */
public final class InputValidator {
    private final ServiceModel model;

    public InputValidator(ServiceModel model) {
        this.model = model;
    }

    /** Throws a ValidationException naming every violation, or returns when the input is valid. */
    public void check(String shapeName, JsonNode input) {
        List<String> errors = validate(shapeName, input);
        if (!errors.isEmpty()) {
            throw IvsException.validation(message(errors));
        }
    }

    /** All violations of an input document of the given structure shape (empty when valid). */
    public List<String> validate(String shapeName, JsonNode input) {
        List<String> errors = new ArrayList<>();
        if (shapeName != null) {
            value(shapeName, input, "", errors);
        }
        return errors;
    }

    static String message(List<String> errors) {
        return errors.size() + (errors.size() == 1 ? " validation error detected: " : " validation errors detected: ")
                + String.join("; ", errors);
    }

    private void value(String shapeName, JsonNode node, String path, List<String> errors) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> structure(shape, node, path, errors);
            case "list" -> list(shape, node, path, errors);
            case "map" -> map(shape, node, path, errors);
            case "string" -> string(shapeName, shape, node, path, errors);
            case "integer", "long" -> integer(shape, node, path, errors);
            case "float", "double" -> decimal(shape, node, path, errors);
            case "boolean" -> {
                if (!node.isBoolean()) {
                    errors.add(violation(node, path, "Member must be a boolean", false));
                }
            }
            case "timestamp" -> {
                if (!node.isTextual() && !node.isNumber()) {
                    errors.add(violation(node, path, "Member must be a timestamp", false));
                }
            }
            default -> {
                // blob or other types do not occur in IVS Real-Time inputs; accept any value
            }
        }
    }

    private void structure(JsonNode shape, JsonNode node, String path, List<String> errors) {
        if (!node.isObject()) {
            errors.add(violation(node, path, "Member must be a structure (JSON object)", false));
            return;
        }
        JsonNode members = shape.path("members");
        for (JsonNode required : shape.path("required")) {
            JsonNode value = node.get(required.asText());
            if (value == null || value.isNull()) {
                errors.add("Value null at '" + child(path, required.asText())
                        + "' failed to satisfy constraint: Member must not be null");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> it = members.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode value = node.get(member.getKey());
            if (value != null && !value.isNull()) {
                value(member.getValue().path("shape").asText(), value, child(path, member.getKey()), errors);
            }
        }
    }

    private void list(JsonNode shape, JsonNode node, String path, List<String> errors) {
        if (!node.isArray()) {
            errors.add(violation(node, path, "Member must be a list (JSON array)", false));
            return;
        }
        size(shape, node.size(), node, path, errors);
        String memberShape = shape.path("member").path("shape").asText();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String elementPath = child(path, Integer.toString(i));
            if (element.isNull()) {
                errors.add("Value null at '" + elementPath + "' failed to satisfy constraint: Member must not be null");
            } else {
                value(memberShape, element, elementPath, errors);
            }
        }
    }

    private void map(JsonNode shape, JsonNode node, String path, List<String> errors) {
        if (!node.isObject()) {
            errors.add(violation(node, path, "Member must be a map (JSON object)", false));
            return;
        }
        String keyShape = shape.path("key").path("shape").asText();
        size(shape, "TagKey".equals(keyShape) ? ReservedTags.counted(fieldNames(node)) : node.size(), node, path,
                errors);
        String valueShape = shape.path("value").path("shape").asText();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<String> keyErrors = new ArrayList<>();
            value(keyShape, com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()), path, keyErrors);
            for (String keyError : keyErrors) {
                errors.add(keyError.replace("failed to satisfy constraint: Member must",
                        "failed to satisfy constraint: Map keys must"));
            }
            String valuePath = child(path, entry.getKey());
            if (entry.getValue().isNull()) {
                errors.add("Value null at '" + valuePath + "' failed to satisfy constraint: Member must not be null");
            } else {
                value(valueShape, entry.getValue(), valuePath, errors);
            }
        }
    }

    private void string(String shapeName, JsonNode shape, JsonNode node, String path, List<String> errors) {
        if (!node.isTextual()) {
            errors.add(violation(node, path, "Member must be a string", false));
            return;
        }
        boolean sensitive = shape.path("sensitive").asBoolean(false);
        String text = node.textValue();
        if (shape.has("enum")) {
            boolean known = false;
            List<String> allowed = new ArrayList<>();
            for (JsonNode e : shape.get("enum")) {
                allowed.add(e.asText());
                known |= e.asText().equals(text);
            }
            if (!known) {
                errors.add(violation(node, path, "Member must satisfy enum value set: " + allowed, sensitive));
            }
        }
        int length = text.codePointCount(0, text.length());
        if (shape.has("max") && length > shape.get("max").asLong()) {
            errors.add(violation(node, path, "Member must have length less than or equal to " + shape.get("max").asLong(),
                    sensitive));
        }
        if (shape.has("min") && length < shape.get("min").asLong()) {
            errors.add(violation(node, path,
                    "Member must have length greater than or equal to " + shape.get("min").asLong(), sensitive));
        }
        Pattern pattern = model.pattern(shapeName);
        if (pattern != null && !pattern.matcher(text).matches()) {
            errors.add(violation(node, path, "Member must satisfy regular expression pattern: " + pattern.pattern(),
                    sensitive));
        }
    }

    private void integer(JsonNode shape, JsonNode node, String path, List<String> errors) {
        boolean isLong = "long".equals(shape.path("type").asText());
        if (!node.isIntegralNumber() || !(isLong ? node.canConvertToLong() : node.canConvertToInt())) {
            errors.add(violation(node, path, "Member must be " + (isLong ? "a long" : "an integer"), false));
            return;
        }
        range(shape, node.decimalValue(), node, path, errors);
    }

    private void decimal(JsonNode shape, JsonNode node, String path, List<String> errors) {
        if (!node.isNumber()) {
            errors.add(violation(node, path, "Member must be a number", false));
            return;
        }
        double d = node.doubleValue();
        if (!node.isBigDecimal() && Double.isInfinite(d)) {
            // a literal beyond the double range (1e400) parses as Infinity, which BigDecimal cannot hold
            String bound = d > 0 ? "max" : "min";
            errors.add(violation(node, path, shape.has(bound)
                    ? "Member must have value " + (d > 0 ? "less" : "greater") + " than or equal to "
                            + shape.get(bound).asText()
                    : "Member must be a finite number", false));
            return;
        }
        range(shape, node.decimalValue(), node, path, errors);
    }

    private void range(JsonNode shape, BigDecimal value, JsonNode node, String path, List<String> errors) {
        if (shape.has("max") && value.compareTo(shape.get("max").decimalValue()) > 0) {
            errors.add(violation(node, path, "Member must have value less than or equal to " + shape.get("max").asText(),
                    false));
        }
        if (shape.has("min") && value.compareTo(shape.get("min").decimalValue()) < 0) {
            errors.add(violation(node, path,
                    "Member must have value greater than or equal to " + shape.get("min").asText(), false));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void size(JsonNode shape, int size, JsonNode node, String path, List<String> errors) {
        if (shape.has("max") && size > shape.get("max").asLong()) {
            errors.add(violation(node, path, "Member must have length less than or equal to " + shape.get("max").asLong(),
                    false));
        }
        if (shape.has("min") && size < shape.get("min").asLong()) {
            errors.add(violation(node, path,
                    "Member must have length greater than or equal to " + shape.get("min").asLong(), false));
        }
    }

    private static String violation(JsonNode node, String path, String constraint, boolean sensitive) {
        return "Value " + render(node, sensitive) + " at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    private static String render(JsonNode node, boolean sensitive) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (sensitive) {
            return "'*** Sensitive Data Redacted ***'";
        }
        String text = node.isTextual() ? node.textValue() : node.toString();
        if (text.length() > 256) {
            text = text.substring(0, 256) + "...";
        }
        return "'" + text + "'";
    }

    private static String child(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }
}
