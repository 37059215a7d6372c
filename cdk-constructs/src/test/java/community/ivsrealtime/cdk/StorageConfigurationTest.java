package community.ivsrealtime.cdk;

import static community.ivsrealtime.cdk.L2Tests.properties;
import static community.ivsrealtime.cdk.L2Tests.resource;
import static community.ivsrealtime.cdk.L2Tests.resources;
import static community.ivsrealtime.cdk.L2Tests.stack;
import static community.ivsrealtime.cdk.L2Tests.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.ObjectOwnership;

/** {@link StorageConfiguration} and the bucket policy it keeps, proven through synthesized templates. */
class StorageConfigurationTest {

    private static final String TYPE = "Community::IVSRealTime::StorageConfiguration";

    private static final Map<String, Object> IVS_STATEMENT_BUT_RESOURCE = Map.of(
            "Sid", "IvsRealTimeCompositeWrite",
            "Effect", "Allow",
            "Principal", Map.of("Service", "ivs-composite.us-west-2.amazonaws.com"),
            "Action", List.of("s3:PutObject", "s3:PutObjectAcl"),
            "Condition", Map.of("StringEquals", Map.of("s3:x-amz-acl", "bucket-owner-full-control"),
                    "Bool", Map.of("aws:SecureTransport", "true")));

