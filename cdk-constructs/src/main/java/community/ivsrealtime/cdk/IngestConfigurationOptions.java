package community.ivsrealtime.cdk;

import java.util.Map;

import software.amazon.awscdk.RemovalPolicy;

/**
 * Options of an ingest configuration added to a stage with {@link IStage#addIngestConfiguration}: all of
 * {@link IngestConfigurationProps} but the stage.
 */
public final class IngestConfigurationOptions {
    private final String ingestConfigurationName;
    private final IngestProtocol ingestProtocol;
    private final Boolean insecureIngest;
    private final String userId;
    private final Map<String, String> attributes;
    private final RemovalPolicy removalPolicy;

    IngestConfigurationOptions(AbstractBuilder<?> b) {
        this.ingestConfigurationName = b.ingestConfigurationName;
        this.ingestProtocol = b.ingestProtocol;
        this.insecureIngest = b.insecureIngest;
        this.userId = b.userId;
        this.attributes = b.attributes == null ? null : Map.copyOf(b.attributes);
        this.removalPolicy = b.removalPolicy;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The name: letters, digits, {@code -} and {@code _}, at most 128 characters; it need not be unique. Changing it
     * replaces the ingest configuration.
     *
     * @return the name; default: a name made from the construct path
     */
    public String getIngestConfigurationName() {
        return ingestConfigurationName;
    }

    /**
     * The protocol encoders publish with. Changing it replaces the ingest configuration.
     *
     * @return the protocol; default: {@link IngestProtocol#RTMPS}
     */
    public IngestProtocol getIngestProtocol() {
        return ingestProtocol;
    }

    /**
     * Whether unencrypted ingest is accepted; it must be true for {@link IngestProtocol#RTMP}. Changing it replaces
     * the ingest configuration.
     *
     * @return the flag; default: true with RTMP, false with RTMPS
     */
    public Boolean getInsecureIngest() {
        return insecureIngest;
    }

    /**
     * A name for the participant that publishes through this configuration (0-128 characters), visible to every
     * participant of the stage: no personal or secret data. Changing it replaces the ingest configuration.
     *
     * @return the user ID; default: none
     */
    public String getUserId() {
        return userId;
    }

    /**
     * Attributes of the participant (at most 1 KB in total), visible to every participant of the stage: no personal
     * or secret data. Changing them replaces the ingest configuration.
     *
     * @return the attributes; default: none
     */
    public Map<String, String> getAttributes() {
        return attributes;
    }

    /**
     * What happens to the ingest configuration (and so its stream key) when it is removed from the stack or
     * replaced.
     *
     * @return the policy; default: {@code RemovalPolicy.RETAIN}
     */
    public RemovalPolicy getRemovalPolicy() {
        return removalPolicy;
    }

    /**
     * The builder methods of {@link IngestConfigurationOptions} and {@link IngestConfigurationProps}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> {
        String ingestConfigurationName;
        IngestProtocol ingestProtocol;
        Boolean insecureIngest;
        String userId;
        Map<String, String> attributes;
        RemovalPolicy removalPolicy;

        AbstractBuilder() {
        }

        abstract B self();

        /** @param name see {@link IngestConfigurationOptions#getIngestConfigurationName()} @return this */
        public B ingestConfigurationName(String name) {
            this.ingestConfigurationName = name;
            return self();
        }

        /** @param protocol see {@link IngestConfigurationOptions#getIngestProtocol()} @return this */
        public B ingestProtocol(IngestProtocol protocol) {
            this.ingestProtocol = protocol;
            return self();
        }

        /** @param insecure see {@link IngestConfigurationOptions#getInsecureIngest()} @return this */
        public B insecureIngest(Boolean insecure) {
            this.insecureIngest = insecure;
            return self();
        }

        /** @param userId see {@link IngestConfigurationOptions#getUserId()} @return this */
        public B userId(String userId) {
            this.userId = userId;
            return self();
        }

        /** @param attributes see {@link IngestConfigurationOptions#getAttributes()} @return this */
        public B attributes(Map<String, String> attributes) {
            this.attributes = attributes;
            return self();
        }

        /** @param policy see {@link IngestConfigurationOptions#getRemovalPolicy()} @return this */
        public B removalPolicy(RemovalPolicy policy) {
            this.removalPolicy = policy;
            return self();
        }
    }

    /** Builder of {@link IngestConfigurationOptions}. */
    public static final class Builder extends AbstractBuilder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** @return the options */
        public IngestConfigurationOptions build() {
            return new IngestConfigurationOptions(this);
        }
    }
}
