package community.ivsrealtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksSecretMembersAnywhereAndRedactsTheirValuesFromText() {
        final ObjectNode model = HandlerRequest.JSON.createObjectNode().put("Arn", "arn:aws:ivs:x")
            .put("StreamKey", "rt_secret_stream_key");
        model.putArray("Items").addObject().put("publicKeyMaterial", "-----BEGIN PUBLIC KEY-----abc");
        final Secrets secrets = new Secrets();

        final JsonNode masked = secrets.masked(model);

        assertThat(masked.path("StreamKey").asText()).isEqualTo(Secrets.MASK);
        assertThat(masked.path("Items").get(0).path("publicKeyMaterial").asText()).isEqualTo(Secrets.MASK);
        assertThat(masked.path("Arn").asText()).isEqualTo("arn:aws:ivs:x");
        assertThat(model.path("StreamKey").asText()).as("the original is untouched").isEqualTo("rt_secret_stream_key");
        assertThat(secrets.redact("failed for rt_secret_stream_key!")).isEqualTo("failed for ****!");
    }

    @Test
    void collectsWithoutChangingAndIgnoresTinyValues() {
        final Secrets secrets = new Secrets();
        final ObjectNode model = HandlerRequest.JSON.createObjectNode().put("Token", "abcdefgh").put("streamKey", "");
        secrets.collect(model);
        assertThat(model.path("Token").asText()).isEqualTo("abcdefgh");
        assertThat(secrets.redact("token abcdefgh, empty key")).isEqualTo("token ****, empty key");
    }
}
