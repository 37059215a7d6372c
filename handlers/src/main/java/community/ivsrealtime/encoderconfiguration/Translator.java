package community.ivsrealtime.encoderconfiguration;

import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.Tagging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ivsrealtime.model.CreateEncoderConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.DeleteEncoderConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.GetEncoderConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListEncoderConfigurationsRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListEncoderConfigurationsResponse;

/** Between the EncoderConfiguration model and the IVS Real-Time API (SDK 2.40.2 shapes). */
final class Translator {

    static final String TYPE_NAME = ResourceModel.TYPE_NAME;
    static final String CALL_GRAPH = "Community-IVSRealTime-EncoderConfiguration";

    /** No update API: everything but Tags is createOnly (as the schema says). */
    static final Map<String, Function<ResourceModel, ?>> CREATE_ONLY = createOnly();

    /** The schema's writeOnly properties (never returned by the service). */
    static final java.util.Set<String> WRITE_ONLY = java.util.Set.of();

    private Translator() {
    }

    private static Map<String, Function<ResourceModel, ?>> createOnly() {
        final Map<String, Function<ResourceModel, ?>> properties = new LinkedHashMap<>();
        properties.put("Name", ResourceModel::getName);
        properties.put("Video", ResourceModel::getVideo);
        return properties;
    }

    static CreateEncoderConfigurationRequest create(final ResourceModel model, final Map<String, String> tags) {
        return CreateEncoderConfigurationRequest.builder()
            .name(model.getName())
            .video(toSdk(model.getVideo()))
            .tags(Tagging.orNull(tags))
            .build();
    }

    static GetEncoderConfigurationRequest get(final ResourceModel model) {
        return GetEncoderConfigurationRequest.builder().arn(model.getArn()).build();
    }

    static DeleteEncoderConfigurationRequest delete(final ResourceModel model) {
        return DeleteEncoderConfigurationRequest.builder().arn(model.getArn()).build();
    }

    static ListEncoderConfigurationsRequest list(final String nextToken) {
        return ListEncoderConfigurationsRequest.builder().nextToken(nextToken).maxResults(IvsHandler.MAX_LIST_RESULTS)
            .build();
    }

    static ResourceModel fromService(final EncoderConfiguration encoder, final Map<String, String> tags) {
        return ResourceModel.builder()
            .arn(encoder.arn())
            .name(encoder.name())
            .video(fromSdk(encoder.video()))
            .tags(toTagSet(tags))
            .build();
    }

    static List<ResourceModel> fromList(final ListEncoderConfigurationsResponse response) {
        return response.encoderConfigurations().stream()
            .map(summary -> ResourceModel.builder()
                .arn(summary.arn())
                .name(summary.name())
                .tags(toTagSet(Tagging.reportedTags(summary.hasTags() ? summary.tags() : null, null, null)))
                .build())
            .collect(Collectors.toList());
    }

    static Map<String, String> serviceTags(final EncoderConfiguration encoder) {
        return encoder.hasTags() ? encoder.tags() : null;
    }

    static Map<String, String> tagMap(final ResourceModel model) {
        return model == null ? null : Tagging.toMap(model.getTags(), Tag::getKey, Tag::getValue);
    }

    static Set<Tag> toTagSet(final Map<String, String> tags) {
        return Tagging.toSet(tags, (key, value) -> Tag.builder().key(key).value(value).build());
    }

    static ResourceModel withReadOnly(final ResourceModel model, final ResourceModel source) {
        if (source == null || model.getArn() != null) {
            return model;
        }
        return model.toBuilder().arn(source.getArn()).build();
    }

    static software.amazon.awssdk.services.ivsrealtime.model.Video toSdk(final Video video) {
        if (video == null) {
            return null;
        }
        return software.amazon.awssdk.services.ivsrealtime.model.Video.builder()
            .width(video.getWidth())
            .height(video.getHeight())
            .framerate(video.getFramerate() == null ? null : video.getFramerate().floatValue())
            .bitrate(video.getBitrate())
            .build();
    }

    /** The API's framerate is a float: 29.97f comes back as 29.97 (its shortest decimal), not 29.969999313354492. */
    static Video fromSdk(final software.amazon.awssdk.services.ivsrealtime.model.Video video) {
        if (video == null) {
            return null;
        }
        return Video.builder()
            .width(video.width())
            .height(video.height())
            .framerate(video.framerate() == null ? null : Double.valueOf(Float.toString(video.framerate())))
            .bitrate(video.bitrate())
            .build();
    }
}
