package community.ivsrealtime.cdk;

import software.amazon.awscdk.ITaggableV2;
import software.constructs.Construct;

/**
 * An IVS Real-Time public key ({@code Community::IVSRealTime::PublicKey}): imported into IVS so that it accepts
 * participant tokens signed with the matching private key. IVS has no update call for it: a change of name or
 * material replaces it.
 *
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_ImportPublicKey.html">ImportPublicKey</a>
 */
public class PublicKey extends PublicKeyBase implements ITaggableV2 {

    /** The schema's pattern for {@code PublicKeyMaterial}. */
    static final String PEM_PATTERN =
            "^.*-----BEGIN PUBLIC KEY-----\\r?\\n([a-zA-Z0-9+/=\\r\\n]+)\\r?\\n-----END PUBLIC KEY-----(\\r?\\n)?.*$";

    /** The L1; its attribute tokens are made on first use (each is a round trip to node). */
    private final CfnPublicKey resource;

    /**
     * Imports a public key from its ARN; its fingerprint is then unknown.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param publicKeyArn {@code arn:<partition>:ivs:<region>:<account>:public-key/<id>}, or a token
     * @return the public key
     * @throws IllegalArgumentException for a literal ARN of another service or resource type
     */
    public static IPublicKey fromPublicKeyArn(Construct scope, String id, String publicKeyArn) {
        return fromPublicKeyAttributes(scope, id, PublicKeyAttributes.builder().publicKeyArn(publicKeyArn).build());
    }

    /**
     * Imports a public key from its ARN and fingerprint.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param attrs the ARN and (optionally) the fingerprint
     * @return the public key
     * @throws IllegalArgumentException for a literal ARN of another service or resource type
     */
    public static IPublicKey fromPublicKeyAttributes(Construct scope, String id, PublicKeyAttributes attrs) {
        Checks.arn(attrs.getPublicKeyArn(), RESOURCE_TYPE);
        return new Imported(scope, id, attrs);
    }

    /**
     * Imports a public key.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param props the properties
     */
    public PublicKey(Construct scope, String id, PublicKeyProps props) {
        super(scope, id);
        Checks.name("publicKeyName", props.getPublicKeyName());
        Checks.matches("publicKeyMaterial", props.getPublicKeyMaterial(), PEM_PATTERN);
        CfnPublicKey resource = new CfnPublicKey(CfnValues.FOR_L2, this, "Resource", CfnPublicKeyProps.builder()
                .name(nameOrDefault(props.getPublicKeyName()))
                .publicKeyMaterial(props.getPublicKeyMaterial())
                .build());
        finish(resource, resource::getCdkTagManager, resource::cdkOnRenderedTags, props.getRemovalPolicy());
        this.resource = resource;
    }

    @Override
    public String getPublicKeyArn() {
        return resource.getAttrArn();
    }

    @Override
    public String getPublicKeyFingerprint() {
        return resource.getAttrFingerprint();
    }

    private static final class Imported extends PublicKeyBase {
        private final PublicKeyAttributes attrs;

        Imported(Construct scope, String id, PublicKeyAttributes attrs) {
            super(scope, id, attrs.getPublicKeyArn());
            this.attrs = attrs;
        }

        @Override
        public String getPublicKeyArn() {
            return attrs.getPublicKeyArn();
        }

        @Override
        public String getPublicKeyFingerprint() {
            if (attrs.getPublicKeyFingerprint() == null) {
                throw new IllegalStateException("the fingerprint of public key " + getNode().getPath()
                        + " is unknown: import it with PublicKey.fromPublicKeyAttributes and publicKeyFingerprint");
            }
            return attrs.getPublicKeyFingerprint();
        }
    }
}
