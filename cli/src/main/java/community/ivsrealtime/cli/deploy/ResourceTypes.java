package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import community.ivsrealtime.common.IvsHandlerWrapper;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.registry.ResourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the deploy needs to know about each {@code Community::IVSRealTime::*} type ({@link ResourceType}, the
 * project's list of types), read from the type's schema: which
 * properties are createOnly (a change replaces the resource), readOnly (the attributes {@code Fn::GetAtt} can
 * name), writeOnly (never read back); and the type's handler wrapper for schema checks.
 */
public final class ResourceTypes {

    /** The namespace of the types with handlers here. */
    public static final String PREFIX = ResourceType.NAMESPACE;

    private static final Map<String, TypeInfo> TYPES = new ConcurrentHashMap<>();

    private ResourceTypes() {
    }

    /** One type's facts. */
    public record TypeInfo(String typeName, JsonNode schema, Set<String> createOnly, Set<String> readOnly,
                           Set<String> writeOnly, IvsHandlerWrapper<?, ?, ?> wrapper) {

        /** True when {@code attribute} ({@code Arn}, {@code Endpoints.Whip}) is one {@code Fn::GetAtt} can name. */
        public boolean hasAttribute(final String attribute) {
            final String[] parts = attribute.split("\\.");
            if (!readOnly.contains(parts[0])) {
                return false;
            }
            JsonNode rule = schema.path("properties").path(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                rule = resolve(rule).path("properties").path(parts[i]);
                if (rule.isMissingNode()) {
                    return false;
                }
            }
            return true;
        }

        /** The attributes {@code Fn::GetAtt} can name (top level and one level into objects). */
        public List<String> attributes() {
            final List<String> names = new ArrayList<>();
            for (final String name : readOnly) {
                final JsonNode nested = resolve(schema.path("properties").path(name)).path("properties");
                if (nested.size() == 0) {
                    names.add(name);
                } else {
                    nested.fieldNames().forEachRemaining(n -> names.add(name + "." + n));
                }
            }
            return names;
        }

        private JsonNode resolve(final JsonNode rule) {
            final String ref = rule.path("$ref").asText("");
            return ref.startsWith("#/") ? schema.at(ref.substring(1)) : rule;
        }
    }

    /** True for the types deployed through their handlers. */
    public static boolean isManaged(final String typeName) {
        return ResourceType.isKnown(typeName);
    }

    public static Set<String> managedTypes() {
        final Set<String> names = new java.util.TreeSet<>();
        for (final ResourceType type : ResourceType.values()) {
            names.add(type.typeName());
        }
        return names;
    }

    /** The facts of a managed type. */
    public static TypeInfo of(final String typeName) {
        return TYPES.computeIfAbsent(typeName, ResourceTypes::load);
    }

    private static TypeInfo load(final String typeName) {
        final ResourceType type = ResourceType.of(typeName);
        final JsonNode schema;
        // read from the file as the handlers jar carries it (in its own order: messages list properties that way)
        try (java.io.InputStream in = IvsHandlerWrapper.class.getResourceAsStream("/" + type.schemaFileName())) {
            schema = in == null ? HandlerRequest.JSON.readTree(type.schema().toString())
                : HandlerRequest.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TypeInfo(typeName, schema, names(schema, "createOnlyProperties"),
            names(schema, "readOnlyProperties"), names(schema, "writeOnlyProperties"), type.newWrapper());
    }

    /** The top-level property names of a list of {@code /properties/X} pointers. */
    private static Set<String> names(final JsonNode schema, final String list) {
        final Set<String> names = new LinkedHashSet<>();
        schema.path(list).forEach(p -> names.add(p.asText().replaceFirst("^/properties/", "").split("/")[0]));
        return names;
    }
}
