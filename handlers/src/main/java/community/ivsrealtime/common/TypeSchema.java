package community.ivsrealtime.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.everit.json.schema.Schema;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import software.amazon.cloudformation.resource.ResourceTypeSchema;

/**
 * A type's schema, read and loaded once per JVM, shared by everything that needs it during a request: the wrapper's
 * request checks, the plugin's model validation ({@link LoadedSchemaValidator}) and the plugin's response sanitizing
 * ({@code IvsHandlerWrapper.sanitizeModel}). Left to itself the plugin loads the schema with everit again for each
 * of those, on every request (about 30 ms each on a cold JVM, measured on the build machine: BENCHMARKS.md).
 *
 * <p>The schema is loaded as the plugin's validator loads it for a model ({@code BaseValidator.validateObject}: draft 7,
 * the document as it is), without checking it against CloudFormation's meta-schema on every cold start: the build
 * does that ({@code SchemaMetaSchemaTest}), and the schemas only refer to their own {@code #/definitions}.
 */
final class TypeSchema {

    private static final Map<String, TypeSchema> BY_TYPE_NAME = new ConcurrentHashMap<>();

    private final JSONObject json;
    private final Schema loaded;
    private final boolean hasWriteOnlyProperties;
    private volatile ResourceTypeSchema resourceTypeSchema;

    private TypeSchema(final JSONObject json) {
        this.json = json;
        this.loaded = SchemaLoader.builder().draftV7Support().schemaJson(json).build().load().build();
        final JSONArray writeOnly = json.optJSONArray("writeOnlyProperties");
        this.hasWriteOnlyProperties = writeOnly != null && !writeOnly.isEmpty();
    }

    /** The schema of {@code typeName}, from the classpath root (the handler jar carries every schema). */
    static TypeSchema of(final String typeName) {
        return BY_TYPE_NAME.computeIfAbsent(typeName, name -> new TypeSchema(read(fileName(name))));
    }

    /** The loaded schema whose document is {@code json} (the very object {@link #json()} returned), or null. */
    static TypeSchema forDocument(final JSONObject json) {
        for (TypeSchema schema : BY_TYPE_NAME.values()) {
            if (schema.json == json) {
                return schema;
            }
        }
        return null;
    }

    /** The schema's file name (and classpath resource) for a type name. */
    static String fileName(final String typeName) {
        return typeName.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
    }

    private static JSONObject read(final String fileName) {
        try (InputStream in = TypeSchema.class.getResourceAsStream("/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("resource schema /" + fileName + " is not on the classpath");
            }
            return new JSONObject(new JSONTokener(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource schema /" + fileName, e);
        }
    }

    /** The schema document (shared: do not change it). */
    JSONObject json() {
        return json;
    }

    /** The schema loaded for validation. */
    Schema loaded() {
        return loaded;
    }

    /** False when the schema declares no writeOnlyProperties: then responses have nothing to remove. */
    boolean hasWriteOnlyProperties() {
        return hasWriteOnlyProperties;
    }

    /** The plugin's view of the schema (write-only properties), made from the loaded schema on first use. */
    ResourceTypeSchema resourceTypeSchema() {
        ResourceTypeSchema result = resourceTypeSchema;
        if (result == null) {
            result = new ResourceTypeSchema(loaded);
            resourceTypeSchema = result;
        }
        return result;
    }
}
