package community.ivsrealtime.emulator.protocol;

import java.util.List;
import java.util.Map;

/**
 * One operation of the service model, as the wire protocol needs it.
 *
 * @param name          operation name, for example {@code CreateStage}
 * @param method        HTTP method ({@code POST}, {@code GET}, {@code DELETE})
 * @param pathSegments  the request URI template split at {@code /}; a segment {@code {x}} is a label
 * @param inputShape    name of the input structure shape, or null
 * @param labelMembers  URI label name to input member name
 * @param queryMembers  query parameter name to input member name
 */
public record OperationModel(String name, String method, List<String> pathSegments, String inputShape,
                             Map<String, String> labelMembers, Map<String, String> queryMembers) {

    /** Whether the URI template has labels (so it cannot be matched by a plain string lookup). */
    public boolean hasLabels() {
        return !labelMembers.isEmpty();
    }

    /** The URI template as written in the model, for example {@code /tags/{resourceArn}}. */
    public String uriTemplate() {
        return "/" + String.join("/", pathSegments);
    }

    static boolean isLabel(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static String labelName(String segment) {
        return segment.substring(1, segment.length() - 1);
    }
}
