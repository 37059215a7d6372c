package community.ivsrealtime.ingestconfiguration;

import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.Tagging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ivsrealtime.model.CreateIngestConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.DeleteIngestConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetIngestConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.ListIngestConfigurationsRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListIngestConfigurationsResponse;
import software.amazon.awssdk.services.ivsrealtime.model.UpdateIngestConfigurationRequest;

/**
 * Between the IngestConfiguration model and the IVS Real-Time API (SDK 2.40.2 shapes). The stream key is a
 * secret: it goes into the model (a read-only attribute) and nowhere else; nothing here logs.
 */
final class Translator {

    static final String TYPE_NAME = ResourceModel.TYPE_NAME;
    static final String CALL_GRAPH = "Community-IVSRealTime-IngestConfiguration";

    /** Only StageArn (and Tags) update in place (as the schema says). */
    static final Map<String, Function<ResourceModel, ?>> CREATE_ONLY = createOnly();

    /** The schema's writeOnly properties (never returned by the service). */
    static final java.util.Set<String> WRITE_ONLY = java.util.Set.of("InsecureIngest");

    private Translator() {
    }

    private static Map<String, Function<ResourceModel, ?>> createOnly() {
        final Map<String, Function<ResourceModel, ?>> properties = new LinkedHashMap<>();
        properties.put("Name", ResourceModel::getName);
        properties.put("UserId", ResourceModel::getUserId);
        properties.put("Attributes", ResourceModel::getAttributes);
        properties.put("IngestProtocol", ResourceModel::getIngestProtocol);
        properties.put("InsecureIngest", ResourceModel::getInsecureIngest);
        return properties;
    }

    static CreateIngestConfigurationRequest create(final ResourceModel model, final Map<String, String> tags) {
        return CreateIngestConfigurationRequest.builder()
            .name(model.getName())
            .stageArn(model.getStageArn())
            .userId(model.getUserId())
            .attributes(model.getAttributes())
            .ingestProtocol(model.getIngestProtocol())
            .insecureIngest(model.getInsecureIngest())
            .tags(Tagging.orNull(tags))
            .build();
    }

    static GetIngestConfigurationRequest get(final ResourceModel model) {
        return GetIngestConfigurationRequest.builder().arn(model.getArn()).build();
    }

    /** StageArn "" and absent both mean "no stage". */
    static boolean updateNeeded(final ResourceModel previous, final ResourceModel desired) {
        return !Objects.equals(emptyToNull(previous.getStageArn()), emptyToNull(desired.getStageArn()));
    }

    /** Removing StageArn from the template detaches the stage (""). */
    static UpdateIngestConfigurationRequest update(final ResourceModel previous, final ResourceModel desired) {
        return UpdateIngestConfigurationRequest.builder()
            .arn(desired.getArn())
            .stageArn(desired.getStageArn() == null ? "" : desired.getStageArn())
            .build();
    }

    /**
     * force=true: CloudFormation's DELETE means "make it go away". Without force the service refuses while a
     * publisher is streaming (ConflictException) and the stack deletion would be stuck; with force the publisher
     * is disconnected, as DeleteStage disconnects a stage's participants.
     */
    static DeleteIngestConfigurationRequest delete(final ResourceModel model) {
        return DeleteIngestConfigurationRequest.builder().arn(model.getArn()).force(true).build();
    }

    static ListIngestConfigurationsRequest list(final String nextToken) {
        return ListIngestConfigurationsRequest.builder().nextToken(nextToken).maxResults(IvsHandler.MAX_LIST_RESULTS)
            .build();
    }

    /** InsecureIngest is not returned by the service (write-only); Attributes as stored. */
    static ResourceModel fromService(final IngestConfiguration ingest, final Map<String, String> tags) {
        return ResourceModel.builder()
            .arn(ingest.arn())
            .name(ingest.name())
            .stageArn(ingest.stageArn())
            .userId(ingest.userId())
            .attributes(ingest.hasAttributes() ? new LinkedHashMap<>(ingest.attributes()) : null)
            .ingestProtocol(ingest.ingestProtocolAsString())
            .participantId(ingest.participantId())
            .streamKey(ingest.streamKey())
            .state(ingest.stateAsString())
            .tags(toTagSet(tags))
            .build();
    }

    /** The summary has no stream key, attributes or tags. */
    static List<ResourceModel> fromList(final ListIngestConfigurationsResponse response) {
        return response.ingestConfigurations().stream()
            .map(summary -> ResourceModel.builder()
                .arn(summary.arn())
                .name(summary.name())
                .stageArn(summary.stageArn())
                .userId(summary.userId())
                .ingestProtocol(summary.ingestProtocolAsString())
                .participantId(summary.participantId())
                .state(summary.stateAsString())
                .build())
            .collect(Collectors.toList());
    }

    static Map<String, String> serviceTags(final IngestConfiguration ingest) {
        return ingest.hasTags() ? ingest.tags() : null;
    }

    static Map<String, String> tagMap(final ResourceModel model) {
        return model == null ? null : Tagging.toMap(model.getTags(), Tag::getKey, Tag::getValue);
    }

    static Set<Tag> toTagSet(final Map<String, String> tags) {
        return Tagging.toSet(tags, (key, value) -> Tag.builder().key(key).value(value).build());
    }

    static ResourceModel withReadOnly(final ResourceModel model, final ResourceModel source) {
        if (source == null) {
            return model;
        }
        return model.toBuilder()
            .arn(model.getArn() != null ? model.getArn() : source.getArn())
            .participantId(model.getParticipantId() != null ? model.getParticipantId() : source.getParticipantId())
            .streamKey(model.getStreamKey() != null ? model.getStreamKey() : source.getStreamKey())
            .state(model.getState() != null ? model.getState() : source.getState())
            .build();
    }

    private static String emptyToNull(final String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
