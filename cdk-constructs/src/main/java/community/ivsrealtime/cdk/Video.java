package community.ivsrealtime.cdk;

/**
 * Video settings of an {@link EncoderConfiguration}: the output of a server-side composition. IVS's limits (checked
 * at synth time): width and height even, 2-1920 each, width × height at most 2,073,600 pixels (1920×1080 or
 * 1080×1920); 1-60 frames per second; 1-8,500,000 bits per second.
 *
 * <p>The presets' frame sizes and rates are the common ones; their bitrates are this library's picks within IVS's
 * limits, not AWS recommendations. {@link #HD_720P_30} equals IVS's defaults.
 *
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_Video.html">Video (IVS Real-Time API)</a>
 */
public final class Video {

    /** 640×360, 30 fps, 1 Mbps. */
    public static final Video SD_360P_30 = new Video(640, 360, 30, 1_000_000);
    /** 854×480, 30 fps, 1.5 Mbps. */
    public static final Video SD_480P_30 = new Video(854, 480, 30, 1_500_000);
    /** 1280×720, 30 fps, 2.5 Mbps: IVS's defaults. */
    public static final Video HD_720P_30 = new Video(1280, 720, 30, 2_500_000);
    /** 1280×720, 60 fps, 4 Mbps. */
    public static final Video HD_720P_60 = new Video(1280, 720, 60, 4_000_000);
    /** 1920×1080, 30 fps, 4.5 Mbps. */
    public static final Video FHD_1080P_30 = new Video(1920, 1080, 30, 4_500_000);
    /** 1920×1080, 60 fps, 6 Mbps. */
    public static final Video FHD_1080P_60 = new Video(1920, 1080, 60, 6_000_000);
    /** 720×1280 (portrait), 30 fps, 2.5 Mbps. */
    public static final Video PORTRAIT_720P_30 = new Video(720, 1280, 30, 2_500_000);
    /** 1080×1920 (portrait), 30 fps, 4.5 Mbps. */
    public static final Video PORTRAIT_1080P_30 = new Video(1080, 1920, 30, 4_500_000);

    /** Most pixels per frame: 1920 × 1080. */
    static final long MAX_PIXELS = 1920L * 1080L;

    private final Number width;
    private final Number height;
    private final Number framerate;
    private final Number bitrate;

    private Video(Number width, Number height, Number framerate, Number bitrate) {
        this.width = width;
        this.height = height;
        this.framerate = framerate;
        this.bitrate = bitrate;
    }

    /** @return a builder for custom settings; what is left out takes IVS's default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the width in pixels, or null for IVS's default (1280) */
    public Number getWidth() {
        return width;
    }

    /** @return the height in pixels, or null for IVS's default (720) */
    public Number getHeight() {
        return height;
    }

    /** @return frames per second, or null for IVS's default (30) */
    public Number getFramerate() {
        return framerate;
    }

    /** @return bits per second, or null for IVS's default (2,500,000) */
    public Number getBitrate() {
        return bitrate;
    }

    @Override
    public String toString() {
        return width + "x" + height + "@" + framerate + "fps," + bitrate + "bps";
    }

    /** Builder of custom {@link Video} settings. */
    public static final class Builder {
        private Number width;
        private Number height;
        private Number framerate;
        private Number bitrate;

        private Builder() {
        }

        /** @param width pixels: even, 2-1920; default 1280 @return this */
        public Builder width(Number width) {
            this.width = width;
            return this;
        }

        /** @param height pixels: even, 2-1920; default 720 @return this */
        public Builder height(Number height) {
            this.height = height;
            return this;
        }

        /** @param framerate frames per second, 1-60 (fractions allowed); default 30 @return this */
        public Builder framerate(Number framerate) {
            this.framerate = framerate;
            return this;
        }

        /** @param bitrate bits per second, 1-8,500,000; default 2,500,000 @return this */
        public Builder bitrate(Number bitrate) {
            this.bitrate = bitrate;
            return this;
        }

        /** @return the settings (checked when an {@link EncoderConfiguration} uses them) */
        public Video build() {
            return new Video(width, height, framerate, bitrate);
        }
    }
}
