package community.ivsrealtime.cdk;

import static community.ivsrealtime.cdk.L2Tests.getAtt;
import static community.ivsrealtime.cdk.L2Tests.policyStatements;
import static community.ivsrealtime.cdk.L2Tests.properties;
import static community.ivsrealtime.cdk.L2Tests.resource;
import static community.ivsrealtime.cdk.L2Tests.stack;
import static community.ivsrealtime.cdk.L2Tests.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** {@link EncoderConfiguration}, proven through synthesized templates. */
class EncoderConfigurationTest {

    private static final String TYPE = "Community::IVSRealTime::EncoderConfiguration";

    private static Map<String, Object> render(Video video) {
        Stack stack = stack();
        new EncoderConfiguration(stack, "Encoder", EncoderConfigurationProps.builder()
                .encoderConfigurationName("enc").video(video).build());
        return properties(synth(stack), TYPE);
    }

    private static void assertRejected(Video video, String message) {
        assertThatThrownBy(() -> render(video)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void presetsAndCustomVideoRenderUnderTheSchemaNames() {
        assertThat(render(Video.FHD_1080P_60)).isEqualTo(Map.of("Name", "enc",
                "Video", Map.of("Width", 1920, "Height", 1080, "Framerate", 60, "Bitrate", 6_000_000)));
        assertThat(render(Video.PORTRAIT_1080P_30).get("Video")).isEqualTo(Map.of("Width", 1080, "Height", 1920,
                "Framerate", 30, "Bitrate", 4_500_000));
        assertThat(render(Video.builder().framerate(29.97).build()).get("Video"))
                .isEqualTo(Map.of("Framerate", 29.97));
    }

    @Test
    void defaultsGenerateANameLeaveVideoToIvsAndRetain() {
        Stack stack = stack();
        new EncoderConfiguration(stack, "Encoder");
        Map<String, Object> resource = resource(synth(stack), TYPE);
        assertThat(resource).containsEntry("DeletionPolicy", "Retain");
        assertThat(resource.get("Properties")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("Name").extractingByKey("Name").asString().matches("^SEncoder[0-9A-F]{8}$");
    }

    @Test
    void everyPresetIsWithinIvsLimits() {
        for (Video preset : new Video[] {Video.SD_360P_30, Video.SD_480P_30, Video.HD_720P_30, Video.HD_720P_60,
            Video.FHD_1080P_30, Video.FHD_1080P_60, Video.PORTRAIT_720P_30, Video.PORTRAIT_1080P_30}) {
            assertThat(render(preset)).containsKey("Video");
        }
    }

    @Test
    void videoLimitsAreChecked() {
        assertRejected(Video.builder().width(1921).build(), "video.width must be between 2 and 1920, got 1921");
        assertRejected(Video.builder().height(0).build(), "video.height must be between 2 and 1920, got 0");
        assertRejected(Video.builder().width(1281).build(), "video.width must be even, got 1281");
        assertRejected(Video.builder().height(721).build(), "video.height must be even, got 721");
        assertRejected(Video.builder().width(1920).height(1200).build(),
                "video width x height must be at most 2073600 pixels (1920x1080 or 1080x1920), got 1920x1200 = 2304000");
        assertRejected(Video.builder().height(1920).build(),
                "video width x height must be at most 2073600 pixels (1920x1080 or 1080x1920), got 1280x1920 = 2457600");
        assertRejected(Video.builder().framerate(61).build(), "video.framerate must be between 1 and 60, got 61");
        assertRejected(Video.builder().framerate(0.5).build(), "video.framerate must be between 1 and 60, got 0.5");
        assertRejected(Video.builder().bitrate(8_500_001).build(),
                "video.bitrate must be between 1 and 8500000, got 8500001");
        assertRejected(Video.builder().bitrate(1.5).build(),
                "video.bitrate must be a whole number between 1 and 8500000, got 1.5");
    }

    @Test
    void nameIsCheckedAndTokensAreNot() {
        assertThatThrownBy(() -> new EncoderConfiguration(stack(), "E", EncoderConfigurationProps.builder()
                .encoderConfigurationName("hd/720").build()))
                .hasMessage("encoderConfigurationName must match ^[a-zA-Z0-9-_]*$, got \"hd/720\"");
        Stack stack = stack();
        CfnParameter width = CfnParameter.Builder.create(stack, "Width").type("Number").build();
        new EncoderConfiguration(stack, "E", EncoderConfigurationProps.builder()
                .video(Video.builder().width(width.getValueAsNumber()).height(1080).build()).build());
        assertThat(properties(synth(stack), TYPE).get("Video"))
                .isEqualTo(Map.of("Width", Map.of("Ref", "Width"), "Height", 1080));
    }

    @Test
    void importGrantTagsAndRemovalPolicy() {
        Stack stack = stack();
        IEncoderConfiguration imported = EncoderConfiguration.fromEncoderConfigurationArn(stack, "Imported",
                "arn:aws:ivs:us-west-2:123456789012:encoder-configuration/abc123");
        assertThat(imported.getEncoderConfigurationId()).isEqualTo("abc123");
        assertThatThrownBy(() -> EncoderConfiguration.fromEncoderConfigurationArn(stack, "Bad",
                "arn:aws:ivs:us-west-2:123456789012:stage/abc123"))
                .hasMessage("Invalid resource, expected 'encoder-configuration', got 'stage'");

        EncoderConfiguration encoder = new EncoderConfiguration(stack, "Encoder", EncoderConfigurationProps.builder()
                .removalPolicy(RemovalPolicy.DESTROY).build());
        Tags.of(encoder).add("team", "video");
        encoder.grant(Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build(),
                "ivs:GetEncoderConfiguration");
        Template template = synth(stack);
        Map<String, Object> resource = resource(template, TYPE);
        assertThat(resource).containsEntry("DeletionPolicy", "Delete");
        assertThat(((Map<?, ?>) resource.get("Properties")).get("Tags"))
                .isEqualTo(java.util.List.of(Map.of("Key", "team", "Value", "video")));
        assertThat(policyStatements(template)).containsExactly(Map.of("Action", "ivs:GetEncoderConfiguration",
                "Effect", "Allow", "Resource", getAtt(encoder, "Arn")));
    }
}
