package community.ivsrealtime.emulator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.core.IvsException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service called directly: simulation actions, clock, reset and quotas. */
class IvsRealTimeServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CallContext CTX = new CallContext("123456789012", "eu-west-1", "AKID", "req");
    private final IvsRealTimeService service = new IvsRealTimeService(
            Clock.fixed(Instant.parse("2026-01-02T03:04:05.678901Z"), ZoneOffset.UTC), Quotas.defaults());

    private ObjectNode call(String op, String json) throws Exception {
        return service.invoke(op, (ObjectNode) JSON.readTree(json), CTX);
    }

    private ObjectNode sim(String action, String json) throws Exception {
        return service.admin(action, (ObjectNode) JSON.readTree(json), CTX);
    }

    @Test
    void timeComesFromTheInjectedClockAtMillisecondsAndAdvances() throws Exception {
        assertThat(sim("now", "{}").get("now").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(sim("advanceTime", "{\"seconds\":90}").get("now").asText()).isEqualTo("2026-01-02T03:05:35.678Z");
        String arn = call("CreateStage", "{}").at("/stage/arn").asText();
        assertThat(arn).startsWith("arn:aws:ivs:eu-west-1:123456789012:stage/");
        String token = call("CreateParticipantToken", "{\"stageArn\":\"" + arn + "\",\"duration\":1}")
                .at("/participantToken/expirationTime").asText();
        assertThat(token).isEqualTo("2026-01-02T03:06:35.678Z");
        assertThatThrownBy(() -> sim("advanceTime", "{\"seconds\":-1}")).isInstanceOf(IvsException.class);
        assertThatThrownBy(() -> sim("advanceTime", "{}")).isInstanceOf(IvsException.class);
    }

    @Test
    void businessRuleMessagesNameMembersWithDotsAndZeroBasedIndexesAndTheBadValue() throws Exception {
        String stage = call("CreateStage", "{}").at("/stage/arn").asText();
        String channel = "arn:aws:ivs:eu-west-1:123456789012:channel/abcdABCDefgh";
        String otherRegion = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";
        String storage = call("CreateStorageConfiguration", "{\"s3\":{\"bucketName\":\"bkt\"}}")
                .at("/storageConfiguration/arn").asText();
        String s3 = "{\"s3\":{\"storageConfigurationArn\":\"" + storage + "\",\"encoderConfigurationArns\":[]}}";
        String ok = "{\"channel\":{\"channelArn\":\"" + channel + "\"}}";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("StartComposition {\"stageArn\":\"" + stage + "\",\"destinations\":[" + ok + ",{\"name\":\"x\"}]}",
                "destinations.1: Either a channel or an s3 must be specified, got neither");
        expected.put("StartComposition {\"stageArn\":\"" + stage + "\",\"destinations\":[{\"channel\":{\"channelArn\":\""
                        + channel + "\"}," + s3.substring(1) + "]}",
                "destinations.0: Either a channel or an s3 must be specified, got both");
        expected.put("StartComposition {\"stageArn\":\"" + stage + "\",\"destinations\":[" + ok + ",{\"channel\":"
                        + "{\"channelArn\":\"" + otherRegion + "\"}}]}",
                "destinations.1.channel.channelArn: the channel must be in the account and region of the stage, got "
                        + otherRegion);
        String big = "\"" + "v".repeat(1100) + "\"";
        expected.put("CreateStage {\"participantTokenConfigurations\":[{},{\"attributes\":{\"k\":" + big + "}}]}",
                "participantTokenConfigurations.1.attributes: must not exceed 1 KB in total (keys and values), got 1101 bytes");
        expected.put("CreateParticipantToken {\"stageArn\":\"" + stage + "\",\"attributes\":{\"k\":" + big + "}}",
                "attributes: must not exceed 1 KB in total (keys and values), got 1101 bytes");
        expected.put("CreateIngestConfiguration {\"ingestProtocol\":\"RTMP\"}",
                "insecureIngest: must be true when ingestProtocol is RTMP, got none (default false)");
        expected.put("CreateIngestConfiguration {\"ingestProtocol\":\"RTMP\",\"insecureIngest\":false}",
                "insecureIngest: must be true when ingestProtocol is RTMP, got false");
        expected.put("CreateStage {\"autoParticipantRecordingConfiguration\":{\"thumbnailConfiguration\":"
                        + "{\"targetIntervalSeconds\":30}}}",
                "autoParticipantRecordingConfiguration.thumbnailConfiguration.targetIntervalSeconds: can be set only "
                        + "when recordingMode is INTERVAL, got recordingMode DISABLED (default DISABLED)");
        expected.put("StartParticipantReplication {\"sourceStageArn\":\"" + stage + "\",\"destinationStageArn\":\""
                        + stage + "\",\"participantId\":\"p\"}",
                "destinationStageArn: must differ from sourceStageArn, got " + stage + " for both");
        expected.put("CreateEncoderConfiguration {\"video\":{\"width\":3,\"height\":4}}",
                "video: width and height must be even, got 3x4");
        expected.forEach((request, message) -> {
            int space = request.indexOf(' ');
            assertThatThrownBy(() -> call(request.substring(0, space), request.substring(space + 1))).as(request)
                    .isInstanceOfSatisfying(IvsException.class, e -> assertThat(e.status()).isEqualTo(400))
                    .hasMessage(message);
        });
    }

    @Test
    void simulationErrors() throws Exception {
        assertThatThrownBy(() -> sim("dance", "{}"))
                .isInstanceOfSatisfying(IvsException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("dance");
        assertThatThrownBy(() -> sim("join", "{}")).hasMessageContaining("stageArn");
        assertThatThrownBy(() -> sim("join", "{\"stageArn\":\"arn:aws:ivs:eu-west-1:123456789012:stage/AAAAAAAAAAAA\"}"))
                .isInstanceOfSatisfying(IvsException.class, e -> assertThat(e.status()).isEqualTo(404));
        String arn = call("CreateStage", "{}").at("/stage/arn").asText();
        assertThatThrownBy(() -> sim("publish", "{\"stageArn\":\"" + arn + "\"}")).hasMessageContaining("participantId");
        assertThatThrownBy(() -> sim("leave", "{\"stageArn\":\"" + arn + "\",\"participantId\":\"nobody\"}"))
                .isInstanceOfSatisfying(IvsException.class, e -> assertThat(e.status()).isEqualTo(404));
        String ingest = call("CreateIngestConfiguration", "{\"ingestProtocol\":\"RTMPS\"}").at("/ingestConfiguration/arn").asText();
        assertThatThrownBy(() -> sim("ingestStart", "{\"ingestConfigurationArn\":\"" + ingest + "\"}"))
                .hasMessageContaining("not attached");
        assertThatThrownBy(() -> sim("ingestStop", "{\"ingestConfigurationArn\":\"" + ingest + "\"}"))
                .isInstanceOfSatisfying(IvsException.class, e -> assertThat(e.code()).isEqualTo("ConflictException"));
    }

    @Test
    void aRejoiningParticipantIsListedOnce() throws Exception {
        String arn = call("CreateStage", "{}").at("/stage/arn").asText();
        String token = call("CreateParticipantToken", "{\"stageArn\":\"" + arn + "\"}").at("/participantToken/token").asText();
        ObjectNode first = sim("join", "{\"stageArn\":\"" + arn + "\",\"token\":\"" + token + "\"}");
        sim("join", "{\"stageArn\":\"" + arn + "\"}");
        String id = first.get("participantId").asText();
        sim("leave", "{\"stageArn\":\"" + arn + "\",\"participantId\":\"" + id + "\"}");
        ObjectNode again = sim("join", "{\"stageArn\":\"" + arn + "\",\"token\":\"" + token + "\"}");
        assertThat(again.get("sessionId")).isEqualTo(first.get("sessionId"));
        ObjectNode list = call("ListParticipants", "{\"stageArn\":\"" + arn + "\",\"sessionId\":\"" + again.get("sessionId").asText() + "\"}");
        assertThat(list.get("participants")).hasSize(2);
        ObjectNode events = call("ListParticipantEvents", "{\"stageArn\":\"" + arn + "\",\"sessionId\":\""
                + again.get("sessionId").asText() + "\",\"participantId\":\"" + id + "\"}");
        assertThat(events.get("events").findValuesAsText("name")).containsExactly("JOINED", "LEFT", "JOINED");
    }

    @Test
    void resetForgetsEverythingButQuotas() throws Exception {
        service.quotas().set(Quotas.STAGES, 1);
        call("CreateStage", "{}");
        sim("advanceTime", "{\"seconds\":10}");
        service.reset();
        assertThat(call("ListStages", "{}").get("stages")).isEmpty();
        assertThat(sim("now", "{}").get("now").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        call("CreateStage", "{}");
        assertThatThrownBy(() -> call("CreateStage", "{}"))
                .isInstanceOfSatisfying(IvsException.class, e -> assertThat(e.status()).isEqualTo(402));
    }

    @Test
    void quotasHaveNamedDefaultsAndRejectUnknownNames() {
        Quotas q = Quotas.defaults();
        assertThat(q.asMap()).containsEntry(Quotas.ENCODER_CONFIGURATIONS, 20).containsEntry(Quotas.COMPOSITIONS, 5)
                .containsEntry(Quotas.PUBLISHERS_PER_STAGE, 12).containsKeys(Quotas.names().toArray(new String[0]));
        assertThat(q.set(Quotas.STAGES, 3).get(Quotas.STAGES)).isEqualTo(3);
        assertThat(q.restoreDefaults().get(Quotas.STAGES)).isEqualTo(1_000_000);
        assertThatThrownBy(() -> q.set("stage", 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage");
        assertThatThrownBy(() -> q.set(Quotas.STAGES, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.get("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outputsAreIsolatedFromStoredState() throws Exception {
        String arn = call("CreateStage", "{\"tags\":{\"a\":\"1\"}}").at("/stage/arn").asText();
        ObjectNode got = call("GetStage", "{\"arn\":\"" + arn + "\"}");
        ((ObjectNode) got.at("/stage/autoParticipantRecordingConfiguration")).put("storageConfigurationArn", "mutated");
        ((ObjectNode) got.at("/stage/tags")).put("b", "2");
        ObjectNode again = call("GetStage", "{\"arn\":\"" + arn + "\"}");
        assertThat(again.at("/stage/autoParticipantRecordingConfiguration/storageConfigurationArn").asText()).isEmpty();
        assertThat(again.at("/stage/tags")).hasSize(1);
    }
}
