package community.ivsrealtime.cdk;

import java.util.Objects;

import software.amazon.awscdk.SecretValue;

/** What {@link IngestConfiguration#fromIngestConfigurationAttributes} needs to know about an existing one. */
public final class IngestConfigurationAttributes {
    private final String ingestConfigurationArn;
    private final SecretValue ingestConfigurationStreamKey;
    private final String ingestConfigurationParticipantId;

    private IngestConfigurationAttributes(Builder b) {
        this.ingestConfigurationArn = Objects.requireNonNull(b.arn, "ingestConfigurationArn is required");
        this.ingestConfigurationStreamKey = b.streamKey;
        this.ingestConfigurationParticipantId = b.participantId;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the ARN (required) */
    public String getIngestConfigurationArn() {
        return ingestConfigurationArn;
    }

    /** @return the stream key, for example {@code SecretValue.secretsManager(...)}; default: unknown */
    public SecretValue getIngestConfigurationStreamKey() {
        return ingestConfigurationStreamKey;
    }

    /** @return the participant ID; default: unknown */
    public String getIngestConfigurationParticipantId() {
        return ingestConfigurationParticipantId;
    }

    /** Builder of {@link IngestConfigurationAttributes}. */
    public static final class Builder {
        private String arn;
        private SecretValue streamKey;
        private String participantId;

        private Builder() {
        }

        /** @param arn the ingest configuration ARN @return this */
        public Builder ingestConfigurationArn(String arn) {
            this.arn = arn;
            return this;
        }

        /** @param streamKey the stream key, kept secret @return this */
        public Builder ingestConfigurationStreamKey(SecretValue streamKey) {
            this.streamKey = streamKey;
            return this;
        }

        /** @param participantId the participant ID @return this */
        public Builder ingestConfigurationParticipantId(String participantId) {
            this.participantId = participantId;
            return this;
        }

        /** @return the attributes */
        public IngestConfigurationAttributes build() {
            return new IngestConfigurationAttributes(this);
        }
    }
}
