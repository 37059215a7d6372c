package community.ivsrealtime.cdk;

import software.constructs.Construct;

/** What a storage configuration defined here and an imported one share. */
abstract class StorageConfigurationBase extends IvsResource implements IStorageConfiguration {
    static final String RESOURCE_TYPE = "storage-configuration";
    private String id;

    StorageConfigurationBase(Construct scope, String id) {
        super(scope, id);
    }

    StorageConfigurationBase(Construct scope, String id, String arn) {
        super(scope, id, arn);
    }

    @Override
    public String getStorageConfigurationId() {
        if (id == null) {
            id = idOf(getStorageConfigurationArn(), RESOURCE_TYPE);
        }
        return id;
    }

    @Override
    String arnForGrants() {
        return getStorageConfigurationArn();
    }
}
