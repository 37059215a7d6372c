package community.ivsrealtime.cdk;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ITaggableV2;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.AddToResourcePolicyResult;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * An IVS Real-Time storage configuration ({@code Community::IVSRealTime::StorageConfiguration}): the S3 bucket that
 * individual participant recordings and server-side compositions write to.
 *
 * <p><b>The bucket policy.</b> When the storage configuration is created, IVS adds a statement to the bucket's
 * policy that lets {@code ivs-composite.<region>.amazonaws.com} write objects. A bucket has one policy, and a
 * CDK-managed {@code AWS::S3::BucketPolicy} replaces it whole on its next update (for example after
 * {@code addToResourcePolicy}, {@code enforceSSL} or {@code autoDeleteObjects}), which would silently remove IVS's
 * statement and stop recording. So, for a bucket defined in this app, this construct adds the same statement to the
 * bucket's resource policy, and every deploy keeps it; the storage configuration is created after the bucket policy,
 * so that IVS adds its statement to the complete policy. For an imported bucket ({@code Bucket.fromBucketName} and
 * friends) the app does not manage the policy: nothing is added, IVS's own statement stays as long as whatever
 * manages that bucket's policy keeps it, and the construct adds a warning annotation saying so. A bucket of this app
 * whose Object Ownership is {@code OBJECT_WRITER} also gets a warning: IVS documents "Bucket owner enforced" or
 * "Bucket owner preferred" for recording buckets.
 *
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_CreateStorageConfiguration.html">CreateStorageConfiguration</a>
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeUserGuide/rt-composite-recording.html">Server-side composite recording (the bucket policy statement)</a>
 */
public class StorageConfiguration extends StorageConfigurationBase implements ITaggableV2 {

    /** Sid of the statement this construct adds to an owned bucket's policy. */
    public static final String BUCKET_POLICY_SID = "IvsRealTimeCompositeWrite";

    private final CfnStorageConfiguration resource;
    private final IBucket bucket;
    /** {@link #storageConfigurationArnFor} in this stack, once made. */
    private String arnTokenInStack;

    /**
     * Imports a storage configuration from its ARN.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param storageConfigurationArn {@code arn:<partition>:ivs:<region>:<account>:storage-configuration/<id>}, or a token
     * @return the storage configuration
     * @throws IllegalArgumentException for a literal ARN of another service or resource type
     */
    public static IStorageConfiguration fromStorageConfigurationArn(Construct scope, String id,
            String storageConfigurationArn) {
        Checks.arn(storageConfigurationArn, RESOURCE_TYPE);
        return new Imported(scope, id, storageConfigurationArn);
    }

    /**
     * Defines a storage configuration.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param props the properties
     */
    public StorageConfiguration(Construct scope, String id, StorageConfigurationProps props) {
        super(scope, id);
        Checks.name("storageConfigurationName", props.getStorageConfigurationName());
        this.bucket = props.getBucket();
        String bucketName = bucket.getBucketName();
        Checks.length("bucket.bucketName", bucketName, 3, 63);
        Checks.matches("bucket.bucketName", bucketName, "^[a-z0-9-.]+$");

        CfnStorageConfiguration resource = new CfnStorageConfiguration(CfnValues.FOR_L2, this, "Resource",
                CfnStorageConfigurationProps.builder()
                        .name(nameOrDefault(props.getStorageConfigurationName()))
                        .s3(CfnStorageConfiguration.S3StorageConfigurationProperty.builder()
                                .bucketName(bucketName)
                                .build())
                        .build());
        finish(resource, resource::getCdkTagManager, resource::cdkOnRenderedTags, props.getRemovalPolicy());
        this.resource = resource;
        keepIvsStatement(resource);
        checkObjectOwnership();
    }

    @Override
    public String getStorageConfigurationArn() {
        return resource.getAttrArn();
    }

