package community.ivsrealtime.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;

/**
 * A composition that ended by itself (a minute after its stage is empty) is gone for the tag operations too, as
 * for GetComposition: they used to keep answering 200 until some other write purged it.
 */
class EndedCompositionTaggingSdkTest extends SdkTestBase {

    @Test
    void tagOperationsOnAnEndedCompositionAreNotFound() {
        String stage = ivs.createStage(r -> { }).stage().arn();
        String encoder = ivs.createEncoderConfiguration(r -> { }).encoderConfiguration().arn();
        String channel = "arn:aws:ivs:us-east-1:123456789012:channel/abcdABCDefgh";
        String arn = ivs.startComposition(r -> r.stageArn(stage).tags(Map.of("team", "a"))
                .destinations(d -> d.channel(ch -> ch.channelArn(channel).encoderConfigurationArn(encoder))))
                .composition().arn();
        sim("advanceTime", "seconds", 59);
        assertThat(ivs.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsExactly(Map.entry("team", "a"));

        sim("advanceTime", "seconds", 1);
        assertThatThrownBy(() -> ivs.getComposition(r -> r.arn(arn))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.listTagsForResource(r -> r.resourceArn(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.tagResource(r -> r.resourceArn(arn).tags(Map.of("b", "2"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.untagResource(r -> r.resourceArn(arn).tagKeys("team")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
