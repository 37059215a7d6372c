package community.ivsrealtime.cdk;

import software.amazon.awscdk.IResource;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * An IVS Real-Time encoder configuration ({@code Community::IVSRealTime::EncoderConfiguration}), defined in this app
 * or imported: the video settings a server-side composition encodes with.
 */
public interface IEncoderConfiguration extends IResource {

    /**
     * The encoder configuration ARN, for example
     * {@code arn:aws:ivs:us-west-2:123456789012:encoder-configuration/abcdABCDefgh}.
     *
     * @return the ARN (a token for one defined in this app)
     */
    String getEncoderConfigurationArn();

    /**
     * The encoder configuration ID: the last part of its ARN.
     *
     * @return the ID (a token when the ARN is one)
     */
    String getEncoderConfigurationId();

    /**
     * Grants IVS actions on this encoder configuration.
     *
     * @param grantee the principal
     * @param actions IAM actions such as {@code ivs:GetEncoderConfiguration}
     * @return the grant
     */
    Grant grant(IGrantable grantee, String... actions);
}