    /**
     * The ARN for a stage's recording: in this stack the string token of {@link #arnInStackOf} (two jsii messages,
     * once), else {@link #getStorageConfigurationArn} (three: {@code getAtt}, jsii's proxy for node's new reference,
     * the string token). Both render the same {@code Fn::GetAtt} in this stack.
     */
    String storageConfigurationArnFor(IvsResource consumer) {
        Map<String, Object> inStack = arnInStackOf(consumer, resource);
        if (inStack == null) {
            return getStorageConfigurationArn();
        }
        if (arnTokenInStack == null) {
            arnTokenInStack = Token.asString(inStack);
        }
        return arnTokenInStack;
    }

    /**
     * The bucket that receives the recordings.
     *
     * @return the bucket
     */
    public IBucket getBucket() {
        return bucket;
    }

    /**
     * The statement IVS puts in the bucket policy (documented in the IVS Real-Time User Guide, "Server-side composite
     * recording"): {@code ivs-composite.<region>.amazonaws.com} may {@code s3:PutObject} and {@code s3:PutObjectAcl}
     * on the bucket's objects, with the {@code bucket-owner-full-control} ACL, over TLS only.
     *
     * @param bucket the bucket
     * @param region the Region of the IVS resources that write into it
     * @return the statement
     */
    public static PolicyStatement ivsWriteStatement(IBucket bucket, String region) {
        return PolicyStatement.Builder.create()
                .sid(BUCKET_POLICY_SID)
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("ivs-composite." + region + ".amazonaws.com")))
                .actions(List.of("s3:PutObject", "s3:PutObjectAcl"))
                .resources(List.of(bucket.arnForObjects("*")))
                .conditions(Map.of(
                        "StringEquals", Map.of("s3:x-amz-acl", "bucket-owner-full-control"),
                        "Bool", Map.of("aws:SecureTransport", "true")))
                .build();
    }

    private void keepIvsStatement(CfnStorageConfiguration resource) {
        AddToResourcePolicyResult result = bucket.addToResourcePolicy(ivsWriteStatement(bucket, stack().getRegion()));
        if (Boolean.TRUE.equals(result.getStatementAdded())) {
            // The policy first, then the storage configuration: IVS then adds its statement to the complete policy
            // instead of racing CloudFormation's write of it.
            if (result.getPolicyDependable() != null) {
                resource.getNode().addDependency(result.getPolicyDependable());
            }
        } else {
            Annotations.of(this).addWarningV2("@community/ivs-realtime-cdk:importedBucketPolicy",
                    "bucket " + bucket.getNode().getPath() + " is imported, so this app does not manage its policy: IVS "
                            + "adds a statement for ivs-composite.<region>.amazonaws.com (s3:PutObject, s3:PutObjectAcl) "
                            + "when the storage configuration is created; whatever manages that bucket's policy must "
                            + "keep it, or recording stops");
        }
    }

    /** IVS documents "Bucket owner enforced" or "Bucket owner preferred"; an owned bucket set to ObjectWriter gets a warning. */
    private void checkObjectOwnership() {
        if (bucket.getNode().getDefaultChild() instanceof CfnBucket cfnBucket) {
            Object controls = cfnBucket.getOwnershipControls();
            // resolved in this resource's stack, which Java knows, rather than the bucket's, which it would ask node
            // for: the same rendering, since a reference to a resource of another stack resolves as in its own stack
            // until synthesis replaces it (StorageConfigurationTest.aBucketInAnotherStackIsCheckedToo)
            if (controls != null && String.valueOf(stack().resolve(controls)).contains("ObjectWriter")) {
                Annotations.of(this).addWarningV2("@community/ivs-realtime-cdk:bucketObjectOwnership",
                        "bucket " + bucket.getNode().getPath() + " has Object Ownership ObjectWriter: IVS documents "
                                + "BUCKET_OWNER_ENFORCED or BUCKET_OWNER_PREFERRED for recording buckets");
            }
        }
    }

    private static final class Imported extends StorageConfigurationBase {
        private final String arn;

        Imported(Construct scope, String id, String arn) {
            super(scope, id, arn);
            this.arn = arn;
        }

        @Override
        public String getStorageConfigurationArn() {
            return arn;
        }
    }
}
