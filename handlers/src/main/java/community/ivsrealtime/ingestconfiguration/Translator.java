package community.ivsrealtime.ingestconfiguration;

import community.ivsrealtime.common.Call;
import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.ResourceOps;
import community.ivsrealtime.common.ResourceOps.Page;
import community.ivsrealtime.common.Tagging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.CreateIngestConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.CreateIngestConfigurationResponse;
import software.amazon.awssdk.services.ivsrealtime.model.DeleteIngestConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetIngestConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetIngestConfigurationResponse;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.ListIngestConfigurationsRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListIngestConfigurationsResponse;
import software.amazon.awssdk.services.ivsrealtime.model.UpdateIngestConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.UpdateIngestConfigurationResponse;

/**
 * Between the IngestConfiguration model and the IVS Real-Time API (SDK 2.40.2 shapes). The stream key is a
 * secret: it goes into the model (a read-only attribute) and nowhere else; nothing here logs.
 */
final class Translator {

    /**
     * Only StageArn (UpdateIngestConfiguration) and Tags update in place (as the schema says); InsecureIngest is
     * write-only; the service assigns ParticipantId, StreamKey and State.
     */
    static final ResourceOps<ResourceModel, IngestConfiguration> OPS =
        ResourceOps.<ResourceModel, IngestConfiguration>builder(ResourceModel.TYPE_NAME, ResourceModel::new,
                model -> model.toBuilder().build())
            .create(Call.of(c -> create(c.model(), c.tags()), IvsRealTimeClient::createIngestConfiguration,
                CreateIngestConfigurationResponse::ingestConfiguration))
            .get(Call.of(m -> GetIngestConfigurationRequest.builder().arn(m.getArn()).build(),
                IvsRealTimeClient::getIngestConfiguration, GetIngestConfigurationResponse::ingestConfiguration))
            .update(Call.of(c -> update(c.previous(), c.desired()), IvsRealTimeClient::updateIngestConfiguration,
                UpdateIngestConfigurationResponse::ingestConfiguration), Translator::updateNeeded)
            .delete(Call.of(Translator::delete, IvsRealTimeClient::deleteIngestConfiguration, response -> null))
            .list(Call.of(token -> ListIngestConfigurationsRequest.builder().nextToken(token)
                    .maxResults(IvsHandler.MAX_LIST_RESULTS).build(), IvsRealTimeClient::listIngestConfigurations,
                response -> new Page<>(fromList(response), response.nextToken())))
            .fromService(Translator::fromService, IngestConfiguration::tags)
            .tags(ResourceModel::getTags, ResourceModel::setTags, Tag::getKey, Tag::getValue, Tag::new)
            .reference("StageArn", ResourceModel::getStageArn)
        .arn(ResourceModel::getArn, ResourceModel::setArn)
            .readOnly("ParticipantId", ResourceModel::getParticipantId, ResourceModel::setParticipantId)
            .readOnly("StreamKey", ResourceModel::getStreamKey, ResourceModel::setStreamKey)
            .readOnly("State", ResourceModel::getState, ResourceModel::setState)
            .createOnly("Name", ResourceModel::getName, ResourceOps::emptyIfNull)
            .createOnly("UserId", ResourceModel::getUserId, ResourceOps::emptyIfNull)
            .createOnly("Attributes", ResourceModel::getAttributes, a -> a == null ? Map.of() : a)
            .createOnly("IngestProtocol", ResourceModel::getIngestProtocol)
            .createOnly("InsecureIngest", ResourceModel::getInsecureIngest, insecure -> Boolean.TRUE.equals(insecure))
            .writeOnly("InsecureIngest")
            .build();

    private Translator() {
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

    /** StageArn "" and absent both mean "no stage". */
    static boolean updateNeeded(final ResourceModel previous, final ResourceModel desired) {
        return !Objects.equals(emptyToNull(previous.getStageArn()), emptyToNull(desired.getStageArn()));
    }

    /** Removing StageArn from the template detaches the stage (""). */
    static UpdateIngestConfigurationRequest update(final ResourceModel previous, final ResourceModel desired) {
        return UpdateIngestConfigurationRequest.builder()
            .arn(desired.getArn())
            .stageArn(ResourceOps.emptyIfNull(desired.getStageArn()))
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

    /** InsecureIngest is not returned by the service (write-only); Attributes as stored. */
    static ResourceModel fromService(final IngestConfiguration ingest) {
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

    private static String emptyToNull(final String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
