package community.ivsrealtime.publickey;

import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.Tagging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ivsrealtime.model.DeletePublicKeyRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ImportPublicKeyRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKey;

/** Between the PublicKey model and the IVS Real-Time API (SDK 2.40.2 shapes). */
final class Translator {

    static final String TYPE_NAME = ResourceModel.TYPE_NAME;
    static final String CALL_GRAPH = "Community-IVSRealTime-PublicKey";

    /** No update API: everything but Tags is createOnly (as the schema says). */
    static final Map<String, Function<ResourceModel, ?>> CREATE_ONLY = createOnly();

    /** The schema's writeOnly properties (never returned by the service). */
    static final java.util.Set<String> WRITE_ONLY = java.util.Set.of();

    private Translator() {
    }

    private static Map<String, Function<ResourceModel, ?>> createOnly() {
        final Map<String, Function<ResourceModel, ?>> properties = new LinkedHashMap<>();
        properties.put("Name", ResourceModel::getName);
        properties.put("PublicKeyMaterial", ResourceModel::getPublicKeyMaterial);
        return properties;
    }

    static ImportPublicKeyRequest create(final ResourceModel model, final Map<String, String> tags) {
        return ImportPublicKeyRequest.builder()
            .name(model.getName())
            .publicKeyMaterial(model.getPublicKeyMaterial())
            .tags(Tagging.orNull(tags))
            .build();
    }

    static GetPublicKeyRequest get(final ResourceModel model) {
        return GetPublicKeyRequest.builder().arn(model.getArn()).build();
    }

    static DeletePublicKeyRequest delete(final ResourceModel model) {
        return DeletePublicKeyRequest.builder().arn(model.getArn()).build();
    }

    static ListPublicKeysRequest list(final String nextToken) {
        return ListPublicKeysRequest.builder().nextToken(nextToken).maxResults(IvsHandler.MAX_LIST_RESULTS).build();
    }

    static ResourceModel fromService(final PublicKey key, final Map<String, String> tags) {
        return ResourceModel.builder()
            .arn(key.arn())
            .name(key.name())
            .publicKeyMaterial(key.publicKeyMaterial())
            .fingerprint(key.fingerprint())
            .tags(toTagSet(tags))
            .build();
    }

    static List<ResourceModel> fromList(final ListPublicKeysResponse response) {
        return response.publicKeys().stream()
            .map(summary -> ResourceModel.builder()
                .arn(summary.arn())
                .name(summary.name())
                .tags(toTagSet(Tagging.reportedTags(summary.hasTags() ? summary.tags() : null, null, null)))
                .build())
            .collect(Collectors.toList());
    }

    static Map<String, String> serviceTags(final PublicKey key) {
        return key.hasTags() ? key.tags() : null;
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
            .fingerprint(model.getFingerprint() != null ? model.getFingerprint() : source.getFingerprint())
            .build();
    }
}
