package community.ivsrealtime.bench.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStageResponse;

/** The template's Translator: model to request, response to model. */
final class Translator {
    private Translator() {
    }

    static CreateStageRequest translateToCreateRequest(final ResourceModel model, final Map<String, String> tags) {
        return CreateStageRequest.builder().name(model.getName()).tags(tags).build();
    }

    static GetStageRequest translateToReadRequest(final ResourceModel model) {
        return GetStageRequest.builder().arn(model.getArn()).build();
    }

    static ResourceModel translateFromReadResponse(final GetStageResponse response) {
        final ResourceModel model = new ResourceModel();
        model.setArn(response.stage().arn());
        model.setName(response.stage().name());
        final List<Tag> tags = response.stage().tags().entrySet().stream()
            .filter(e -> !e.getKey().startsWith("aws:"))
            .map(e -> new Tag(e.getKey(), e.getValue())).collect(Collectors.toList());
        model.setTags(tags.isEmpty() ? null : tags);
        return model;
    }

    static Map<String, String> tags(final Map<String, String> desired, final Map<String, String> system) {
        final Map<String, String> all = new HashMap<>();
        if (desired != null) {
            all.putAll(desired);
        }
        if (system != null) {
            all.putAll(system);
        }
        return all;
    }
}
