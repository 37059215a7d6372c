package community.ivsrealtime.cdk;

import software.amazon.awscdk.IResource;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * An IVS Real-Time public key ({@code Community::IVSRealTime::PublicKey}), defined in this app or imported: IVS
 * accepts participant tokens signed with its private key.
 */
public interface IPublicKey extends IResource {

    /**
     * The public key ARN, for example {@code arn:aws:ivs:us-west-2:123456789012:public-key/abcdABCDefgh}.
     *
     * @return the ARN (a token for one defined in this app)
     */
    String getPublicKeyArn();

    /**
     * The public key ID: the last part of its ARN.
     *
     * @return the ID (a token when the ARN is one)
     */
    String getPublicKeyId();

    /**
     * The key's fingerprint, computed by IVS.
     *
     * @return the fingerprint (a token for one defined in this app)
     * @throws IllegalStateException for a key imported without its fingerprint
     */
    String getPublicKeyFingerprint();

    /**
     * Grants IVS actions on this public key.
     *
     * @param grantee the principal
     * @param actions IAM actions such as {@code ivs:GetPublicKey}
     * @return the grant
     */
    Grant grant(IGrantable grantee, String... actions);
}
