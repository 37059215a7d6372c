package community.ivsrealtime.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema(final String type) throws IOException {
        return JSON.readTree(Files.readString(Path.of("..", "resource-schemas", "community-ivsrealtime-" + type + ".json")));
    }

    @Test
    void eachBrokenConstraintGetsItsValueAndRule() throws IOException {
        final JsonNode properties = JSON.readTree(
            "{\"Name\":\"my stage\",\"Tags\":[{\"Key\":\"AWS:owner\",\"Value\":\"v\"}],"
                + "\"AutoParticipantRecordingConfiguration\":{\"StorageConfigurationArn\":\"\","
                + "\"RecordingReconnectWindowSeconds\":301,\"MediaTypes\":[\"VIDEO\"]}}");
        final String message = "Model validation failed (#/Tags/0/Key: failed validation constraint for keyword [pattern]\n"
            + "#/Name: failed validation constraint for keyword [pattern]\n"
            + "#/AutoParticipantRecordingConfiguration/RecordingReconnectWindowSeconds: failed validation constraint for keyword [maximum]\n"
            + "#/AutoParticipantRecordingConfiguration/MediaTypes/0: failed validation constraint for keyword [enum]\n"
            + "#: extraneous key [Foo] is not permitted)";

        final String explained = SchemaMessages.explain(message, properties, schema("stage"));

        assertThat(explained.split("\n")).containsExactly(
            "Model validation failed (#/Tags/0/Key: failed validation constraint for keyword [pattern] "
                + "(value \"AWS:owner\"; must match ^(?![aA][wW][sS]:).*$)",
            "#/Name: failed validation constraint for keyword [pattern] (value \"my stage\"; must match ^[a-zA-Z0-9-_]*$)",
            "#/AutoParticipantRecordingConfiguration/RecordingReconnectWindowSeconds: failed validation constraint for "
                + "keyword [maximum] (value 301; must be 0 to 300)",
            "#/AutoParticipantRecordingConfiguration/MediaTypes/0: failed validation constraint for keyword [enum] "
                + "(value \"VIDEO\"; must be one of [\"AUDIO_VIDEO\",\"AUDIO_ONLY\",\"NONE\"])",
            "#: extraneous key [Foo] is not permitted)");
    }

    @Test
    void mapValuesLengthsAndLongValues() throws IOException {
        final String longName = "n".repeat(200);
        final JsonNode properties = JSON.readTree("{\"Name\":\"" + longName + "\",\"Attributes\":{\"role\":\"x\"}}");
        final String explained = SchemaMessages.explain(
            "Model validation failed (#/Name: failed validation constraint for keyword [maxLength])",
            properties, schema("ingestconfiguration"));

        assertThat(explained).contains("(value \"" + "n".repeat(79) + "...; length must be 0 to 128 characters)")
            .doesNotContain("n".repeat(100));
    }

    @Test
    void whatItCannotPlaceIsLeftAsItWas() throws IOException {
        final String message = "Model validation failed (#/Nowhere/3: failed validation constraint for keyword [pattern])";
        assertThat(SchemaMessages.explain(message, JSON.readTree("{}"), schema("stage")))
            .isEqualTo("Model validation failed (#/Nowhere/3: failed validation constraint for keyword [pattern])");
        assertThat(SchemaMessages.explain(null, JSON.readTree("{}"), schema("stage"))).isNull();
    }
}
