package community.ivsrealtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request JSON the local runners send to a HandlerWrapper. */
class HandlerRequestTest {

    @Test
    void defaultsToALocalStackInTheDefaultAccountAndRegion() throws IOException {
        final JsonNode json = HandlerRequest.JSON.readTree(
            HandlerRequest.of("CREATE", "Community::IVSRealTime::Stage").region("eu-west-1").bytes());

        assertThat(json.path("action").asText()).isEqualTo("CREATE");
        assertThat(json.path("resourceType").asText()).isEqualTo("Community::IVSRealTime::Stage");
        assertThat(json.path("awsAccountId").asText()).isEqualTo("123456789012");
        assertThat(json.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(json.path("stackId").asText())
            .isEqualTo("arn:aws:cloudformation:eu-west-1:123456789012:stack/local-stack/00000000-0000-0000-0000-000000000000");
        assertThat(json.path("requestData").path("logicalResourceId").asText()).isEqualTo("MyResource");
        assertThat(json.path("requestData").has("callerCredentials")).isFalse();
        assertThat(json.path("requestData").has("providerCredentials")).isFalse();
        assertThat(json.has("nextToken")).isFalse();
    }

    @Test
    void systemTagsNameTheStackAndTheLogicalId() {
        final HandlerRequest request = HandlerRequest.of("CREATE", "Community::IVSRealTime::Stage")
            .stackId("arn:aws:cloudformation:us-east-1:111122223333:stack/my-stack/abc")
            .logicalResourceId("Studio");

        assertThat(request.cloudFormationSystemTags()).isEqualTo(Map.of(
            "aws:cloudformation:stack-name", "my-stack",
            "aws:cloudformation:stack-id", "arn:aws:cloudformation:us-east-1:111122223333:stack/my-stack/abc",
            "aws:cloudformation:logical-id", "Studio"));
    }

    @Test
    void keepsCopiesOfThePropertiesAndHidesSecretsInToString() {
        final var properties = HandlerRequest.JSON.createObjectNode().put("Name", "before");
        final HandlerRequest request = HandlerRequest.of("UPDATE", "Community::IVSRealTime::Stage")
            .callerCredentials("AKIDEXAMPLE", "very-secret-key", "very-secret-token")
            .properties(properties)
            .nextToken("page-2");
        properties.put("Name", "after");

        assertThat(request.json().path("requestData").path("resourceProperties").path("Name").asText())
            .isEqualTo("before");
        assertThat(request.json().path("nextToken").asText()).isEqualTo("page-2");
        assertThat(request.json().path("requestData").path("callerCredentials").path("secretAccessKey").asText())
            .isEqualTo("very-secret-key");
        assertThat(request.toString()).contains("AKIDEXAMPLE")
            .doesNotContain("very-secret-key").doesNotContain("very-secret-token");
    }

    @Test
    void aSessionTokenIsOptional() {
        final JsonNode credentials = HandlerRequest.of("READ", "Community::IVSRealTime::Stage")
            .callerCredentials("AKIDEXAMPLE", "secret", null).json().path("requestData").path("callerCredentials");

        assertThat(credentials.has("sessionToken")).isFalse();
        assertThat(credentials.path("accessKeyId").asText()).isEqualTo("AKIDEXAMPLE");
    }
}
