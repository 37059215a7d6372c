package community.ivsrealtime.cdk;

import java.util.Map;

import software.amazon.awscdk.RemovalPolicy;

/**
 * Properties of an {@link IngestConfiguration}: the {@link IngestConfigurationOptions} and the stage. All are
 * optional: the defaults make an RTMPS configuration attached to no stage.
 */
public final class IngestConfigurationProps {
    private final IngestConfigurationOptions options;
    private final IStage stage;

    private IngestConfigurationProps(Builder b) {
        this.options = new IngestConfigurationOptions(b);
        this.stage = b.stage;
    }

    /** @return see {@link IngestConfigurationOptions#getIngestConfigurationName()} */
    public String getIngestConfigurationName() {
        return options.getIngestConfigurationName();
    }

    /** @return see {@link IngestConfigurationOptions#getIngestProtocol()} */
    public IngestProtocol getIngestProtocol() {
        return options.getIngestProtocol();
    }

    /** @return see {@link IngestConfigurationOptions#getInsecureIngest()} */
    public Boolean getInsecureIngest() {
        return options.getInsecureIngest();
    }

    /** @return see {@link IngestConfigurationOptions#getUserId()} */
    public String getUserId() {
        return options.getUserId();
    }

    /** @return see {@link IngestConfigurationOptions#getAttributes()} */
    public Map<String, String> getAttributes() {
        return options.getAttributes();
    }

    /** @return see {@link IngestConfigurationOptions#getRemovalPolicy()} */
    public RemovalPolicy getRemovalPolicy() {
        return options.getRemovalPolicy();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The options given to {@link IStage#addIngestConfiguration}, for that stage.
     *
     * @param options the options
     * @param stage the stage
     * @return the props
     */
    static IngestConfigurationProps of(IngestConfigurationOptions options, IStage stage) {
        Builder b = builder().stage(stage);
        if (options != null) {
            b.ingestConfigurationName(options.getIngestConfigurationName())
                    .ingestProtocol(options.getIngestProtocol())
                    .insecureIngest(options.getInsecureIngest())
                    .userId(options.getUserId())
                    .attributes(options.getAttributes())
                    .removalPolicy(options.getRemovalPolicy());
        }
        return b.build();
    }

    /**
     * The stage that encoders publish into. It can change without replacing the ingest configuration, but not
     * while an encoder is publishing through it.
     *
     * @return the stage; default: none (the configuration exists but publishes nowhere)
     */
    public IStage getStage() {
        return stage;
    }

    /** Builder of {@link IngestConfigurationProps}. */
    public static final class Builder extends IngestConfigurationOptions.AbstractBuilder<Builder> {
        private IStage stage;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** @param stage see {@link IngestConfigurationProps#getStage()} @return this */
        public Builder stage(IStage stage) {
            this.stage = stage;
            return this;
        }

        /** @return the props */
        public IngestConfigurationProps build() {
            return new IngestConfigurationProps(this);
        }
    }
}
