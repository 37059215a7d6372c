package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions, evaluated locally: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Join},
 * {@code Fn::Sub}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If}, {@code Fn::Equals}, {@code Fn::Not},
 * {@code Fn::And}, {@code Fn::Or}, {@code Condition}, {@code Fn::ImportValue}, {@code Fn::FindInMap},
 * {@code Fn::Base64}, {@code Fn::GetAZs}, and {@code Ref AWS::NoValue} (the member or item is dropped). Semantics
 * as in the CloudFormation User Guide's intrinsic function reference
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
 *
 * <p>What a name refers to (a parameter, a pseudo parameter, a resource's physical id or attribute, a condition,
 * an export) is the {@link Scope}'s business. A value the scope cannot know yet (an attribute of a resource not
 * deployed yet) makes it throw {@link Unresolved}: {@link #resolve} then fails, {@link #resolvePartially} keeps
 * the intrinsic as it is written, so a plan or a check can go on with what is known.
 */
public final class Intrinsics {

    /** What names refer to. */
    public interface Scope {
        /** A parameter's value, a pseudo parameter's, or a resource's {@code Ref} value. */
        JsonNode ref(String name);

        JsonNode getAtt(String logicalId, String attribute);

        boolean condition(String name);

        JsonNode importValue(String exportName);

        ObjectNode mappings();
    }

    /** A value not known yet (e.g. the ARN of a resource that a plan has yet to create). */
    public static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unresolved(final String what) {
            super(what, null, false, false);
        }
    }

    /** A template mistake found while evaluating (a missing resource, a malformed function). */
    public static final class TemplateError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TemplateError(final String message) {
            super(message);
        }
    }

    /** What {@code Ref AWS::NoValue} evaluates to: the member or item holding it is dropped. */
    static final JsonNode NO_VALUE = new ObjectNode(JsonNodeFactory.instance);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private final Scope scope;

    public Intrinsics(final Scope scope) {
        this.scope = scope;
    }

    /** True when {@code node} is an intrinsic function call: one member, {@code Ref} or {@code Fn::*}. */
    public static boolean isIntrinsic(final JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return false;
        }
        final String name = node.fieldNames().next();
        return "Ref".equals(name) || name.startsWith("Fn::") || "Condition".equals(name);
    }

    /** {@code node} with every intrinsic evaluated; throws {@link Unresolved} where a value is not known yet. */
    public JsonNode resolve(final JsonNode node) {
        final JsonNode value = value(node, false);
        return value == NO_VALUE ? null : value;
    }

    /** {@code node} with every intrinsic evaluated that can be; the others are kept as written. */
    public JsonNode resolvePartially(final JsonNode node) {
        final JsonNode value = value(node, true);
        return value == NO_VALUE ? null : value;
    }

    /** Evaluates a condition expression (the value of a {@code Conditions} entry). */
    public boolean evaluateCondition(final JsonNode expression) {
        return truth(value(expression, false), expression);
    }

    private JsonNode value(final JsonNode node, final boolean partial) {
        if (isIntrinsic(node)) {
            try {
                return call(node.fieldNames().next(), node.elements().next());
            } catch (Unresolved e) {
                if (partial) {
                    return node.deepCopy();
                }
                throw e;
            }
        }
        if (node.isObject()) {
            final ObjectNode out = NODES.objectNode();
            final Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                final Map.Entry<String, JsonNode> field = fields.next();
                final JsonNode value = value(field.getValue(), partial);
                if (value != NO_VALUE) {
                    out.set(field.getKey(), value);
                }
            }
            return out;
        }
        if (node.isArray()) {
            final ArrayNode out = NODES.arrayNode();
            for (final JsonNode item : node) {
                final JsonNode value = value(item, partial);
                if (value != NO_VALUE) {
                    out.add(value);
                }
            }
            return out;
        }
        return node.deepCopy();
    }

    private JsonNode call(final String function, final JsonNode argument) {
        switch (function) {
            case "Ref":
                return ref(text(function, value(argument, false)));
            case "Fn::GetAtt":
                return getAtt(argument);
            case "Fn::Join": {
                final ArrayNode args = array(function, argument, 2);
                final String delimiter = text(function, value(args.get(0), false));
                final JsonNode list = value(args.get(1), false);
                if (!list.isArray()) {
                    throw new TemplateError("Fn::Join: the second argument must be a list, got " + list);
                }
                final List<String> parts = new ArrayList<>();
                list.forEach(item -> parts.add(scalarText(function, item)));
                return TextNode.valueOf(String.join(delimiter, parts));
            }
            case "Fn::Sub":
                return sub(argument);
            case "Fn::Select": {
                final ArrayNode args = array(function, argument, 2);
                final JsonNode index = value(args.get(0), false);
                final JsonNode list = value(args.get(1), false);
                final int i;
                try {
                    i = Integer.parseInt(index.asText());
                } catch (NumberFormatException e) {
                    throw new TemplateError("Fn::Select: the index must be a number, got " + index);
                }
                if (!list.isArray() || i < 0 || i >= list.size()) {
                    throw new TemplateError("Fn::Select: index " + i + " is not in the list " + list);
                }
                return list.get(i);
            }
            case "Fn::Split": {
                final ArrayNode args = array(function, argument, 2);
                final String delimiter = text(function, value(args.get(0), false));
                final String source = text(function, value(args.get(1), false));
                final ArrayNode out = NODES.arrayNode();
                for (final String part : source.split(Pattern.quote(delimiter), -1)) {
                    out.add(part);
                }
                return out;
            }
            case "Fn::If": {
                final ArrayNode args = array(function, argument, 3);
                final String condition = text(function, args.get(0));
                return value(scope.condition(condition) ? args.get(1) : args.get(2), false);
            }
            case "Fn::Equals": {
                final ArrayNode args = array(function, argument, 2);
                return BooleanNode.valueOf(value(args.get(0), false).asText()
                    .equals(value(args.get(1), false).asText()));
            }
            case "Fn::Not": {
                final ArrayNode args = array(function, argument, 1);
                return BooleanNode.valueOf(!truth(value(args.get(0), false), args.get(0)));
            }
            case "Fn::And":
            case "Fn::Or": {
                if (!argument.isArray() || argument.size() < 2) {
                    throw new TemplateError(function + " takes a list of 2 to 10 conditions, got " + argument);
                }
                final boolean and = "Fn::And".equals(function);
                for (final JsonNode item : argument) {
                    final boolean truth = truth(value(item, false), item);
                    if (and != truth) {
                        return BooleanNode.valueOf(!and);
                    }
                }
                return BooleanNode.valueOf(and);
            }
            case "Condition":
                return BooleanNode.valueOf(scope.condition(text(function, argument)));
            case "Fn::ImportValue":
                return scope.importValue(text(function, value(argument, false)));
            case "Fn::FindInMap": {
                final ArrayNode args = array(function, argument, 3);
                final String map = text(function, value(args.get(0), false));
                final String top = text(function, value(args.get(1), false));
                final String second = text(function, value(args.get(2), false));
                final JsonNode found = scope.mappings().path(map).path(top).get(second);
                if (found == null) {
                    throw new TemplateError("Fn::FindInMap: mapping " + map + " has no " + top + "." + second);
                }
                return found;
            }
            case "Fn::Base64":
                return TextNode.valueOf(Base64.getEncoder().encodeToString(
                    text(function, value(argument, false)).getBytes(StandardCharsets.UTF_8)));
            case "Fn::GetAZs": {
                final String region = scope.ref("AWS::Region").asText();
                return NODES.arrayNode().add(region + "a").add(region + "b").add(region + "c");
            }
            default:
                throw new TemplateError(function + " is not supported by the local deploy");
        }
    }

    private JsonNode ref(final String name) {
        if ("AWS::NoValue".equals(name)) {
            return NO_VALUE;
        }
        return scope.ref(name);
    }

    private JsonNode getAtt(final JsonNode argument) {
        final String[] target = getAttTarget(argument);
        if (target == null) {
            throw new TemplateError("Fn::GetAtt takes [logicalId, attribute] or \"logicalId.attribute\", got "
                + argument);
        }
        String attribute = target[1];
        if (attribute == null) {
            attribute = text("Fn::GetAtt", value(argument.get(1), false));
        }
        return scope.getAtt(target[0], attribute);
    }

    /** [logicalId, attribute] of a GetAtt argument; the attribute is null when it is itself an intrinsic. */
    static String[] getAttTarget(final JsonNode argument) {
        if (argument.isTextual() && argument.asText().contains(".")) {
            final String text = argument.asText();
            final int dot = text.indexOf('.');
            return new String[] {text.substring(0, dot), text.substring(dot + 1)};
        }
        if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
            return new String[] {argument.get(0).asText(),
                argument.get(1).isTextual() ? argument.get(1).asText() : null};
        }
        return null;
    }

    private JsonNode sub(final JsonNode argument) {
        final String source;
        final JsonNode variables;
        if (argument.isTextual()) {
            source = argument.asText();
            variables = NODES.objectNode();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()
            && argument.get(1).isObject()) {
            source = argument.get(0).asText();
            variables = argument.get(1);
        } else {
            throw new TemplateError("Fn::Sub takes a string or [string, {variables}], got " + argument);
        }
        final Matcher m = SUB_VARIABLE.matcher(source);
        final StringBuilder out = new StringBuilder();
        while (m.find()) {
            final String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}"; // ${!Literal}
            } else if (variables.has(m.group(2))) {
                replacement = scalarText("Fn::Sub", value(variables.get(m.group(2)), false));
            } else if (m.group(2).contains(".") && !m.group(2).startsWith("AWS::")) {
                final String name = m.group(2);
                replacement = scalarText("Fn::Sub", scope.getAtt(name.substring(0, name.indexOf('.')),
                    name.substring(name.indexOf('.') + 1)));
            } else {
                replacement = scalarText("Fn::Sub", ref(m.group(2).trim()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    /** The names a {@code Fn::Sub} string refers to ({@code ${Name}}, {@code ${Resource.Attribute}}). */
    static List<String> subVariables(final String source) {
        final List<String> names = new ArrayList<>();
        final Matcher m = SUB_VARIABLE.matcher(source);
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                names.add(m.group(2).trim());
            }
        }
        return names;
    }

    private static boolean truth(final JsonNode value, final JsonNode expression) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        final String text = value.asText();
        if (value.isTextual() && ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text))) {
            return Boolean.parseBoolean(text);
        }
        throw new TemplateError("a condition must evaluate to true or false, got " + value + " from " + expression);
    }

    private static ArrayNode array(final String function, final JsonNode argument, final int size) {
        if (!argument.isArray() || argument.size() != size) {
            throw new TemplateError(function + " takes a list of " + size + " arguments, got " + argument);
        }
        return (ArrayNode) argument;
    }

    private static String text(final String function, final JsonNode value) {
        if (value == null || !value.isValueNode()) {
            throw new TemplateError(function + ": expected a string, got " + value);
        }
        return value.asText();
    }

    private static String scalarText(final String function, final JsonNode value) {
        if (value == null || !value.isValueNode()) {
            throw new TemplateError(function + ": expected a string, got " + value);
        }
        return value.asText();
    }

    /** Told about every reference inside a value, with the JSON path where it is written. */
    public interface Visitor {
        void ref(String name, String path);

        void getAtt(String logicalId, String attribute, String path);

        void condition(String name, String path);
    }

    /** Walks {@code node} and reports each Ref, GetAtt (also the {@code ${X.Y}} of Fn::Sub) and condition name. */
    public static void visit(final JsonNode node, final String path, final Visitor visitor) {
        if (isIntrinsic(node)) {
            final String function = node.fieldNames().next();
            final JsonNode argument = node.elements().next();
            final String at = path + "/" + function;
            switch (function) {
                case "Ref":
                    if (argument.isTextual()) {
                        visitor.ref(argument.asText(), at);
                        return;
                    }
                    break;
                case "Fn::GetAtt": {
                    final String[] target = getAttTarget(argument);
                    if (target != null) {
                        visitor.getAtt(target[0], target[1], at);
                        if (target[1] == null) {
                            visit(argument.get(1), at, visitor);
                        }
                        return;
                    }
                    break;
                }
                case "Fn::Sub": {
                    final JsonNode source = argument.isArray() ? argument.path(0) : argument;
                    final JsonNode variables = argument.isArray() ? argument.path(1) : NODES.objectNode();
                    for (final String name : subVariables(source.asText(""))) {
                        if (variables.has(name)) {
                            continue;
                        }
                        if (name.contains(".") && !name.startsWith("AWS::")) {
                            visitor.getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1),
                                at);
                        } else {
                            visitor.ref(name, at);
                        }
                    }
                    if (argument.isArray()) {
                        visit(variables, at, visitor);
                    }
                    return;
                }
                case "Fn::If":
                    if (argument.isArray() && argument.size() == 3 && argument.get(0).isTextual()) {
                        visitor.condition(argument.get(0).asText(), at);
                        visit(argument.get(1), at + "/1", visitor);
                        visit(argument.get(2), at + "/2", visitor);
                        return;
                    }
                    break;
                case "Condition":
                    if (argument.isTextual()) {
                        visitor.condition(argument.asText(), at);
                        return;
                    }
                    break;
                default:
                    break;
            }
            visit(argument, at, visitor);
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> visit(e.getValue(), path + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), path + "/" + i, visitor);
            }
        }
    }

    /** The logical ids and parameter names {@code node} refers to (Ref, GetAtt, Sub), conditions aside. */
    public static Set<String> references(final JsonNode node) {
        final Set<String> names = new java.util.LinkedHashSet<>();
        visit(node, "", new Visitor() {
            @Override
            public void ref(final String name, final String path) {
                names.add(name);
            }

            @Override
            public void getAtt(final String logicalId, final String attribute, final String path) {
                names.add(logicalId);
            }

            @Override
            public void condition(final String name, final String path) {
            }
        });
        return names;
    }
}
