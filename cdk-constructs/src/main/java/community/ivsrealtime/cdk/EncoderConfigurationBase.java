package community.ivsrealtime.cdk;

import software.constructs.Construct;

/** What an encoder configuration defined here and an imported one share. */
abstract class EncoderConfigurationBase extends IvsResource implements IEncoderConfiguration {
    static final String RESOURCE_TYPE = "encoder-configuration";
    private String id;

    EncoderConfigurationBase(Construct scope, String id) {
        super(scope, id);
    }

    EncoderConfigurationBase(Construct scope, String id, String arn) {
        super(scope, id, arn);
    }

    @Override
    public String getEncoderConfigurationId() {
        if (id == null) {
            id = idOf(getEncoderConfigurationArn(), RESOURCE_TYPE);
        }
        return id;
    }

    @Override
    String arnForGrants() {
        return getEncoderConfigurationArn();
    }
}
