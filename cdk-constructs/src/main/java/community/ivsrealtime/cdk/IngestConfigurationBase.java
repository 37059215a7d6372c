package community.ivsrealtime.cdk;

import software.constructs.Construct;

/** What an ingest configuration defined here and an imported one share. */
abstract class IngestConfigurationBase extends IvsResource implements IIngestConfiguration {
    static final String RESOURCE_TYPE = "ingest-configuration";
    private String id;

    IngestConfigurationBase(Construct scope, String id) {
        super(scope, id);
    }

    IngestConfigurationBase(Construct scope, String id, String arn) {
        super(scope, id, arn);
    }

    @Override
    public String getIngestConfigurationId() {
        if (id == null) {
            id = idOf(getIngestConfigurationArn(), RESOURCE_TYPE);
        }
        return id;
    }

    @Override
    String arnForGrants() {
        return getIngestConfigurationArn();
    }
}
