package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {@code Community::IVSRealTime::*} resources of a template before anything is deployed: each one's
 * properties against its type's schema, with the handlers' own checks
 * ({@link community.ivsrealtime.common.IvsHandlerWrapper#schemaViolations}: unknown or misspelt properties,
 * types, patterns, lengths, ranges, enums, required properties), and every reference in the template
 * ({@code Ref}, {@code Fn::GetAtt} and its attribute, {@code Fn::Sub} variables, {@code DependsOn},
 * conditions). Values given by intrinsics are evaluated where the template alone says what they are
 * (parameters' defaults, pseudo parameters, {@code Fn::Join} of those...); where they depend on a deployed
 * resource, the constraint checks skip them, the reference checks do not.
 */
public final class TemplateValidator {

    /** One mistake: where (template file, logical id, property path) and what. */
    public record Finding(String file, String logicalId, String path, String message) {
        @Override
        public String toString() {
            return file + ": " + logicalId + (path.isEmpty() ? "" : ": " + path) + ": " + message;
        }
    }

    private static final Pattern LINE = Pattern.compile("^#((?:/[^:\\s]*)?): (.*)$");
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)] is not permitted");
    private static final Pattern REQUIRED = Pattern.compile("required key \\[(.*)] not found");
    private static final Set<String> PSEUDO = Set.of("AWS::Region", "AWS::AccountId", "AWS::StackName",
        "AWS::StackId", "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs");

    private TemplateValidator() {
    }

    /** The findings of every stack's template. */
    public static List<Finding> validate(final Collection<StackSource> stacks) {
        final List<Finding> findings = new ArrayList<>();
        for (final StackSource stack : stacks) {
            findings.addAll(validate(stack.template(), stack.name()));
        }
        return findings;
    }

    /** The findings of one template. */
    public static List<Finding> validate(final Template template, final String stackName) {
        final List<Finding> findings = new ArrayList<>();
        final String file = template.name();
        final Map<String, Template.Resource> resources = template.resources();
        final StackScope scope = new StackScope(template, stackName,
            "arn:aws:cloudformation:us-east-1:123456789012:stack/" + stackName + "/validate", "us-east-1",
            "123456789012", Map.of(), id -> null, name -> {
                throw new Intrinsics.Unresolved("export " + name);
            }).withoutFakeValues();
        for (final Template.Resource resource : resources.values()) {
            final String id = resource.logicalId();
            for (final String target : resource.dependsOn()) {
                if (!resources.containsKey(target)) {
                    findings.add(new Finding(file, id, "DependsOn", "there is no resource named " + target));
                }
            }
            if (resource.condition() != null && !template.conditions().has(resource.condition())) {
                findings.add(new Finding(file, id, "Condition", "there is no condition named " + resource.condition()));
            }
            checkReferences(template, resource.properties(), file, id, "Properties", findings);
            if (!resource.type().startsWith(ResourceTypes.PREFIX)) {
                continue;
            }
            if (!ResourceTypes.isManaged(resource.type())) {
                findings.add(new Finding(file, id, "Type", "unknown type " + resource.type() + "; the types are "
                    + ResourceTypes.managedTypes()));
                continue;
            }
            checkSchema(ResourceTypes.of(resource.type()), resource, scope, file, findings);
        }
        template.outputs().fields().forEachRemaining(output ->
            checkReferences(template, output.getValue(), file, "Outputs", output.getKey(), findings));
        return findings;
    }

    private static void checkReferences(final Template template, final JsonNode node, final String file,
                                        final String id, final String path, final List<Finding> findings) {
        final Map<String, Template.Resource> resources = template.resources();
        Intrinsics.visit(node, path, new Intrinsics.Visitor() {
            @Override
            public void ref(final String name, final String at) {
                if (!PSEUDO.contains(name) && !resources.containsKey(name) && !template.parameters().has(name)) {
                    findings.add(new Finding(file, id, at, "Ref " + name + ": there is no resource or parameter named "
                        + name));
                }
            }

            @Override
            public void getAtt(final String logicalId, final String attribute, final String at) {
                final Template.Resource target = resources.get(logicalId);
                if (target == null) {
                    findings.add(new Finding(file, id, at, "Fn::GetAtt " + logicalId + (attribute == null ? ""
                        : "." + attribute) + ": there is no resource named " + logicalId));
                } else if (attribute != null && ResourceTypes.isManaged(target.type())) {
                    final ResourceTypes.TypeInfo type = ResourceTypes.of(target.type());
                    if (!type.hasAttribute(attribute)) {
                        findings.add(new Finding(file, id, at, "Fn::GetAtt " + logicalId + "." + attribute + ": "
                            + target.type() + " has no attribute " + attribute + "; it has " + type.attributes()));
                    }
                }
            }

            @Override
            public void condition(final String name, final String at) {
                if (!template.conditions().has(name)) {
                    findings.add(new Finding(file, id, at, "there is no condition named " + name));
                }
            }
        });
    }

    private static void checkSchema(final ResourceTypes.TypeInfo type, final Template.Resource resource,
                                    final StackScope scope, final String file, final List<Finding> findings) {
        final String id = resource.logicalId();
        JsonNode properties;
        try {
            properties = scope.intrinsics().resolvePartially(resource.properties());
        } catch (Intrinsics.TemplateError e) {
            properties = resource.properties(); // the reference checks name the mistake
        }
        if (!(properties instanceof ObjectNode)) {
            return;
        }
        for (final String readOnly : type.readOnly()) {
            if (properties.has(readOnly)) {
                findings.add(new Finding(file, id, "Properties/" + readOnly, readOnly + " is read-only (set by IVS; "
                    + "read it with Fn::GetAtt " + id + "." + readOnly + "): remove it"));
                ((ObjectNode) properties).remove(readOnly);
            }
        }
        final String violations = type.wrapper().schemaViolations(properties);
        if (violations == null) {
            return;
        }
        final String body = violations.replaceFirst("^Model validation failed \\(", "").replaceFirst("\\)$", "");
        final List<String[]> lines = new ArrayList<>();
        for (final String line : body.split("\n")) {
            final Matcher m = LINE.matcher(line.trim());
            if (m.matches()) {
                lines.add(new String[] {m.group(1), m.group(2)});
            } else if (!line.isBlank()) {
                lines.add(new String[] {"", line.trim()});
            }
        }
        final Set<String> reported = new LinkedHashSet<>();
        for (final String[] line : lines) {
            final String pointer = line[0];
            String message = line[1];
            // "#: only 1 subschema matches out of 2" repeats another line about the same value
            if (message.matches("#: only \\d+ subschema matches out of \\d+")
                && lines.stream().anyMatch(l -> l != line && l[0].equals(pointer))) {
                continue;
            }
            final List<String> segments = segments(pointer);
            String path = "Properties" + (pointer.isEmpty() ? "" : pointer);
            final Matcher extraneous = EXTRANEOUS.matcher(message);
            final Matcher required = REQUIRED.matcher(message);
            if (extraneous.find()) {
                if (writtenAsIntrinsic(properties, segments)) {
                    continue;
                }
                final String key = extraneous.group(1);
                path = path + "/" + key;
                message = "unknown property " + key + suggestion(key, known(type, segments));
            } else if (required.find()) {
                if (writtenAsIntrinsic(properties, segments)) {
                    continue;
                }
                message = "required property " + required.group(1) + " is missing";
            } else if (writtenAsIntrinsic(properties, segments)) {
                continue; // the value comes from an intrinsic evaluated at deploy time
            } else if (message.startsWith("expected type")) {
                message = message + " (value " + valueAt(properties, segments) + ")";
            }
            if (reported.add(path + ": " + message)) {
                findings.add(new Finding(file, id, path, message));
            }
        }
    }

    /** True when the value at {@code segments}, or one holding it, is an intrinsic not evaluated yet. */
    private static boolean writtenAsIntrinsic(final JsonNode properties, final List<String> segments) {
        JsonNode node = properties;
        if (Intrinsics.isIntrinsic(node)) {
            return true;
        }
        for (final String segment : segments) {
            node = node.isArray() ? node.path(index(segment)) : node.path(segment);
            if (Intrinsics.isIntrinsic(node)) {
                return true;
            }
        }
        return false;
    }

    private static String valueAt(final JsonNode properties, final List<String> segments) {
        JsonNode node = properties;
        for (final String segment : segments) {
            node = node.isArray() ? node.path(index(segment)) : node.path(segment);
        }
        final String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** The property names the schema allows at {@code segments} (top level: the type's properties). */
    private static Set<String> known(final ResourceTypes.TypeInfo type, final List<String> segments) {
        JsonNode rule = type.schema();
        for (final String segment : segments) {
            rule = resolve(type.schema(), rule);
            rule = rule.has("items") && index(segment) >= 0 ? rule.get("items") : rule.path("properties").path(segment);
        }
        final Set<String> names = new LinkedHashSet<>();
        resolve(type.schema(), rule).path("properties").fieldNames().forEachRemaining(names::add);
        if (segments.isEmpty()) {
            names.removeAll(type.readOnly());
        }
        return names;
    }

    private static JsonNode resolve(final JsonNode schema, final JsonNode rule) {
        final String ref = rule.path("$ref").asText("");
        return ref.startsWith("#/") ? schema.at(ref.substring(1)) : rule;
    }

    private static String suggestion(final String key, final Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String name : known) {
            final int d = distance(key.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        final String list = "; the properties here are " + known;
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? " (did you mean " + best + "?)" + list
            : list;
    }

    /** Levenshtein distance. */
    private static int distance(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            final int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static List<String> segments(final String pointer) {
        final List<String> segments = new ArrayList<>();
        for (final String s : pointer.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s.replace("~1", "/").replace("~0", "~"));
            }
        }
        return segments;
    }

    private static int index(final String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
