package community.ivsrealtime.stage;

import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.Tagging;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.DeleteStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListStagesRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListStagesResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantRecordingHlsConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantThumbnailConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;
import software.amazon.awssdk.services.ivsrealtime.model.StageEndpoints;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;
import software.amazon.awssdk.services.ivsrealtime.model.UpdateStageRequest;

/** Between the Stage model and the IVS Real-Time API (SDK 2.40.2 shapes). */
final class Translator {

    static final String TYPE_NAME = ResourceModel.TYPE_NAME;
    static final String CALL_GRAPH = "Community-IVSRealTime-Stage";

    /** Stage has no createOnly property: Name and recording update in place, tags through Tag/UntagResource. */
    static final Map<String, Function<ResourceModel, ?>> CREATE_ONLY = Map.of();

    /** The schema's writeOnly properties (never returned by the service). */
    static final java.util.Set<String> WRITE_ONLY = java.util.Set.of();

    private Translator() {
    }

    static CreateStageRequest create(final ResourceModel model, final Map<String, String> tags) {
        return CreateStageRequest.builder()
            .name(model.getName())
            .autoParticipantRecordingConfiguration(toSdk(model.getAutoParticipantRecordingConfiguration()))
            .tags(Tagging.orNull(tags))
            .build();
    }

    static GetStageRequest get(final ResourceModel model) {
        return GetStageRequest.builder().arn(model.getArn()).build();
    }

    /** Sends only what changed; a property removed from the template goes back to the service's "none" value. */
    static UpdateStageRequest update(final ResourceModel previous, final ResourceModel desired) {
        final UpdateStageRequest.Builder request = UpdateStageRequest.builder().arn(desired.getArn());
        if (nameChanged(previous, desired)) {
            request.name(desired.getName() == null ? "" : desired.getName());
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
        return !Objects.equals(emptyIfNull(previous.getName()), emptyIfNull(desired.getName()));
    }

    /**
     * Compares with the service's documented defaults filled in (ivs-realtime-api.md section 5): a previous state
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
            .storageConfigurationArn(emptyIfNull(r.getStorageConfigurationArn()))
            .mediaTypes(r.getMediaTypes() == null ? List.of("AUDIO_VIDEO") : r.getMediaTypes())
            .thumbnailConfiguration(ThumbnailConfiguration.builder()
                .targetIntervalSeconds(t.getTargetIntervalSeconds() == null ? 60 : t.getTargetIntervalSeconds())
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

    private static String emptyIfNull(final String value) {
        return value == null ? "" : value;
    }

    static boolean updateNeeded(final ResourceModel previous, final ResourceModel desired) {
        return nameChanged(previous, desired) || recordingChanged(previous, desired);
    }

    static DeleteStageRequest delete(final ResourceModel model) {
        return DeleteStageRequest.builder().arn(model.getArn()).build();
    }

    static ListStagesRequest list(final String nextToken) {
        return ListStagesRequest.builder().nextToken(nextToken).maxResults(IvsHandler.MAX_LIST_RESULTS).build();
    }

    /** The whole stage as the service stores it; {@code tags} are the tags to report (see Tagging). */
    static ResourceModel fromService(final Stage stage, final Map<String, String> tags) {
        return ResourceModel.builder()
            .arn(stage.arn())
            .name(stage.name())
            .autoParticipantRecordingConfiguration(fromSdk(stage.autoParticipantRecordingConfiguration()))
            .activeSessionId(stage.activeSessionId())
            .endpoints(fromSdk(stage.endpoints()))
            .tags(toTagSet(tags))
            .build();
    }

    /** A LIST page: everything the summary has (Arn, Name, ActiveSessionId; tags as READ reports them). */
    static List<ResourceModel> fromList(final ListStagesResponse response) {
        final List<ResourceModel> models = new ArrayList<>();
        for (final StageSummary summary : response.stages()) {
            models.add(ResourceModel.builder()
                .arn(summary.arn())
                .name(summary.name())
                .activeSessionId(summary.activeSessionId())
                .tags(toTagSet(Tagging.reportedTags(summary.hasTags() ? summary.tags() : null, null, null)))
                .build());
        }
        return models;
    }

    static Map<String, String> tagMap(final ResourceModel model) {
        return model == null ? null : Tagging.toMap(model.getTags(), Tag::getKey, Tag::getValue);
    }

    static java.util.Set<Tag> toTagSet(final Map<String, String> tags) {
        return Tagging.toSet(tags, (key, value) -> Tag.builder().key(key).value(value).build());
    }

    /** The service's tags of a stage (null when it has none). */
    static Map<String, String> serviceTags(final Stage stage) {
        return stage.hasTags() ? stage.tags() : null;
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
                .targetIntervalSeconds(thumbnails.getTargetIntervalSeconds())
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

    /** Read-only values of {@code source} that {@code model} lacks (UPDATE without a call that returns the stage). */
    static ResourceModel withReadOnly(final ResourceModel model, final ResourceModel source) {
        if (source == null) {
            return model;
        }
        return model.toBuilder()
            .arn(model.getArn() != null ? model.getArn() : source.getArn())
            .activeSessionId(model.getActiveSessionId() != null ? model.getActiveSessionId() : source.getActiveSessionId())
            .endpoints(model.getEndpoints() != null ? model.getEndpoints() : source.getEndpoints())
            .build();
    }
}
