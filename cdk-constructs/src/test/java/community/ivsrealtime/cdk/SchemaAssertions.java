package community.ivsrealtime.cdk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.json.JSONObject;
import software.amazon.awscdk.assertions.Template;
import software.amazon.cloudformation.resource.Validator;

/**
 * Checks synthesized templates against the resource type schemas with the validator the handlers use (the
 * CloudFormation resource-schema library's {@link Validator}, everit underneath), so that construct props and schemas
 * cannot drift apart. Every {@code Community::IVSRealTime::*} resource is checked:
 * <ul>
 *   <li>its Properties validate against the schema packaged in this library (types, patterns, ranges, enums, required
 *       members, no unknown property);</li>
 *   <li>it sets no read-only property (CloudFormation refuses those);</li>
 *   <li>a value CloudFormation computes at deploy time (an intrinsic function: {@code Ref}, {@code Fn::GetAtt},
 *       {@code Fn::Join}, ...) cannot be checked here: violations at or inside such a value are ignored.</li>
 * </ul>
 * Usage from a construct test: {@code SchemaAssertions.assertTemplateValid(Template.fromStack(stack))}; it returns
 * how many resources it checked, so a test can also prove it checked something.
 */
public final class SchemaAssertions {

    /** Prefix of the types checked. */
    public static final String TYPE_PREFIX = "Community::IVSRealTime::";

    private static final Validator VALIDATOR = new Validator();
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaAssertions() {
    }

    /** Fails (AssertionError naming every violation) unless every IVS Real-Time resource is valid; returns the count. */
    public static int assertTemplateValid(Template template) {
        return assertTemplateValid(template.toJSON());
    }

    /** As {@link #assertTemplateValid(Template)} for a template as a map (parsed template JSON). */
    public static int assertTemplateValid(Map<String, Object> template) {
        List<String> violations = new ArrayList<>();
        int checked = check(template, violations);
        if (!violations.isEmpty()) {
            throw new AssertionError("template resources break their schemas:\n  " + String.join("\n  ", violations));
        }
        return checked;
    }

    /** Checks every {@code *.template.json} of a cloud assembly directory (cdk.out); returns the resources checked. */
    public static int assertAssemblyValid(Path assemblyDir) {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(assemblyDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".template.json")).sorted().toList()) {
                Map<String, Object> template = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
                List<String> found = new ArrayList<>();
                checked += check(template, found);
                found.forEach(v -> violations.add(file.getFileName() + ": " + v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("template resources break their schemas:\n  " + String.join("\n  ", violations));
        }
        return checked;
    }

    /** The violations of one template, one line each ({@code LogicalId (Type): #/Pointer: message}). */
    public static List<String> violations(Map<String, Object> template) {
        List<String> violations = new ArrayList<>();
        check(template, violations);
        return violations;
    }

    @SuppressWarnings("unchecked")
    private static int check(Map<String, Object> template, List<String> violations) {
        Object resources = template.get("Resources");
        if (!(resources instanceof Map)) {
            return 0;
        }
        int checked = 0;
        for (Map.Entry<String, Object> r : ((Map<String, Object>) resources).entrySet()) {
            Map<String, Object> resource = (Map<String, Object>) r.getValue();
            String type = String.valueOf(resource.get("Type"));
            if (!type.startsWith(TYPE_PREFIX)) {
                continue;
            }
            checked++;
            String where = r.getKey() + " (" + type + ")";
            if (!TypeSchemas.typeNames().contains(type)) {
                violations.add(where + ": no such type; the types are " + TypeSchemas.typeNames());
                continue;
            }
            Map<String, Object> properties = resource.get("Properties") instanceof Map
                    ? (Map<String, Object>) resource.get("Properties") : Map.of();
            TypeSchemas.schema(type).path("readOnlyProperties").forEach(pointer -> {
                String name = pointer.asText().substring("/properties/".length());
                if (properties.containsKey(name)) {
                    violations.add(where + ": #/" + name + ": is read-only and cannot be set in a template");
                }
            });
            List<String> computed = new ArrayList<>();
            intrinsics(properties, "#", computed);
            try {
                schema(type).validate(new JSONObject(properties));
            } catch (ValidationException e) {
                for (ValidationException leaf : leaves(e)) {
                    String pointer = leaf.getPointerToViolation();
                    if (computed.stream().noneMatch(c -> pointer.equals(c) || pointer.startsWith(c + "/"))) {
                        violations.add(where + ": " + leaf.getMessage());
                    }
                }
            }
        }
        return checked;
    }

    private static Schema schema(String type) {
        return LOADED.computeIfAbsent(type,
                t -> VALIDATOR.loadResourceDefinitionSchema(new JSONObject(TypeSchemas.schema(t).toString())));
    }

    private static List<ValidationException> leaves(ValidationException e) {
        if (e.getCausingExceptions().isEmpty()) {
            return List.of(e);
        }
        List<ValidationException> out = new ArrayList<>();
        e.getCausingExceptions().forEach(c -> out.addAll(leaves(c)));
        return out;
    }

    /** Collects the JSON pointers (everit's {@code #/A/0/B} form) of every intrinsic function value. */
    private static void intrinsics(Object value, String pointer, List<String> out) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    out.add(pointer);
                    return;
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            copy.forEach((k, v) -> intrinsics(v, pointer + "/" + k, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                intrinsics(list.get(i), pointer + "/" + i, out);
            }
        }
    }
}
