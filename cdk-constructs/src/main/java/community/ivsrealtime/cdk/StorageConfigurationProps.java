package community.ivsrealtime.cdk;

import java.util.Objects;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.IBucket;

/** Properties of a {@link StorageConfiguration}. */
public final class StorageConfigurationProps {
    private final IBucket bucket;
    private final String storageConfigurationName;
    private final RemovalPolicy removalPolicy;

    private StorageConfigurationProps(Builder b) {
        this.bucket = Objects.requireNonNull(b.bucket, "bucket is required");
        this.storageConfigurationName = b.storageConfigurationName;
        this.removalPolicy = b.removalPolicy;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The S3 bucket that receives the recordings. It must be in the same Region as the stages and compositions that
     * record into it; IVS documents Object Ownership "Bucket owner enforced" or "Bucket owner preferred" and default
     * SSE-S3 encryption for it. A bucket defined in this app gets IVS's statement in its resource policy (see
     * {@link StorageConfiguration}).
     *
     * @return the bucket (required)
     */
    public IBucket getBucket() {
        return bucket;
    }

    /**
     * The name: letters, digits, {@code -} and {@code _}, at most 128 characters; it need not be unique. Changing it
     * replaces the storage configuration.
     *
     * @return the name; default: a name made from the construct path
     */
    public String getStorageConfigurationName() {
        return storageConfigurationName;
    }

    /**
     * What happens to the storage configuration when it is removed from the stack or replaced.
     *
     * @return the policy; default: {@code RemovalPolicy.RETAIN}
     */
    public RemovalPolicy getRemovalPolicy() {
        return removalPolicy;
    }

    /** Builder of {@link StorageConfigurationProps}. */
    public static final class Builder {
        private IBucket bucket;
        private String storageConfigurationName;
        private RemovalPolicy removalPolicy;

        private Builder() {
        }

        /** @param bucket see {@link StorageConfigurationProps#getBucket()} @return this */
        public Builder bucket(IBucket bucket) {
            this.bucket = bucket;
            return this;
        }

        /** @param name see {@link StorageConfigurationProps#getStorageConfigurationName()} @return this */
        public Builder storageConfigurationName(String name) {
            this.storageConfigurationName = name;
            return this;
        }

        /** @param policy see {@link StorageConfigurationProps#getRemovalPolicy()} @return this */
        public Builder removalPolicy(RemovalPolicy policy) {
            this.removalPolicy = policy;
            return this;
        }

        /** @return the props */
        public StorageConfigurationProps build() {
            return new StorageConfigurationProps(this);
        }
    }
}
