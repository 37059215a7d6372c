package community.ivsrealtime.stage;

import community.ivsrealtime.common.Call;
import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.ResourceOps;
import community.ivsrealtime.common.ResourceOps.Page;
import community.ivsrealtime.common.Tagging;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStageResponse;
import software.amazon.awssdk.services.ivsrealtime.model.DeleteStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStageResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ListStagesRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListStagesResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantRecordingHlsConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantThumbnailConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;
import software.amazon.awssdk.services.ivsrealtime.model.StageEndpoints;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;
import software.amazon.awssdk.services.ivsrealtime.model.UpdateStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.UpdateStageResponse;

/**
 * Between the Stage model and the IVS Real-Time API (SDK 2.40.2 shapes): what only a stage has. {@link #OPS}
 * gives the shared handlers its calls and schema facts.
 */
final class Translator {

    /**
     * Name and AutoParticipantRecordingConfiguration update in place (UpdateStage), Tags through Tag/UntagResource:
     * Stage has no createOnly property. ActiveSessionId is returned only while a session is active.
     */
    static final ResourceOps<ResourceModel, Stage> OPS = ResourceOps.<ResourceModel, Stage>builder(
            ResourceModel.TYPE_NAME, ResourceModel::new, model -> model.toBuilder().build())
        .create(Call.of(c -> create(c.model(), c.tags()), IvsRealTimeClient::createStage, CreateStageResponse::stage))
        .get(Call.of(m -> GetStageRequest.builder().arn(m.getArn()).build(), IvsRealTimeClient::getStage,
            GetStageResponse::stage))
        .update(Call.of(c -> update(c.previous(), c.desired()), IvsRealTimeClient::updateStage,
            UpdateStageResponse::stage), Translator::updateNeeded)
        .delete(Call.of(m -> DeleteStageRequest.builder().arn(m.getArn()).build(), IvsRealTimeClient::deleteStage,
            response -> null))
        .list(Call.of(token -> ListStagesRequest.builder().nextToken(token).maxResults(IvsHandler.MAX_LIST_RESULTS)
            .build(), IvsRealTimeClient::listStages, response -> Page.of(fromList(response), response.nextToken(),
                response.stages(), StageSummary::arn, StageSummary::tags)))
        .fromService(Translator::fromService, Stage::tags)
        .tags(ResourceModel::getTags, ResourceModel::setTags, Tag::getKey, Tag::getValue, Tag::new)
        .arn(ResourceModel::getArn, ResourceModel::setArn)
        .readOnly("Endpoints", ResourceModel::getEndpoints, ResourceModel::setEndpoints)
        .reference("AutoParticipantRecordingConfiguration.StorageConfigurationArn",
            m -> m.getAutoParticipantRecordingConfiguration() == null ? null
                : m.getAutoParticipantRecordingConfiguration().getStorageConfigurationArn())
        .readOnlyWhenPresent("ActiveSessionId", ResourceModel::getActiveSessionId, ResourceModel::setActiveSessionId)
        .build();

    /** Service defaults (https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_AutoParticipantRecordingConfiguration.html). */
    static final int DEFAULT_THUMBNAIL_INTERVAL = 60;
    static final String THUMBNAILS_INTERVAL = "INTERVAL";

    private Translator() {
    }

    static CreateStageRequest create(final ResourceModel model, final Map<String, String> tags) {
        return CreateStageRequest.builder()
            .name(model.getName())
            .autoParticipantRecordingConfiguration(toSdk(model.getAutoParticipantRecordingConfiguration()))
            .tags(Tagging.orNull(tags))
            .build();
    }

    /** Sends only what changed; a property removed from the template goes back to the service's "none" value. */
    static UpdateStageRequest update(final ResourceModel previous, final ResourceModel desired) {
        final UpdateStageRequest.Builder request = UpdateStageRequest.builder().arn(desired.getArn());
        if (nameChanged(previous, desired)) {
            request.name(ResourceOps.emptyIfNull(desired.getName()));
        }
        if (recordingChanged(previous, desired)) {
            request.autoParticipantRecordingConfiguration(desired.getAutoParticipantRecordingConfiguration() == null
                ? software.amazon.awssdk.services.ivsrealtime.model.AutoParticipantRecordingConfiguration.builder()
                    .storageConfigurationArn("").build()
                : toSdk(desired.getAutoParticipantRecordingConfiguration()));
        }
        return request.build();
    }

