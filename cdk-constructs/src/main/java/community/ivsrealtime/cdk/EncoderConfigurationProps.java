package community.ivsrealtime.cdk;

import software.amazon.awscdk.RemovalPolicy;

/** Properties of an {@link EncoderConfiguration}. */
public final class EncoderConfigurationProps {
    private final String encoderConfigurationName;
    private final Video video;
    private final RemovalPolicy removalPolicy;

    private EncoderConfigurationProps(Builder b) {
        this.encoderConfigurationName = b.encoderConfigurationName;
        this.video = b.video;
        this.removalPolicy = b.removalPolicy;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The name: letters, digits, {@code -} and {@code _}, at most 128 characters; it need not be unique. Changing it
     * replaces the encoder configuration.
     *
     * @return the name; default: a name made from the construct path
     */
    public String getEncoderConfigurationName() {
        return encoderConfigurationName;
    }

    /**
     * The video settings, for example {@link Video#HD_720P_30}. Changing them replaces the encoder configuration.
     *
     * @return the settings; default: IVS's defaults (1280×720, 30 fps, 2.5 Mbps)
     */
    public Video getVideo() {
        return video;
    }

    /**
     * What happens to the encoder configuration when it is removed from the stack or replaced.
     *
     * @return the policy; default: {@code RemovalPolicy.RETAIN}
     */
    public RemovalPolicy getRemovalPolicy() {
        return removalPolicy;
    }

    /** Builder of {@link EncoderConfigurationProps}. */
    public static final class Builder {
        private String encoderConfigurationName;
        private Video video;
        private RemovalPolicy removalPolicy;

        private Builder() {
        }

        /** @param name see {@link EncoderConfigurationProps#getEncoderConfigurationName()} @return this */
        public Builder encoderConfigurationName(String name) {
            this.encoderConfigurationName = name;
            return this;
        }

        /** @param video see {@link EncoderConfigurationProps#getVideo()} @return this */
        public Builder video(Video video) {
            this.video = video;
            return this;
        }

        /** @param policy see {@link EncoderConfigurationProps#getRemovalPolicy()} @return this */
        public Builder removalPolicy(RemovalPolicy policy) {
            this.removalPolicy = policy;
            return this;
        }

        /** @return the props */
        public EncoderConfigurationProps build() {
            return new EncoderConfigurationProps(this);
        }
    }
}
