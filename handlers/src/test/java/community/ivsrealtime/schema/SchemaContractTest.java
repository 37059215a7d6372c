package community.ivsrealtime.schema;

import community.ivsrealtime.registry.ResourceType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.cloudformation.resource.ResourceTypeSchema;

/**
 * What CloudFormation may do with each property (readOnly / createOnly / writeOnly) and exactly which IAM actions
 * each handler declares: the handlers' call plan (one create call carrying the tags, which IAM also authorizes as
 * ivs:TagResource; one Get per read; Update* only where IVS has one, plus TagResource/UntagResource, else one Get;
 * one Delete*; List* per page).
 */
class SchemaContractTest {

    private record Expected(Set<String> readOnly, Set<String> createOnly, Set<String> writeOnly, Map<String, Set<String>> permissions) {
    }

    private static Expected expected(ResourceType type) {
        switch (type) {
            case STAGE:
                return new Expected(
                        Set.of("/properties/Arn", "/properties/ActiveSessionId", "/properties/Endpoints"),
                        Set.of(), Set.of(),
                        Map.of("create", Set.of("ivs:CreateStage", "ivs:TagResource",
                                        // finding what an unanswered create made (CreateHandler)
                                        "ivs:ListStages", "ivs:GetStage"),
                                "read", Set.of("ivs:GetStage"),
                                "update", Set.of("ivs:UpdateStage", "ivs:GetStage", "ivs:TagResource", "ivs:UntagResource"),
                                "delete", Set.of("ivs:DeleteStage"),
                                "list", Set.of("ivs:ListStages")));
            case ENCODER_CONFIGURATION:
                return new Expected(Set.of("/properties/Arn"), Set.of("/properties/Name", "/properties/Video"), Set.of(),
                        Map.of("create", Set.of("ivs:CreateEncoderConfiguration", "ivs:TagResource",
                                        // finding what an unanswered create made (CreateHandler)
                                        "ivs:ListEncoderConfigurations", "ivs:GetEncoderConfiguration"),
                                "read", Set.of("ivs:GetEncoderConfiguration"),
                                "update", Set.of("ivs:GetEncoderConfiguration", "ivs:TagResource", "ivs:UntagResource"),
                                "delete", Set.of("ivs:DeleteEncoderConfiguration"),
                                "list", Set.of("ivs:ListEncoderConfigurations")));
            case STORAGE_CONFIGURATION:
                return new Expected(Set.of("/properties/Arn"), Set.of("/properties/Name", "/properties/S3"), Set.of(),
                        Map.of("create", Set.of("ivs:CreateStorageConfiguration", "ivs:TagResource",
                                        // finding what an unanswered create made (CreateHandler)
                                        "ivs:ListStorageConfigurations", "ivs:GetStorageConfiguration",
                                        // IVS edits the bucket policy with the caller's credentials
                                        "s3:GetBucketLocation", "s3:GetBucketPolicy", "s3:PutBucketPolicy"),
                                "read", Set.of("ivs:GetStorageConfiguration"),
                                "update", Set.of("ivs:GetStorageConfiguration", "ivs:TagResource", "ivs:UntagResource"),
                                "delete", Set.of("ivs:DeleteStorageConfiguration",
                                        "s3:DeleteBucketPolicy", "s3:GetBucketPolicy", "s3:PutBucketPolicy"),
                                "list", Set.of("ivs:ListStorageConfigurations")));
            case PUBLIC_KEY:
                return new Expected(Set.of("/properties/Arn", "/properties/Fingerprint"),
                        Set.of("/properties/Name", "/properties/PublicKeyMaterial"), Set.of(),
                        Map.of("create", Set.of("ivs:ImportPublicKey", "ivs:TagResource",
                                        // finding what an unanswered create made (CreateHandler)
                                        "ivs:ListPublicKeys", "ivs:GetPublicKey"),
                                "read", Set.of("ivs:GetPublicKey"),
                                "update", Set.of("ivs:GetPublicKey", "ivs:TagResource", "ivs:UntagResource"),
                                "delete", Set.of("ivs:DeletePublicKey"),
                                "list", Set.of("ivs:ListPublicKeys")));
            case INGEST_CONFIGURATION:
                return new Expected(
                        Set.of("/properties/Arn", "/properties/ParticipantId", "/properties/StreamKey", "/properties/State"),
                        Set.of("/properties/Name", "/properties/UserId", "/properties/Attributes", "/properties/IngestProtocol",
                                "/properties/InsecureIngest"),
                        // GetIngestConfiguration does not return insecureIngest
                        Set.of("/properties/InsecureIngest"),
                        Map.of("create", Set.of("ivs:CreateIngestConfiguration", "ivs:TagResource",
                                        // finding what an unanswered create made (CreateHandler)
                                        "ivs:ListIngestConfigurations", "ivs:GetIngestConfiguration"),
                                "read", Set.of("ivs:GetIngestConfiguration"),
                                "update", Set.of("ivs:UpdateIngestConfiguration", "ivs:GetIngestConfiguration", "ivs:TagResource",
                                        "ivs:UntagResource"),
                                "delete", Set.of("ivs:DeleteIngestConfiguration"),
                                "list", Set.of("ivs:ListIngestConfigurations")));
            default:
                throw new IllegalArgumentException(type.name());
        }
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void readOnlyCreateOnlyAndWriteOnlyPropertiesAreExactlyRight(ResourceType type) {
        ResourceTypeSchema schema = ResourceTypeSchema.load(type.schema());
        Expected e = expected(type);
        assertThat(schema.getReadOnlyPropertiesAsStrings()).containsExactlyInAnyOrderElementsOf(e.readOnly());
        assertThat(schema.getCreateOnlyPropertiesAsStrings()).containsExactlyInAnyOrderElementsOf(e.createOnly());
        assertThat(schema.getWriteOnlyPropertiesAsStrings()).containsExactlyInAnyOrderElementsOf(e.writeOnly());
        // everything that is neither read-only nor create-only (Tags at least) updates in place
        assertThat(type.schema().getJSONObject("properties").keySet())
                .filteredOn(p -> !e.readOnly().contains("/properties/" + p) && !e.createOnly().contains("/properties/" + p))
                .contains("Tags");
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void eachHandlerDeclaresExactlyTheActionsItCalls(ResourceType type) {
        ResourceTypeSchema schema = ResourceTypeSchema.load(type.schema());
        Expected e = expected(type);
        for (String handler : List.of("create", "read", "update", "delete", "list")) {
            assertThat(schema.hasHandler(handler)).as(handler).isTrue();
            assertThat(schema.getHandlerPermissions(handler)).as(type + " " + handler)
                    .containsExactlyInAnyOrderElementsOf(e.permissions().get(handler));
        }
        // no duplicates in the file either
        var handlers = type.schema().getJSONObject("handlers");
        for (String handler : handlers.keySet()) {
            List<String> listed = SchemaMetaSchemaTest.strings(handlers.getJSONObject(handler).getJSONArray("permissions"));
            assertThat(listed).as(handler).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void thePermissionsNameTheirSources(ResourceType type) {
        String rationale = type.schema().getString("$comment");
        if (type == ResourceType.STORAGE_CONFIGURATION) {
            assertThat(rationale).contains("CreateStorageConfiguration API reference", "AWS::IVS::StorageConfiguration",
                    "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
        }
        assertThat(rationale).contains("Service Authorization Reference", "ivs:TagResource");
    }
}
