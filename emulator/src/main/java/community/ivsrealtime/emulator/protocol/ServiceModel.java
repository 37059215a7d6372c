package community.ivsrealtime.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The IVS Real-Time service model (botocore {@code service-2.json}, documentation stripped), shipped as the
 * resource {@value #RESOURCE}. Routing and input validation are derived from it.
 */
public final class ServiceModel {
    public static final String RESOURCE = "/ivs-realtime/service-2.json";

    /**
     * The model's tagging ARN pattern reads {@code ...:[a-z-]/...}, which matches no real ARN (reference §9.1);
     * it is read as {@code [a-z-]+}, any IVS resource type.
     */
    static final String BROKEN_RESOURCE_ARN_PATTERN = "arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]/[a-zA-Z0-9-]+";
    static final String FIXED_RESOURCE_ARN_PATTERN = "arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+";

    private static final ServiceModel DEFAULT = load();

    private final JsonNode metadata;
    private final Map<String, JsonNode> shapes;
    private final Map<String, OperationModel> operations;
    private final Map<String, Pattern> patterns = new HashMap<>();

    private ServiceModel(JsonNode root) {
        this.metadata = root.path("metadata");
        Map<String, JsonNode> shapeMap = new HashMap<>();
        root.path("shapes").fields().forEachRemaining(e -> shapeMap.put(e.getKey(), e.getValue()));
        this.shapes = Collections.unmodifiableMap(shapeMap);
        Map<String, OperationModel> ops = new LinkedHashMap<>();
        root.path("operations").fields().forEachRemaining(e -> ops.put(e.getKey(), operation(e.getKey(), e.getValue())));
        this.operations = Collections.unmodifiableMap(ops);
        shapes.forEach((name, shape) -> {
            if (shape.has("pattern")) {
                patterns.put(name, Pattern.compile(effectivePattern(shape.get("pattern").asText())));
            }
        });
    }

    /** The model shipped with the emulator (parsed once). */
    public static ServiceModel get() {
        return DEFAULT;
    }

    private static ServiceModel load() {
        try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("service model resource missing: " + RESOURCE);
            }
            return new ServiceModel(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service model " + RESOURCE, e);
        }
    }

    static String effectivePattern(String modelPattern) {
        return BROKEN_RESOURCE_ARN_PATTERN.equals(modelPattern) ? FIXED_RESOURCE_ARN_PATTERN : modelPattern;
    }

    private OperationModel operation(String name, JsonNode op) {
        JsonNode http = op.path("http");
        String uri = http.path("requestUri").asText();
        String inputShape = op.path("input").path("shape").asText(null);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        if (inputShape != null) {
            shapes.get(inputShape).path("members").fields().forEachRemaining(m -> {
                String location = m.getValue().path("location").asText("");
                String wireName = m.getValue().path("locationName").asText(m.getKey());
                if (location.equals("uri")) {
                    labels.put(wireName, m.getKey());
                } else if (location.equals("querystring")) {
                    query.put(wireName, m.getKey());
                }
            });
        }
        String path = uri.startsWith("/") ? uri.substring(1) : uri;
        List<String> segments = List.copyOf(Arrays.asList(path.split("/", -1)));
        return new OperationModel(name, http.path("method").asText("POST"), segments, inputShape,
                Collections.unmodifiableMap(labels), Collections.unmodifiableMap(query));
    }

    public Map<String, OperationModel> operations() {
        return operations;
    }

    public OperationModel operation(String name) {
        return operations.get(name);
    }

    /** The shape definition, or a missing node for unknown names. */
    public JsonNode shape(String name) {
        JsonNode shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("unknown shape " + name);
        }
        return shape;
    }

    /** The compiled pattern of a string shape (to be used as a full match), or null. */
    public Pattern pattern(String shapeName) {
        return patterns.get(shapeName);
    }

    public String signingName() {
        return metadata.path("signingName").asText();
    }
}