    /** Name absent and "" are the same stage name (the service stores ""). */
    static boolean nameChanged(final ResourceModel previous, final ResourceModel desired) {
        return !Objects.equals(ResourceOps.emptyIfNull(previous.getName()), ResourceOps.emptyIfNull(desired.getName()));
    }

    /**
     * Compares with the service's documented defaults filled in (API_AutoParticipantRecordingConfiguration.html, above): a previous state
     * read back from the service carries them, a template usually does not, and "absent" means "recording off
     * with defaults" (storage configuration ARN "").
     */
    static boolean recordingChanged(final ResourceModel previous, final ResourceModel desired) {
        return !Objects.equals(withDefaults(previous.getAutoParticipantRecordingConfiguration()),
            withDefaults(desired.getAutoParticipantRecordingConfiguration()));
    }

    static AutoParticipantRecordingConfiguration withDefaults(final AutoParticipantRecordingConfiguration recording) {
        final AutoParticipantRecordingConfiguration r = recording == null
            ? new AutoParticipantRecordingConfiguration() : recording;
        final ThumbnailConfiguration t = r.getThumbnailConfiguration() == null
            ? new ThumbnailConfiguration() : r.getThumbnailConfiguration();
        final HlsConfiguration h = r.getHlsConfiguration() == null ? new HlsConfiguration() : r.getHlsConfiguration();
        return AutoParticipantRecordingConfiguration.builder()
            .storageConfigurationArn(ResourceOps.emptyIfNull(r.getStorageConfigurationArn()))
            .mediaTypes(r.getMediaTypes() == null || r.getMediaTypes().isEmpty() ? List.of("AUDIO_VIDEO")
                : r.getMediaTypes())
            .thumbnailConfiguration(ThumbnailConfiguration.builder()
                .targetIntervalSeconds(t.getTargetIntervalSeconds() == null
                    ? DEFAULT_THUMBNAIL_INTERVAL : t.getTargetIntervalSeconds())
                .storage(t.getStorage() == null ? Set.of("SEQUENTIAL") : t.getStorage())
                .recordingMode(t.getRecordingMode() == null ? "DISABLED" : t.getRecordingMode())
                .build())
            .recordingReconnectWindowSeconds(r.getRecordingReconnectWindowSeconds() == null
                ? 0 : r.getRecordingReconnectWindowSeconds())
            .hlsConfiguration(HlsConfiguration.builder()
                .targetSegmentDurationSeconds(h.getTargetSegmentDurationSeconds() == null
                    ? 6 : h.getTargetSegmentDurationSeconds())
                .build())
            .recordParticipantReplicas(r.getRecordParticipantReplicas() == null ? Boolean.TRUE
                : r.getRecordParticipantReplicas())
            .build();
    }

    static boolean updateNeeded(final ResourceModel previous, final ResourceModel desired) {
        return nameChanged(previous, desired) || recordingChanged(previous, desired);
    }

    /** The whole stage as the service stores it, without Tags (the shared handlers set the Tags to report). */
    static ResourceModel fromService(final Stage stage) {
        return ResourceModel.builder()
            .arn(stage.arn())
            .name(stage.name())
            .autoParticipantRecordingConfiguration(fromSdk(stage.autoParticipantRecordingConfiguration()))
            .activeSessionId(stage.activeSessionId())
            .endpoints(fromSdk(stage.endpoints()))
            .build();
    }

    /** A LIST page: everything the summary has (Arn, Name, ActiveSessionId; tags as READ reports them). */
    static List<ResourceModel> fromList(final ListStagesResponse response) {
        final List<ResourceModel> models = new ArrayList<>();
        for (final StageSummary summary : response.stages()) {
            models.add(OPS.withTags(ResourceModel.builder()
                .arn(summary.arn())
                .name(summary.name())
                .activeSessionId(summary.activeSessionId())
                .build(), Tagging.reportedTags(summary.tags(), null, null)));
        }
        return models;
    }

