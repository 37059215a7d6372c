package community.ivsrealtime.publickey;

import community.ivsrealtime.common.Call;
import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.ResourceOps;
import community.ivsrealtime.common.ResourceOps.Page;
import community.ivsrealtime.common.Tagging;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKeySummary;
import software.amazon.awssdk.services.ivsrealtime.model.DeletePublicKeyRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ImportPublicKeyRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ImportPublicKeyResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKey;

/**
 * Between the PublicKey model and the IVS Real-Time API (SDK 2.40.2 shapes): what only a public key has.
 * {@link #OPS} gives the shared handlers its calls and schema facts.
 */
final class Translator {

    /**
     * Created by ImportPublicKey; no update API: everything but Tags is createOnly (as the schema says). The
     * service computes the Fingerprint.
     */
    static final ResourceOps<ResourceModel, PublicKey> OPS = ResourceOps.<ResourceModel, PublicKey>builder(
            ResourceModel.TYPE_NAME, ResourceModel::new, model -> model.toBuilder().build())
        .create(Call.of(c -> create(c.model(), c.tags()), IvsRealTimeClient::importPublicKey,
            ImportPublicKeyResponse::publicKey))
        .get(Call.of(m -> GetPublicKeyRequest.builder().arn(m.getArn()).build(), IvsRealTimeClient::getPublicKey,
            GetPublicKeyResponse::publicKey))
        .delete(Call.of(m -> DeletePublicKeyRequest.builder().arn(m.getArn()).build(),
            IvsRealTimeClient::deletePublicKey, response -> null))
        .list(Call.of(token -> ListPublicKeysRequest.builder().nextToken(token)
                .maxResults(IvsHandler.MAX_LIST_RESULTS).build(), IvsRealTimeClient::listPublicKeys,
            response -> Page.of(fromList(response), response.nextToken(),
                response.publicKeys(), PublicKeySummary::arn, PublicKeySummary::tags)))
        .fromService(Translator::fromService, PublicKey::tags)
        .tags(ResourceModel::getTags, ResourceModel::setTags, Tag::getKey, Tag::getValue, Tag::new)
        .arn(ResourceModel::getArn, ResourceModel::setArn)
        .readOnly("Fingerprint", ResourceModel::getFingerprint, ResourceModel::setFingerprint)
        .createOnly("Name", ResourceModel::getName, ResourceOps::emptyIfNull)
        .createOnly("PublicKeyMaterial", ResourceModel::getPublicKeyMaterial)
        .build();

    private Translator() {
    }

    static ImportPublicKeyRequest create(final ResourceModel model, final Map<String, String> tags) {
        return ImportPublicKeyRequest.builder()
            .name(model.getName())
            .publicKeyMaterial(model.getPublicKeyMaterial())
            .tags(Tagging.orNull(tags))
            .build();
    }

    /** The whole public key as the service stores it, without Tags. */
    static ResourceModel fromService(final PublicKey key) {
        return ResourceModel.builder()
            .arn(key.arn())
            .name(key.name())
            .publicKeyMaterial(key.publicKeyMaterial())
            .fingerprint(key.fingerprint())
            .build();
    }

    /** The summary has neither the material nor the fingerprint. */
    static List<ResourceModel> fromList(final ListPublicKeysResponse response) {
        return response.publicKeys().stream()
            .map(summary -> OPS.withTags(ResourceModel.builder().arn(summary.arn()).name(summary.name()).build(),
                Tagging.reportedTags(summary.tags(), null, null)))
            .collect(Collectors.toList());
    }
}
