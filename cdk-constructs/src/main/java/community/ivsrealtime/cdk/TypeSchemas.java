package community.ivsrealtime.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource type schemas this library was built with, packaged in its jar (copied from {@code resource-schemas/}
 * by the build), so that synthesis needs no repository checkout.
 */
public final class TypeSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOLDER = "/community/ivsrealtime/cdk/schemas/";
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private TypeSchemas() {
    }

    /** Every type name of the library ({@link IvsRealTimeTypeNames#ALL}). */
    public static List<String> typeNames() {
        return IvsRealTimeTypeNames.ALL;
    }

    /** {@code Community::IVSRealTime::Stage} -> {@code community-ivsrealtime-stage}: the file and package base name. */
    public static String baseName(String typeName) {
        return typeName.toLowerCase(Locale.ROOT).replace("::", "-");
    }

    /** The schema of a type, as JSON (a shared tree: do not modify it). */
    public static JsonNode schema(String typeName) {
        if (!IvsRealTimeTypeNames.ALL.contains(typeName)) {
            throw new IllegalArgumentException("unknown type \"" + typeName + "\"; the types are " + IvsRealTimeTypeNames.ALL);
        }
        return CACHE.computeIfAbsent(typeName, t -> {
            String path = FOLDER + baseName(t) + ".json";
            try (InputStream in = TypeSchemas.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("the schema of " + t + " is not on the classpath at " + path);
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("schema of " + t, e);
            }
        });
    }

    /** The union of the schema's {@code handlers.*.permissions}: the actions its handlers call, sorted. */
    public static List<String> handlerPermissions(String typeName) {
        TreeSet<String> actions = new TreeSet<>();
        schema(typeName).path("handlers").forEach(handler -> handler.path("permissions").forEach(a -> actions.add(a.asText())));
        return List.copyOf(actions);
    }
}
