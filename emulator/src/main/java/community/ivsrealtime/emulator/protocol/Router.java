package community.ivsrealtime.emulator.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an HTTP method and a RAW request path to a model operation. Label segments are matched on the raw
 * (still percent-encoded) path, so an ARN encoded into one segment ({@code %2F}) stays one segment, and are
 * decoded only afterwards. An empty label matches (and fails validation later with a clear message).
 */
public final class Router {

    /** A matched operation with its decoded URI labels. */
    public record Route(OperationModel operation, Map<String, String> labels) {
    }

    private final Map<String, OperationModel> literal = new HashMap<>();
    private final List<OperationModel> templated = new ArrayList<>();

    public Router(ServiceModel model) {
        for (OperationModel op : model.operations().values()) {
            if (op.hasLabels()) {
                templated.add(op);
            } else {
                literal.put(op.method() + " " + op.uriTemplate(), op);
            }
        }
    }

    /**
     * Finds the operation for a request.
     *
     * @return the route, or null when no operation has this method and path
     * @throws PercentCoding.MalformedEncodingException when a label segment is badly percent-encoded
     */
    public Route route(String method, String rawPath) throws PercentCoding.MalformedEncodingException {
        OperationModel op = literal.get(method + " " + rawPath);
        if (op != null) {
            return new Route(op, Map.of());
        }
        String[] segments = (rawPath.startsWith("/") ? rawPath.substring(1) : rawPath).split("/", -1);
        for (OperationModel candidate : templated) {
            if (candidate.method().equals(method) && shapeMatches(candidate.pathSegments(), segments)) {
                return new Route(candidate, labels(candidate.pathSegments(), segments));
            }
        }
        return null;
    }

    private static boolean shapeMatches(List<String> template, String[] segments) {
        if (template.size() != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            String t = template.get(i);
            if (!OperationModel.isLabel(t) && !t.equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(List<String> template, String[] segments)
            throws PercentCoding.MalformedEncodingException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            if (OperationModel.isLabel(template.get(i))) {
                labels.put(OperationModel.labelName(template.get(i)), PercentCoding.decodePath(segments[i]));
            }
        }
        return labels;
    }
}
