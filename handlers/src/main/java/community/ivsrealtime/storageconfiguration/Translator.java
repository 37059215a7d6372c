package community.ivsrealtime.storageconfiguration;

import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.Tagging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStorageConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.DeleteStorageConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStorageConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListStorageConfigurationsRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListStorageConfigurationsResponse;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfiguration;

/** Between the StorageConfiguration model and the IVS Real-Time API (SDK 2.40.2 shapes). */
final class Translator {

    static final String TYPE_NAME = ResourceModel.TYPE_NAME;
    static final String CALL_GRAPH = "Community-IVSRealTime-StorageConfiguration";

    /** No update API: everything but Tags is createOnly (as the schema says). */
    static final Map<String, Function<ResourceModel, ?>> CREATE_ONLY = createOnly();

    /** The schema's writeOnly properties (never returned by the service). */
    static final java.util.Set<String> WRITE_ONLY = java.util.Set.of();

    private Translator() {
    }

    private static Map<String, Function<ResourceModel, ?>> createOnly() {
        final Map<String, Function<ResourceModel, ?>> properties = new LinkedHashMap<>();
        properties.put("Name", ResourceModel::getName);
        properties.put("S3", ResourceModel::getS3);
        return properties;
    }

    static CreateStorageConfigurationRequest create(final ResourceModel model, final Map<String, String> tags) {
        return CreateStorageConfigurationRequest.builder()
            .name(model.getName())
            .s3(toSdk(model.getS3()))
            .tags(Tagging.orNull(tags))
            .build();
    }

    static GetStorageConfigurationRequest get(final ResourceModel model) {
        return GetStorageConfigurationRequest.builder().arn(model.getArn()).build();
    }

    static DeleteStorageConfigurationRequest delete(final ResourceModel model) {
        return DeleteStorageConfigurationRequest.builder().arn(model.getArn()).build();
    }

    static ListStorageConfigurationsRequest list(final String nextToken) {
        return ListStorageConfigurationsRequest.builder().nextToken(nextToken).maxResults(IvsHandler.MAX_LIST_RESULTS)
            .build();
    }

    static ResourceModel fromService(final StorageConfiguration storage, final Map<String, String> tags) {
        return ResourceModel.builder()
            .arn(storage.arn())
            .name(storage.name())
            .s3(fromSdk(storage.s3()))
            .tags(toTagSet(tags))
            .build();
    }

    static List<ResourceModel> fromList(final ListStorageConfigurationsResponse response) {
        return response.storageConfigurations().stream()
            .map(summary -> ResourceModel.builder()
                .arn(summary.arn())
                .name(summary.name())
                .s3(fromSdk(summary.s3()))
                .tags(toTagSet(Tagging.reportedTags(summary.hasTags() ? summary.tags() : null, null, null)))
                .build())
            .collect(Collectors.toList());
    }

    static Map<String, String> serviceTags(final StorageConfiguration storage) {
        return storage.hasTags() ? storage.tags() : null;
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
