package community.ivsrealtime.encoderconfiguration;

import community.ivsrealtime.common.Call;
import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.ResourceOps;
import community.ivsrealtime.common.ResourceOps.Page;
import community.ivsrealtime.common.Tagging;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfigurationSummary;
import software.amazon.awssdk.services.ivsrealtime.model.CreateEncoderConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.CreateEncoderConfigurationResponse;
import software.amazon.awssdk.services.ivsrealtime.model.DeleteEncoderConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.GetEncoderConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetEncoderConfigurationResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ListEncoderConfigurationsRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListEncoderConfigurationsResponse;

/**
 * Between the EncoderConfiguration model and the IVS Real-Time API (SDK 2.40.2 shapes): what only an encoder
 * configuration has. {@link #OPS} gives the shared handlers its calls and schema facts.
 */
final class Translator {

    /** No update API: everything but Tags is createOnly (as the schema says); Arn is the only read-only value. */
    static final ResourceOps<ResourceModel, EncoderConfiguration> OPS =
        ResourceOps.<ResourceModel, EncoderConfiguration>builder(ResourceModel.TYPE_NAME, ResourceModel::new,
                model -> model.toBuilder().build())
            .create(Call.of(c -> create(c.model(), c.tags()), IvsRealTimeClient::createEncoderConfiguration,
                CreateEncoderConfigurationResponse::encoderConfiguration))
            .get(Call.of(m -> GetEncoderConfigurationRequest.builder().arn(m.getArn()).build(),
                IvsRealTimeClient::getEncoderConfiguration, GetEncoderConfigurationResponse::encoderConfiguration))
            .delete(Call.of(m -> DeleteEncoderConfigurationRequest.builder().arn(m.getArn()).build(),
                IvsRealTimeClient::deleteEncoderConfiguration, response -> null))
            .list(Call.of(token -> ListEncoderConfigurationsRequest.builder().nextToken(token)
                    .maxResults(IvsHandler.MAX_LIST_RESULTS).build(), IvsRealTimeClient::listEncoderConfigurations,
                response -> Page.of(fromList(response), response.nextToken(),
                response.encoderConfigurations(), EncoderConfigurationSummary::arn, EncoderConfigurationSummary::tags)))
            .fromService(Translator::fromService, EncoderConfiguration::tags)
            .tags(ResourceModel::getTags, ResourceModel::setTags, Tag::getKey, Tag::getValue, Tag::new)
            .arn(ResourceModel::getArn, ResourceModel::setArn)
            .createOnly("Name", ResourceModel::getName, ResourceOps::emptyIfNull)
            .createOnly("Video", ResourceModel::getVideo, Translator::videoAsStored)
            .build();

    private Translator() {
    }

    static CreateEncoderConfigurationRequest create(final ResourceModel model, final Map<String, String> tags) {
        return CreateEncoderConfigurationRequest.builder()
            .name(model.getName())
            .video(toSdk(model.getVideo()))
            .tags(Tagging.orNull(tags))
            .build();
    }

    /** The whole encoder configuration as the service stores it, without Tags. */
    static ResourceModel fromService(final EncoderConfiguration encoder) {
        return ResourceModel.builder()
            .arn(encoder.arn())
            .name(encoder.name())
            .video(fromSdk(encoder.video()))
            .build();
    }

    static List<ResourceModel> fromList(final ListEncoderConfigurationsResponse response) {
        return response.encoderConfigurations().stream()
            .map(summary -> OPS.withTags(ResourceModel.builder().arn(summary.arn()).name(summary.name()).build(),
                Tagging.reportedTags(summary.tags(), null, null)))
            .collect(Collectors.toList());
    }

    /** Service defaults for an absent Video or member (https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_Video.html): 1280x720, 30 fps, 2.5 Mbps. */
    static Video videoAsStored(final Video video) {
        final Video v = video == null ? new Video() : video;
        return Video.builder()
            .width(v.getWidth() == null ? Integer.valueOf(1280) : v.getWidth())
            .height(v.getHeight() == null ? Integer.valueOf(720) : v.getHeight())
            .framerate(v.getFramerate() == null ? Double.valueOf(30) : v.getFramerate())
            .bitrate(v.getBitrate() == null ? Integer.valueOf(2_500_000) : v.getBitrate())
            .build();
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
