package community.ivsrealtime.cdk;

import software.amazon.awscdk.IResource;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * An IVS Real-Time storage configuration ({@code Community::IVSRealTime::StorageConfiguration}), defined in this app
 * or imported: the S3 bucket that individual participant recordings and compositions write to.
 */
public interface IStorageConfiguration extends IResource {

    /**
     * The storage configuration ARN, for example
     * {@code arn:aws:ivs:us-west-2:123456789012:storage-configuration/abcdABCDefgh}.
     *
     * @return the ARN (a token for a storage configuration defined in this app)
     */
    String getStorageConfigurationArn();

    /**
     * The storage configuration ID: the last part of its ARN.
     *
     * @return the ID (a token when the ARN is one)
     */
    String getStorageConfigurationId();

    /**
     * Grants IVS actions on this storage configuration.
     *
     * @param grantee the principal
     * @param actions IAM actions such as {@code ivs:GetStorageConfiguration}
     * @return the grant
     */
    Grant grant(IGrantable grantee, String... actions);
}