    static software.amazon.awssdk.services.ivsrealtime.model.AutoParticipantRecordingConfiguration toSdk(
        final AutoParticipantRecordingConfiguration recording) {
        if (recording == null) {
            return null;
        }
        final ThumbnailConfiguration thumbnails = recording.getThumbnailConfiguration();
        final HlsConfiguration hls = recording.getHlsConfiguration();
        return software.amazon.awssdk.services.ivsrealtime.model.AutoParticipantRecordingConfiguration.builder()
            .storageConfigurationArn(recording.getStorageConfigurationArn())
            .mediaTypesWithStrings(recording.getMediaTypes())
            .thumbnailConfiguration(thumbnails == null ? null : ParticipantThumbnailConfiguration.builder()
                .targetIntervalSeconds(intervalToSend(thumbnails))
                .storageWithStrings(thumbnails.getStorage())
                .recordingMode(thumbnails.getRecordingMode())
                .build())
            .recordingReconnectWindowSeconds(recording.getRecordingReconnectWindowSeconds())
            .hlsConfiguration(hls == null ? null : ParticipantRecordingHlsConfiguration.builder()
                .targetSegmentDurationSeconds(hls.getTargetSegmentDurationSeconds())
                .build())
            .recordParticipantReplicas(recording.getRecordParticipantReplicas())
            .build();
    }

    /**
     * IVS refuses targetIntervalSeconds unless recordingMode is INTERVAL, yet GetStage reports the default 60 in
     * DISABLED mode too. The default is left out of the request in that case, so a model READ returned (as
     * CloudFormation's import and IaC generator reuse it) creates and updates cleanly; any other value still goes
     * to the service, which names it in its refusal.
     */
    static Integer intervalToSend(final ThumbnailConfiguration thumbnails) {
        final Integer interval = thumbnails.getTargetIntervalSeconds();
        final boolean intervalMode = THUMBNAILS_INTERVAL.equals(thumbnails.getRecordingMode());
        return !intervalMode && Integer.valueOf(DEFAULT_THUMBNAIL_INTERVAL).equals(interval) ? null : interval;
    }

    static AutoParticipantRecordingConfiguration fromSdk(
        final software.amazon.awssdk.services.ivsrealtime.model.AutoParticipantRecordingConfiguration recording) {
        if (recording == null) {
            return null;
        }
        final ParticipantThumbnailConfiguration thumbnails = recording.thumbnailConfiguration();
        final ParticipantRecordingHlsConfiguration hls = recording.hlsConfiguration();
        return AutoParticipantRecordingConfiguration.builder()
            .storageConfigurationArn(recording.storageConfigurationArn())
            .mediaTypes(recording.hasMediaTypes() ? new ArrayList<>(recording.mediaTypesAsStrings()) : null)
            .thumbnailConfiguration(thumbnails == null ? null : ThumbnailConfiguration.builder()
                .targetIntervalSeconds(thumbnails.targetIntervalSeconds())
                .storage(thumbnails.hasStorage() ? new LinkedHashSet<>(thumbnails.storageAsStrings()) : null)
                .recordingMode(thumbnails.recordingModeAsString())
                .build())
            .recordingReconnectWindowSeconds(recording.recordingReconnectWindowSeconds())
            .hlsConfiguration(hls == null ? null : HlsConfiguration.builder()
                .targetSegmentDurationSeconds(hls.targetSegmentDurationSeconds())
                .build())
            .recordParticipantReplicas(recording.recordParticipantReplicas())
            .build();
    }

    static Endpoints fromSdk(final StageEndpoints endpoints) {
        if (endpoints == null) {
            return null;
        }
        return Endpoints.builder()
            .events(endpoints.events())
            .whip(endpoints.whip())
            .rtmp(endpoints.rtmp())
            .rtmps(endpoints.rtmps())
            .build();
    }
}
