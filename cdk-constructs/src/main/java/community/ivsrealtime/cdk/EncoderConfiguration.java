package community.ivsrealtime.cdk;

import software.amazon.awscdk.ITaggableV2;
import software.constructs.Construct;

/**
 * An IVS Real-Time encoder configuration ({@code Community::IVSRealTime::EncoderConfiguration}): the video settings a
 * server-side composition encodes with. IVS has no update call for it: a change of name or video replaces it.
 *
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_CreateEncoderConfiguration.html">CreateEncoderConfiguration</a>
 */
public class EncoderConfiguration extends EncoderConfigurationBase implements ITaggableV2 {

    private final String encoderConfigurationArn;

    /**
     * Imports an encoder configuration from its ARN.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param encoderConfigurationArn {@code arn:<partition>:ivs:<region>:<account>:encoder-configuration/<id>}, or a token
     * @return the encoder configuration
     * @throws IllegalArgumentException for a literal ARN of another service or resource type
     */
    public static IEncoderConfiguration fromEncoderConfigurationArn(Construct scope, String id,
            String encoderConfigurationArn) {
        Checks.arn(encoderConfigurationArn, RESOURCE_TYPE);
        return new Imported(scope, id, encoderConfigurationArn);
    }

    /**
     * Defines an encoder configuration with IVS's default video settings.
     *
     * @param scope the scope
     * @param id the construct ID
     */
    public EncoderConfiguration(Construct scope, String id) {
        this(scope, id, EncoderConfigurationProps.builder().build());
    }

    /**
     * Defines an encoder configuration.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param props the properties
     */
    public EncoderConfiguration(Construct scope, String id, EncoderConfigurationProps props) {
        super(scope, id);
        Checks.name("encoderConfigurationName", props.getEncoderConfigurationName());
        CfnEncoderConfigurationProps.Builder cfn = CfnEncoderConfigurationProps.builder()
                .name(nameOrDefault(props.getEncoderConfigurationName()));
        Video video = props.getVideo();
        if (video != null) {
            cfn.video(render(video));
        }
        CfnEncoderConfiguration resource = new CfnEncoderConfiguration(CfnValues.FOR_L2, this, "Resource", cfn.build());
        finish(resource, resource::getCdkTagManager, resource::cdkOnRenderedTags, props.getRemovalPolicy());
        this.encoderConfigurationArn = resource.getAttrArn();
    }

    @Override
    public String getEncoderConfigurationArn() {
        return encoderConfigurationArn;
    }

    private static CfnEncoderConfiguration.VideoProperty render(Video video) {
        Checks.integer("video.width", video.getWidth(), 2, 1920);
        Checks.integer("video.height", video.getHeight(), 2, 1920);
        Checks.range("video.framerate", video.getFramerate(), 1, 60);
        Checks.integer("video.bitrate", video.getBitrate(), 1, 8_500_000);
        even("video.width", video.getWidth());
        even("video.height", video.getHeight());
        // IVS bounds the frame by its pixel count (1920x1080 or 1080x1920); an absent side takes IVS's default.
        Number width = video.getWidth() != null ? video.getWidth() : 1280;
        Number height = video.getHeight() != null ? video.getHeight() : 720;
        if (Checks.known(width) && Checks.known(height)
                && width.longValue() * height.longValue() > Video.MAX_PIXELS) {
            throw new IllegalArgumentException("video width x height must be at most " + Video.MAX_PIXELS
                    + " pixels (1920x1080 or 1080x1920), got " + width + "x" + height + " = "
                    + width.longValue() * height.longValue());
        }
        CfnEncoderConfiguration.VideoProperty.Builder b = CfnEncoderConfiguration.VideoProperty.builder();
        if (video.getWidth() != null) {
            b.width(video.getWidth());
        }
        if (video.getHeight() != null) {
            b.height(video.getHeight());
        }
        if (video.getFramerate() != null) {
            b.framerate(video.getFramerate());
        }
        if (video.getBitrate() != null) {
            b.bitrate(video.getBitrate());
        }
        return b.build();
    }

    private static void even(String prop, Number value) {
        if (Checks.known(value) && value.longValue() % 2 != 0) {
            throw Checks.fail(prop, "be even", value);
        }
    }

    private static final class Imported extends EncoderConfigurationBase {
        private final String arn;

        Imported(Construct scope, String id, String arn) {
            super(scope, id, arn);
            this.arn = arn;
        }

        @Override
        public String getEncoderConfigurationArn() {
            return arn;
        }
    }
}
