package community.ivsrealtime.cdk;

import java.util.Objects;

/** What {@link Stage#fromStageAttributes} needs to know about an existing stage. */
public final class StageAttributes {
    private final String stageArn;
    private final String stageEventsEndpoint;
    private final String stageWhipEndpoint;
    private final String stageRtmpEndpoint;
    private final String stageRtmpsEndpoint;

    private StageAttributes(Builder b) {
        this.stageArn = Objects.requireNonNull(b.stageArn, "stageArn is required");
        this.stageEventsEndpoint = b.stageEventsEndpoint;
        this.stageWhipEndpoint = b.stageWhipEndpoint;
        this.stageRtmpEndpoint = b.stageRtmpEndpoint;
        this.stageRtmpsEndpoint = b.stageRtmpsEndpoint;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the ARN (required). */
    public String getStageArn() {
        return stageArn;
    }

    /** @return the events endpoint; default: unknown. */
    public String getStageEventsEndpoint() {
        return stageEventsEndpoint;
    }

    /** @return the WHIP endpoint; default: unknown. */
    public String getStageWhipEndpoint() {
        return stageWhipEndpoint;
    }

    /** @return the RTMP endpoint; default: unknown. */
    public String getStageRtmpEndpoint() {
        return stageRtmpEndpoint;
    }

    /** @return the RTMPS endpoint; default: unknown. */
    public String getStageRtmpsEndpoint() {
        return stageRtmpsEndpoint;
    }

    /** Builder of {@link StageAttributes}. */
    public static final class Builder {
        private String stageArn;
        private String stageEventsEndpoint;
        private String stageWhipEndpoint;
        private String stageRtmpEndpoint;
        private String stageRtmpsEndpoint;

        private Builder() {
        }

        /** @param stageArn the ARN (required) @return this */
        public Builder stageArn(String stageArn) {
            this.stageArn = stageArn;
            return this;
        }

        /** @param stageEventsEndpoint the events endpoint; default: unknown @return this */
        public Builder stageEventsEndpoint(String stageEventsEndpoint) {
            this.stageEventsEndpoint = stageEventsEndpoint;
            return this;
        }

        /** @param stageWhipEndpoint the WHIP endpoint; default: unknown @return this */
        public Builder stageWhipEndpoint(String stageWhipEndpoint) {
            this.stageWhipEndpoint = stageWhipEndpoint;
            return this;
        }

        /** @param stageRtmpEndpoint the RTMP endpoint; default: unknown @return this */
        public Builder stageRtmpEndpoint(String stageRtmpEndpoint) {
            this.stageRtmpEndpoint = stageRtmpEndpoint;
            return this;
        }

        /** @param stageRtmpsEndpoint the RTMPS endpoint; default: unknown @return this */
        public Builder stageRtmpsEndpoint(String stageRtmpsEndpoint) {
            this.stageRtmpsEndpoint = stageRtmpsEndpoint;
            return this;
        }

        /** @return the attributes */
        public StageAttributes build() {
            return new StageAttributes(this);
        }
    }
}
