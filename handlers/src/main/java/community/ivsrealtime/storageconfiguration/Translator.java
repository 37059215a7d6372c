package community.ivsrealtime.storageconfiguration;

import community.ivsrealtime.common.Call;
import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.ResourceOps;
import community.ivsrealtime.common.ResourceOps.Page;
import community.ivsrealtime.common.Tagging;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfigurationSummary;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStorageConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStorageConfigurationResponse;
import software.amazon.awssdk.services.ivsrealtime.model.DeleteStorageConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStorageConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStorageConfigurationResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ListStorageConfigurationsRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListStorageConfigurationsResponse;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfiguration;

/**
 * Between the StorageConfiguration model and the IVS Real-Time API (SDK 2.40.2 shapes): what only a storage
 * configuration has. {@link #OPS} gives the shared handlers its calls and schema facts.
 */
final class Translator {

    /** No update API: everything but Tags is createOnly (as the schema says); Arn is the only read-only value. */
    static final ResourceOps<ResourceModel, StorageConfiguration> OPS =
        ResourceOps.<ResourceModel, StorageConfiguration>builder(ResourceModel.TYPE_NAME, ResourceModel::new,
                model -> model.toBuilder().build())
            .create(Call.of(c -> create(c.model(), c.tags()), IvsRealTimeClient::createStorageConfiguration,
                CreateStorageConfigurationResponse::storageConfiguration))
            .get(Call.of(m -> GetStorageConfigurationRequest.builder().arn(m.getArn()).build(),
                IvsRealTimeClient::getStorageConfiguration, GetStorageConfigurationResponse::storageConfiguration))
            .delete(Call.of(m -> DeleteStorageConfigurationRequest.builder().arn(m.getArn()).build(),
                IvsRealTimeClient::deleteStorageConfiguration, response -> null))
            .list(Call.of(token -> ListStorageConfigurationsRequest.builder().nextToken(token)
                    .maxResults(IvsHandler.MAX_LIST_RESULTS).build(), IvsRealTimeClient::listStorageConfigurations,
                response -> Page.of(fromList(response), response.nextToken(),
                response.storageConfigurations(), StorageConfigurationSummary::arn, StorageConfigurationSummary::tags)))
            .fromService(Translator::fromService, StorageConfiguration::tags)
            .tags(ResourceModel::getTags, ResourceModel::setTags, Tag::getKey, Tag::getValue, Tag::new)
            .arn(ResourceModel::getArn, ResourceModel::setArn)
            .createOnly("Name", ResourceModel::getName, ResourceOps::emptyIfNull)
            .createOnly("S3", ResourceModel::getS3)
            .build();

    private Translator() {
    }

    static CreateStorageConfigurationRequest create(final ResourceModel model, final Map<String, String> tags) {
        return CreateStorageConfigurationRequest.builder()
            .name(model.getName())
            .s3(toSdk(model.getS3()))
            .tags(Tagging.orNull(tags))
            .build();
    }

    /** The whole storage configuration as the service stores it, without Tags. */
    static ResourceModel fromService(final StorageConfiguration storage) {
        return ResourceModel.builder()
            .arn(storage.arn())
            .name(storage.name())
            .s3(fromSdk(storage.s3()))
            .build();
    }

    /** The summary carries the bucket too. */
    static List<ResourceModel> fromList(final ListStorageConfigurationsResponse response) {
        return response.storageConfigurations().stream()
            .map(summary -> OPS.withTags(ResourceModel.builder()
                    .arn(summary.arn())
                    .name(summary.name())
                    .s3(fromSdk(summary.s3()))
                    .build(),
                Tagging.reportedTags(summary.tags(), null, null)))
            .collect(Collectors.toList());
    }

    static software.amazon.awssdk.services.ivsrealtime.model.S3StorageConfiguration toSdk(
        final S3StorageConfiguration s3) {
        return s3 == null ? null
            : software.amazon.awssdk.services.ivsrealtime.model.S3StorageConfiguration.builder()
                .bucketName(s3.getBucketName()).build();
    }

    static S3StorageConfiguration fromSdk(final software.amazon.awssdk.services.ivsrealtime.model.S3StorageConfiguration s3) {
        return s3 == null ? null : S3StorageConfiguration.builder().bucketName(s3.bucketName()).build();
    }
}
