package community.ivsrealtime.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.TestSupport;
import community.ivsrealtime.emulator.TestSupport.Raw;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Odd but well-formed JSON through the real business logic: explicit {@code null} members mean "absent" (they
 * used to reach the service as NullNodes and crash it with 500), and number literals beyond the double range are
 * validation errors (they used to crash the validator with 500).
 */
class ExplicitNullAndNumberInputTest {
    @RegisterExtension
    static final IvsRealTimeExtension ivs =
            IvsRealTimeExtension.create(IvsRealTimeEmulator.builder().verifySignatures(false));

    static JsonNode ok(String operation, String body) {
        Raw r = TestSupport.send(ivs, "POST", "/" + operation, body, "application/json");
        assertThat(r.status()).as(operation + " " + body + " -> " + r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void nullRecordingConfigurationIsAbsentInCreateAndUpdateStage() {
        JsonNode stage = ok("CreateStage", "{\"name\":\"s\",\"autoParticipantRecordingConfiguration\":null,\"tags\":null}")
                .get("stage");
        assertThat(stage.at("/autoParticipantRecordingConfiguration/storageConfigurationArn").asText()).isEmpty();
        assertThat(stage.at("/autoParticipantRecordingConfiguration/mediaTypes/0").asText()).isEqualTo("AUDIO_VIDEO");
        String arn = stage.get("arn").asText();

        JsonNode updated = ok("UpdateStage", "{\"arn\":\"" + arn + "\",\"name\":null,"
                + "\"autoParticipantRecordingConfiguration\":null}").get("stage");
        assertThat(updated.get("name").asText()).isEqualTo("s");
        assertThat(updated.at("/autoParticipantRecordingConfiguration/recordParticipantReplicas").asBoolean()).isTrue();
    }

    @Test
    void nullCapabilitiesGetTheDocumentedDefault() {
        String arn = ok("CreateStage", "{}").at("/stage/arn").asText();
        JsonNode token = ok("CreateParticipantToken", "{\"stageArn\":\"" + arn + "\",\"capabilities\":null,"
                + "\"duration\":null}").get("participantToken");
        assertThat(token.get("capabilities")).extracting(JsonNode::asText).containsExactly("PUBLISH", "SUBSCRIBE");
        assertThat(token.get("duration").asInt()).isEqualTo(720);
    }

    @Test
    void nullLayoutAndNestedNullsInStartComposition() {
        String stage = ok("CreateStage", "{}").at("/stage/arn").asText();
        String storage = ok("CreateStorageConfiguration", "{\"s3\":{\"bucketName\":\"my-bucket\"}}")
                .at("/storageConfiguration/arn").asText();
        String encoder = ok("CreateEncoderConfiguration", "{}").at("/encoderConfiguration/arn").asText();
        String s3 = "{\"storageConfigurationArn\":\"" + storage + "\",\"encoderConfigurationArns\":[\"" + encoder + "\"],"
                + "\"thumbnailConfigurations\":null,\"recordingConfiguration\":{\"hlsConfiguration\":null}}";

        JsonNode c = ok("StartComposition", "{\"stageArn\":\"" + stage + "\",\"layout\":null,\"destinations\":[{\"s3\":"
                + s3 + ",\"channel\":null}]}").get("composition");
        assertThat(c.at("/layout/grid/gridGap").asInt()).isEqualTo(2);
        assertThat(c.at("/destinations/0/configuration/s3/recordingConfiguration/hlsConfiguration/"
                + "targetSegmentDurationSeconds").asInt()).isEqualTo(2);

        JsonNode c2 = ok("StartComposition", "{\"stageArn\":\"" + stage + "\",\"layout\":{\"grid\":null},"
                + "\"destinations\":[{\"s3\":" + s3 + "}]}").get("composition");
        assertThat(c2.at("/layout/grid/videoAspectRatio").asText()).isEqualTo("VIDEO");
    }

    @Test
    void floatBeyondTheDoubleRangeIsAValidationError() {
        Raw r = TestSupport.send(ivs, "POST", "/CreateEncoderConfiguration", "{\"video\":{\"framerate\":1e400}}",
                "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
        assertThat(r.json().get("message").asText()).contains("'video.framerate'")
                .contains("less than or equal to 60");

        Raw negative = TestSupport.send(ivs, "POST", "/CreateEncoderConfiguration",
                "{\"video\":{\"framerate\":-1e400}}", "application/json");
        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
        assertThat(negative.json().get("message").asText()).contains("greater than or equal to 1");
    }
}