    @Test
    void anOwnedBucketKeepsIvsStatementInItsPolicyNextToOtherStatements() {
        Stack stack = stack();
        Bucket bucket = new Bucket(stack, "Recordings", BucketProps.builder().enforceSsl(true).build());
        StorageConfiguration storage = new StorageConfiguration(stack, "Storage", StorageConfigurationProps.builder()
                .bucket(bucket).storageConfigurationName("rec").build());
        Template template = synth(stack);

        assertThat(properties(template, TYPE)).isEqualTo(Map.of("Name", "rec",
                "S3", Map.of("BucketName", Map.of("Ref", L2Tests.logicalId(bucket)))));
        Map<String, Object> policy = resource(template, "AWS::S3::BucketPolicy");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                policy.get("Properties")).get("PolicyDocument")).get("Statement");
        Map<String, Object> expected = new java.util.HashMap<>(IVS_STATEMENT_BUT_RESOURCE);
        expected.put("Resource", Map.of("Fn::Join", List.of("", List.of(
                Map.of("Fn::GetAtt", List.of(L2Tests.logicalId(bucket), "Arn")), "/*"))));
        assertThat(statements).hasSize(2).contains(expected);
        // created after the policy, so that IVS adds its statement to the complete policy
        String policyId = resources(template, "AWS::S3::BucketPolicy").keySet().iterator().next();
        assertThat(resource(template, TYPE).get("DependsOn")).isEqualTo(List.of(policyId));
        assertThat(storage.getBucket()).isSameAs(bucket);
        Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
    }

    @Test
    void anImportedBucketGetsAWarningAndNoPolicy() {
        Stack stack = stack();
        new StorageConfiguration(stack, "Storage", StorageConfigurationProps.builder()
                .bucket(Bucket.fromBucketName(stack, "Imported", "my-recordings")).build());
        Template template = synth(stack);

        assertThat(resources(template, "AWS::S3::BucketPolicy")).isEmpty();
        assertThat(properties(template, TYPE).get("S3")).isEqualTo(Map.of("BucketName", "my-recordings"));
        Annotations.fromStack(stack).hasWarning("/S/Storage", Match.stringLikeRegexp(
                "bucket S/Imported is imported, so this app does not manage its policy: IVS adds a statement for "
                        + "ivs-composite.*whatever manages that bucket's policy must keep it, or recording stops.*"));
    }

    @Test
    void anOwnedBucketWithObjectWriterOwnershipGetsAWarning() {
        Stack stack = stack();
        new StorageConfiguration(stack, "Writer", StorageConfigurationProps.builder().bucket(new Bucket(stack, "W",
                BucketProps.builder().objectOwnership(ObjectOwnership.OBJECT_WRITER).build())).build());
        new StorageConfiguration(stack, "Preferred", StorageConfigurationProps.builder().bucket(new Bucket(stack, "P",
                BucketProps.builder().objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED).build())).build());
        Annotations annotations = Annotations.fromStack(stack);
        annotations.hasWarning("/S/Writer", Match.stringLikeRegexp(
                "bucket S/W has Object Ownership ObjectWriter: IVS documents BUCKET_OWNER_ENFORCED or "
                        + "BUCKET_OWNER_PREFERRED for recording buckets.*"));
        annotations.hasNoWarning("/S/Preferred", Match.anyValue());
    }

    /**
     * A bucket in another stack: its ownership controls are read all the same (resolved in the storage
     * configuration's stack), including ones that refer to a parameter of the bucket's stack.
     */
    @Test
    void aBucketInAnotherStackIsCheckedToo() {
        List<Stack> stacks = L2Tests.stacks("S", "Buckets");
        Stack stack = stacks.get(0);
        Stack buckets = stacks.get(1);
        Bucket writer = new Bucket(buckets, "W", BucketProps.builder().objectOwnership(ObjectOwnership.OBJECT_WRITER).build());
        Bucket tokens = new Bucket(buckets, "T");
        CfnParameter ownership = new CfnParameter(buckets, "Ownership");
        ((CfnBucket) tokens.getNode().getDefaultChild()).setOwnershipControls(CfnBucket.OwnershipControlsProperty.builder()
                .rules(List.of(CfnBucket.OwnershipControlsRuleProperty.builder()
                        .objectOwnership(ownership.getValueAsString()).build())).build());
        new StorageConfiguration(stack, "Writer", StorageConfigurationProps.builder().bucket(writer).build());
        new StorageConfiguration(stack, "Tokens", StorageConfigurationProps.builder().bucket(tokens).build());

        Annotations annotations = Annotations.fromStack(stack);
        annotations.hasWarning("/S/Writer", Match.stringLikeRegexp("bucket Buckets/W has Object Ownership ObjectWriter.*"));
        annotations.hasNoWarning("/S/Tokens", Match.anyValue());
        assertThat(resources(synth(stack), TYPE)).hasSize(2);
    }

    @Test
    void theStatementIsPublicForBucketsManagedElsewhere() {
        Stack stack = stack();
        Bucket bucket = new Bucket(stack, "B");
        bucket.addToResourcePolicy(StorageConfiguration.ivsWriteStatement(bucket, "eu-west-1"));
        assertThat(synth(stack).toJSON().toString()).contains("ivs-composite.eu-west-1.amazonaws.com");
    }

    @Test
    void bucketNameAndNameAreChecked() {
        assertThatThrownBy(() -> new StorageConfiguration(stack(), "S", StorageConfigurationProps.builder()
                .bucket(Bucket.fromBucketName(stack(), "B", "My_Bucket")).build()))
                .hasMessage("bucket.bucketName must match ^[a-z0-9-.]+$, got \"My_Bucket\"");
        Stack stack = stack();
        assertThatThrownBy(() -> new StorageConfiguration(stack, "S", StorageConfigurationProps.builder()
                .bucket(Bucket.fromBucketName(stack, "B", "abc")).storageConfigurationName("a b").build()))
                .hasMessage("storageConfigurationName must match ^[a-zA-Z0-9-_]*$, got \"a b\"");
        assertThatThrownBy(() -> StorageConfigurationProps.builder().build())
                .isInstanceOf(NullPointerException.class).hasMessage("bucket is required");
    }

    @Test
    void importByArn() {
        Stack stack = stack();
        IStorageConfiguration storage = StorageConfiguration.fromStorageConfigurationArn(stack, "I",
                "arn:aws:ivs:us-west-2:123456789012:storage-configuration/abc");
        assertThat(storage.getStorageConfigurationId()).isEqualTo("abc");
        assertThatThrownBy(() -> StorageConfiguration.fromStorageConfigurationArn(stack, "J",
                "arn:aws:ivs:us-west-2:123456789012:storage-configuration"))
                .hasMessageStartingWith("Invalid resource ID, expected 'storage-configuration/'");
    }
}
