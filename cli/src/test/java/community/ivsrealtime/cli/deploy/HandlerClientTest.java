package community.ivsrealtime.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The requests the deploy sends, as CloudFormation does: system and stack tags, previous properties and tags on
 * UPDATE, and re-invocation with the returned callbackContext while a handler answers IN_PROGRESS.
 */
class HandlerClientTest {

    private static JsonNode parse(final byte[] request) {
        try {
            return HandlerRequest.JSON.readTree(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anInProgressAnswerIsInvokedAgainWithItsCallbackContextUntilItEnds() {
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.start();
             Connection connection = Connection.local(emulator, "us-east-1")) {
            final List<JsonNode> sent = new ArrayList<>();
            final HandlerClient client = new HandlerClient(connection, (type, request) -> {
                sent.add(parse(request));
                if (sent.size() < 3) { // stabilizing: twice IN_PROGRESS, with a context that counts
                    final ObjectNode progress = HandlerRequest.JSON.createObjectNode().put("status", "IN_PROGRESS")
                        .put("callbackDelaySeconds", 0);
                    progress.putObject("callbackContext").put("attempt", sent.size());
                    progress.set("resourceModel", parse(request).path("requestData").path("resourceProperties"));
                    return new HandlerResponse(progress, "");
                }
                return LocalInvoker.forType(type).invoke(request);
            });
            final ObjectNode properties = HandlerRequest.JSON.createObjectNode().put("Name", "stabilized");

            final HandlerResponse response = client.invoke(new HandlerClient.Call("CREATE",
                "Community::IVSRealTime::Stage", "MyStage", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1",
                properties, null, Map.of("team", "video"), null));

            assertThat(response.succeeded()).as(response.toString()).isTrue();
            assertThat(sent).hasSize(3);
            assertThat(sent.get(0).get("callbackContext").isNull()).isTrue();
            assertThat(sent.get(1).path("callbackContext").path("attempt").asInt()).isEqualTo(1);
            assertThat(sent.get(2).path("callbackContext").path("attempt").asInt()).isEqualTo(2);
            final JsonNode data = sent.get(0).path("requestData");
            assertThat(data.path("logicalResourceId").asText()).isEqualTo("MyStage");
            assertThat(data.path("systemTags").path("aws:cloudformation:stack-name").asText()).isEqualTo("s");
            assertThat(data.path("systemTags").path("aws:cloudformation:logical-id").asText()).isEqualTo("MyStage");
            assertThat(data.path("stackTags").path("team").asText()).isEqualTo("video");
            assertThat(data.path("callerCredentials").path("sessionToken").asText()).isNotEmpty();
            assertThat(emulator.calls().count("CreateStage")).isEqualTo(1);
        }
    }

    @Test
    void anUpdateCarriesThePreviousPropertiesAndStackTags() {
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.start();
             Connection connection = Connection.local(emulator, "us-east-1")) {
            final List<JsonNode> sent = new ArrayList<>();
            final HandlerClient client = new HandlerClient(connection, (type, request) -> {
                sent.add(parse(request));
                return LocalInvoker.forType(type).invoke(request);
            });
            final String stack = "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1";
            final HandlerResponse created = client.invoke(new HandlerClient.Call("CREATE",
                "Community::IVSRealTime::Stage", "MyStage", stack,
                HandlerRequest.JSON.createObjectNode().put("Name", "one"), null, Map.of("team", "a"), null));
            final ObjectNode previous = HandlerRequest.JSON.createObjectNode().put("Name", "one").put("Arn", created.arn());
            final ObjectNode desired = HandlerRequest.JSON.createObjectNode().put("Name", "two").put("Arn", created.arn());

            final HandlerResponse updated = client.invoke(new HandlerClient.Call("UPDATE",
                "Community::IVSRealTime::Stage", "MyStage", stack, desired, previous, Map.of("team", "b"),
                Map.of("team", "a")));

            assertThat(updated.succeeded()).as(updated.toString()).isTrue();
            final JsonNode data = sent.get(1).path("requestData");
            assertThat(data.path("previousResourceProperties").path("Name").asText()).isEqualTo("one");
            assertThat(data.path("resourceProperties").path("Name").asText()).isEqualTo("two");
            assertThat(data.path("previousStackTags").path("team").asText()).isEqualTo("a");
            assertThat(data.path("stackTags").path("team").asText()).isEqualTo("b");
            assertThat(data.path("previousSystemTags").path("aws:cloudformation:logical-id").asText())
                .isEqualTo("MyStage");
            assertThat(Fixtures.client(emulator).listTagsForResource(r -> r.resourceArn(created.arn())).tags())
                .containsEntry("team", "b");
        }
    }
}
