package community.ivsrealtime.cdk;

import software.constructs.Construct;

/** What a public key defined here and an imported one share. */
abstract class PublicKeyBase extends IvsResource implements IPublicKey {
    static final String RESOURCE_TYPE = "public-key";
    private String id;

    PublicKeyBase(Construct scope, String id) {
        super(scope, id);
    }

    PublicKeyBase(Construct scope, String id, String arn) {
        super(scope, id, arn);
    }

    @Override
    public String getPublicKeyId() {
        if (id == null) {
            id = idOf(getPublicKeyArn(), RESOURCE_TYPE);
        }
        return id;
    }

    @Override
    String arnForGrants() {
        return getPublicKeyArn();
    }
}
