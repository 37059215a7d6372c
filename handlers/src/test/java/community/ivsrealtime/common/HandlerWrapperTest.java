package community.ivsrealtime.common;

import static community.ivsrealtime.testing.Models.assertFailed;
import static community.ivsrealtime.testing.Models.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalInvoker;
import community.ivsrealtime.testing.Loopback;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import java.util.List;
import community.ivsrealtime.testing.DirectClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the common wrapper base does for every type, through the real wrappers. */
class HandlerWrapperTest {

    private IvsRealTimeEmulator emulator;

    @BeforeEach
    void resetEndpoint() {
        emulator = SharedEmulator.reset();
    }

    @Test
    void knowsWhenItRunsInLambda() {
        assertThat(IvsHandlerWrapper.runningInLambda(Map.of("AWS_LAMBDA_FUNCTION_NAME", "TypeFunction"))).isTrue();
        assertThat(IvsHandlerWrapper.runningInLambda(Map.of("AWS_LAMBDA_FUNCTION_NAME", " "))).isFalse();
        assertThat(IvsHandlerWrapper.runningInLambda(Map.of())).isFalse();
        assertThat(IvsHandlerWrapper.runningInLambda()).as("the test JVM is not in Lambda").isFalse();
    }

    @Test
    void doesNotEmptyTheTemporaryDirectoryOutsideLambda() throws IOException {
        final Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        final Path survivor = Files.writeString(tmp.resolve("must-survive.txt"), "still here");
        try {
            final HandlerResponse response = TypeUnderTest.STAGE.invoker()
                .invoke(TypeUnderTest.STAGE.request("LIST"));
            assertSuccess(response);
            assertThat(survivor).exists().hasContent("still here");
        } finally {
            Files.deleteIfExists(survivor);
        }
    }

    @Test
    void removesProviderCredentialsAndLogGroupOutsideLambda() throws IOException {
        final byte[] request = TypeUnderTest.STAGE.request("LIST")
            .requestData("providerCredentials", credentials())
            .requestData("providerLogGroupName", HandlerRequest.JSON.getNodeFactory().textNode("my-log-group"))
            .bytes();

        final byte[] cleaned = stageWrapper().withoutProviderLogging(request);

        final JsonNode data = HandlerRequest.JSON.readTree(cleaned).path("requestData");
        assertThat(data.has("providerCredentials")).isFalse();
        assertThat(data.has("providerLogGroupName")).isFalse();
        assertThat(data.path("callerCredentials").path("accessKeyId").asText())
            .isEqualTo(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
        final byte[] untouched = TypeUnderTest.STAGE.request("LIST").bytes();
        assertThat(stageWrapper().withoutProviderLogging(untouched))
            .isSameAs(untouched);
        final byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertThat(stageWrapper().withoutProviderLogging(notJson)).isSameAs(notJson);
    }

    /**
     * A request with provider credentials succeeds without contacting CloudWatch. Safety net in case the guard
     * ever regresses: the CloudWatch endpoints of this JVM point at a closed loopback port meanwhile (and
     * {@link Loopback} covers every other AWS endpoint).
     */
    @Test
    void aRequestWithProviderLoggingSettingsStaysOnLoopback() {
        final String[] properties = {"aws.endpointUrlCloudWatch", "aws.endpointUrlCloudWatchLogs"};
        for (final String property : properties) {
            System.setProperty(property, Loopback.DEAD_END);
        }
        assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(Loopback.DEAD_END);
        try {
            final HandlerResponse response = TypeUnderTest.STAGE.invoker().invoke(TypeUnderTest.STAGE.request("LIST")
                .requestData("providerCredentials", credentials())
                .requestData("providerLogGroupName", HandlerRequest.JSON.getNodeFactory().textNode("my-log-group")));

            assertSuccess(response);
            assertThat(response.log()).contains("no metrics or logs are sent to CloudWatch");
            assertThat(emulator.calls().counts()).isEqualTo(Map.of("ListStages", 1L));
        } finally {
            for (final String property : properties) {
                System.clearProperty(property);
            }
        }
    }

    private static IvsHandlerWrapper<?, ?, ?> stageWrapper() {
        return new community.ivsrealtime.stage.HandlerWrapper();
    }

    private static ObjectNode credentials() {
        return HandlerRequest.JSON.createObjectNode()
            .put("accessKeyId", "AKIDPROVIDER")
            .put("secretAccessKey", "provider-secret")
            .put("sessionToken", "provider-token");
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void aRequestWithoutCallerCredentialsFailsInvalidCredentials(final TypeUnderTest type) {
        final HandlerResponse response = type.invoker().invoke(type.request("LIST").withoutCallerCredentials());

        assertFailed(response, "InvalidCredentials");
        assertThat(response.message()).contains(type.typeName, "callerCredentials");
        assertThat(emulator.calls().all()).isEmpty();
    }

    /** Long-term credentials (no session token): a clear InvalidCredentials, not the plugin's InternalFailure. */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void callerCredentialsWithoutSessionTokenFailInvalidCredentials(final TypeUnderTest type) {
        final HandlerResponse response = type.invoker().invoke(type.request("CREATE").properties(type.createInput())
            .callerCredentials(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY,
                null));

        assertFailed(response, "InvalidCredentials");
        assertThat(response.message()).contains(type.typeName, "sessionToken")
            .doesNotContain(IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY);
        assertThat(response.model()).isNull();
        assertThat(emulator.calls().all()).isEmpty();
    }

    /** The plugin's parser would quote the request, caller credentials included, into the response and the log. */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void aRequestThatIsNotJsonFailsInvalidRequestWithoutQuotingIt(final TypeUnderTest type) {
        final String whole = new String(type.request("CREATE").properties(type.createInput())
            .callerCredentials("AKIDTRUNCATED", "SECRETSECRETSECRET", "SESSIONTOKENXYZ").bytes(), StandardCharsets.UTF_8);
        final String truncated = whole.substring(0, whole.indexOf("SESSIONTOKENXYZ") + 20);

        for (final String request : List.of(truncated, "[1, 2]", "")) {
            final HandlerResponse response = type.invoker().invoke(request.getBytes(StandardCharsets.UTF_8));
            assertFailed(response, "InvalidRequest");
            assertThat(response.message()).as(request).startsWith(type.typeName + ": the request ");
            assertThat(response.json().toString() + response.log()).doesNotContain("SECRETSECRETSECRET")
                .doesNotContain("SESSIONTOKENXYZ");
        }
        assertThat(type.invoker().invoke(truncated.getBytes(StandardCharsets.UTF_8)).message())
            .contains("is not valid JSON (it breaks at line 1, column");
        assertThat(emulator.calls().all()).isEmpty();
    }

    /** A request of the wrong shape gets a message naming the part, not the plugin's "invalid configuration". */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void aMisshapenRequestNamesWhatIsWrong(final TypeUnderTest type) {
        final java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        final ObjectNode base = type.request("LIST").json();
        cases.put(base.deepCopy().put("action", "PATCH").toString(), "action must be one of [CREATE, READ, UPDATE, DELETE, LIST], got \"PATCH\"");
        cases.put(base.deepCopy().put("callbackContext", "x").toString(), "callbackContext must be an object or null, got STRING");
        final ObjectNode badTags = base.deepCopy();
        ((ObjectNode) badTags.get("requestData")).putObject("stackTags").put("team", 5);
        cases.put(badTags.toString(), "requestData.stackTags.team must be a string, got NUMBER");
        final ObjectNode tagList = base.deepCopy();
        ((ObjectNode) tagList.get("requestData")).putArray("systemTags");
        cases.put(tagList.toString(), "requestData.systemTags must be an object of tag keys and values, got ARRAY");
        cases.forEach((request, expected) -> {
            final HandlerResponse response = type.invoker().invoke(request.getBytes(StandardCharsets.UTF_8));
            assertFailed(response, "InvalidRequest");
            assertThat(response.message()).isEqualTo(type.typeName + ": the request's " + expected);
        });
        assertThat(emulator.calls().all()).isEmpty();
    }

    /** As CloudFormation checks a template: a property the schema does not have is an error, not dropped. */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void unknownOrMisspeltPropertiesAreRefusedBeforeAnyCall(final TypeUnderTest type) {
        final ObjectNode unknown = type.createInput().put("Foo", "bar");
        final ObjectNode lowerCase = type.createInput();
        lowerCase.set("tags", lowerCase.remove("Tags"));
        for (final ObjectNode input : List.of(unknown, lowerCase)) {
            for (final String action : List.of("CREATE", "UPDATE")) {
                final HandlerRequest request = type.request(action).properties(action.equals("CREATE") ? input
                    : input.deepCopy().put("Arn", type.missingArn()));
                final HandlerResponse response = type.invoker().invoke(action.equals("CREATE") ? request
                    : request.previousProperties(type.createInput().put("Arn", type.missingArn())));
                assertFailed(response, "InvalidRequest");
                assertThat(response.message()).as(action + " " + input)
                    .startsWith(type.typeName + ": Model validation failed (")
                    .containsAnyOf("extraneous key [Foo]", "extraneous key [tags]");
            }
        }
        final ObjectNode misspelt = TypeUnderTest.ENCODER_CONFIGURATION.createInput();
        misspelt.putObject("Video").put("Widht", 1280);
        final HandlerResponse response = TypeUnderTest.ENCODER_CONFIGURATION.invoker()
            .invoke(TypeUnderTest.ENCODER_CONFIGURATION.request("CREATE").properties(misspelt));
        assertFailed(response, "InvalidRequest");
        assertThat(response.message()).contains("#/Video").contains("Widht");
        assertThat(emulator.calls().all()).isEmpty();
    }

    /**
     * CloudFormation sends a private type's numbers and booleans as strings (cloudformation-cli issue 435): they are
     * read as the schema's types, as the plugin reads them, before the model is checked.
     */
    @Test
    void numbersAndBooleansSentAsStringsAreReadAsTheSchemasTypes() {
        final TypeUnderTest encoder = TypeUnderTest.ENCODER_CONFIGURATION;
        final ObjectNode video = HandlerRequest.JSON.createObjectNode().put("Width", "1920").put("Height", "1080")
            .put("Framerate", "29.97").put("Bitrate", "6000000");
        final ObjectNode input = encoder.createInput();
        input.set("Video", video);
        final HandlerResponse created = encoder.invoker().invoke(encoder.request("CREATE").properties(input));
        assertSuccess(created);
        assertThat(created.model().path("Video").path("Width").asInt()).isEqualTo(1920);
        assertThat(created.model().path("Video").path("Framerate").asDouble()).isEqualTo(29.97);

        final TypeUnderTest ingest = TypeUnderTest.INGEST_CONFIGURATION;
        assertSuccess(ingest.invoker().invoke(ingest.request("CREATE")
            .properties(ingest.createInput().put("InsecureIngest", "false"))));

        final ObjectNode notANumber = encoder.createInput();
        notANumber.set("Video", video.deepCopy().put("Width", "wide"));
        final HandlerResponse refused = encoder.invoker().invoke(encoder.request("CREATE").properties(notANumber));
        assertFailed(refused, "InvalidRequest");
        assertThat(refused.message()).contains("#/Video/Width");
        final ObjectNode tooWide = encoder.createInput();
        tooWide.set("Video", video.deepCopy().put("Width", "4000"));
        assertThat(encoder.invoker().invoke(encoder.request("CREATE").properties(tooWide)).message())
            .contains("#/Video/Width: failed validation constraint for keyword [maximum] (value 4000;");
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void anInvalidModelIsRejectedBeforeAnyCall(final TypeUnderTest type) {
        final HandlerResponse response = type.invoker().invoke(type.request("CREATE").properties(type.invalidInput()));

        assertFailed(response, "InvalidRequest");
        assertThat(emulator.calls().all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void loadsItsOwnSchemaAndDeclaresBothEntrypoints(final TypeUnderTest type) throws NoSuchMethodException {
        final IvsHandlerWrapper<?, ?, ?> wrapper = type.invoker().wrapper();
        assertThat(wrapper.provideResourceSchemaJSONObject().getString("typeName")).isEqualTo(type.typeName);
        assertThat(wrapper.getClass().getName()).isEqualTo("community.ivsrealtime." + type.directory + ".HandlerWrapper");
        assertThat(wrapper.getClass().getMethod("testEntrypoint", InputStream.class, OutputStream.class,
            com.amazonaws.services.lambda.runtime.Context.class)).isNotNull();
        assertThat(wrapper.getClass().getMethod("handleRequest", InputStream.class, OutputStream.class,
            com.amazonaws.services.lambda.runtime.Context.class)).isNotNull();
    }

    @Test
    void testEntrypointRunsAHandlerFromATestPayload() {
        final TypeUnderTest type = TypeUnderTest.STAGE;
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(type.createInput()));
        assertSuccess(created);
        final ObjectNode payload = HandlerRequest.JSON.createObjectNode();
        payload.putObject("credentials")
            .put("accessKeyId", IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID)
            .put("secretAccessKey", IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)
            .put("sessionToken", "token");
        payload.put("action", "READ");
        final ObjectNode request = payload.putObject("request");
        request.put("region", IvsRealTimeEmulator.DEFAULT_REGION);
        request.putObject("desiredResourceState").put("Arn", created.arn());

        final community.ivsrealtime.stage.HandlerWrapper wrapper = new community.ivsrealtime.stage.HandlerWrapper();
        final HandlerResponse read = LocalInvoker.invokeTestEntrypoint(wrapper::testEntrypoint,
            payload.toString().getBytes(StandardCharsets.UTF_8));

        assertSuccess(read);
        assertThat(read.model()).isEqualTo(created.model());
    }

    private static HandlerResponse viaTestEntrypoint(final String action, final ObjectNode desired,
                                                     final ObjectNode previous) {
        final ObjectNode payload = HandlerRequest.JSON.createObjectNode();
        payload.putObject("credentials")
            .put("accessKeyId", IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID)
            .put("secretAccessKey", IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)
            .put("sessionToken", "token");
        payload.put("action", action);
        final ObjectNode request = payload.putObject("request");
        request.put("region", IvsRealTimeEmulator.DEFAULT_REGION);
        request.set("desiredResourceState", desired);
        if (previous != null) {
            request.set("previousResourceState", previous);
        }
        return LocalInvoker.invokeTestEntrypoint(new community.ivsrealtime.stage.HandlerWrapper()::testEntrypoint,
            payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** As cloudformation-cli's test payloads carry them: the tags only in the models, as the template has them. */
    @Test
    void testEntrypointAppliesAndUpdatesTheModelsTags() {
        final TypeUnderTest type = TypeUnderTest.STAGE;
        final HandlerResponse created = viaTestEntrypoint("CREATE", type.createInput(), null);
        assertSuccess(created);
        assertThat(DirectClient.tags(emulator, created.arn()))
            .isEqualTo(Map.of("project", "contract-test", "lifecycle", "created"));

        final HandlerResponse updated = viaTestEntrypoint("UPDATE", type.updateInput().put("Arn", created.arn()),
            created.model());
        assertSuccess(updated);
        assertThat(DirectClient.tags(emulator, created.arn()))
            .isEqualTo(Map.of("project", "contract-test-updated", "team", "video"));
        assertThat(viaTestEntrypoint("READ", HandlerRequest.JSON.createObjectNode().put("Arn", created.arn()), null)
            .model().get("Tags")).hasSize(2);
    }

    @Test
    void aTestPayloadWithoutRegionUsesTheFunctionsRegion() {
        final IvsHandlerWrapper<community.ivsrealtime.stage.ResourceModel, ?, ?> wrapper =
            new community.ivsrealtime.stage.HandlerWrapper();
        final ResourceHandlerRequest<community.ivsrealtime.stage.ResourceModel> request = new ResourceHandlerRequest<>();
        assertThat(wrapper.completed(request, Map.of("AWS_REGION", "eu-west-1")).getRegion()).isEqualTo("eu-west-1");
        request.setRegion("us-west-2");
        assertThat(wrapper.completed(request, Map.of("AWS_REGION", "eu-west-1")).getRegion()).isEqualTo("us-west-2");
    }

    @Test
    void neverLogsTheStreamKeyOrRequestBodies() {
        final TypeUnderTest type = TypeUnderTest.INGEST_CONFIGURATION;
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(type.createInput()));
        assertSuccess(created);
        final String streamKey = created.model().path("StreamKey").asText();
        assertThat(streamKey).startsWith("rt_");
        final HandlerResponse read = type.invoker().invoke(type.request("READ").properties(created.model()));
        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(type.updateInput().put("Arn", created.arn())).previousProperties(created.model()));
        final HandlerResponse listed = type.invoker().invoke(type.request("LIST"));
        assertSuccess(updated);

        assertThat(read.model().path("StreamKey").asText()).as("a read-only attribute").isEqualTo(streamKey);
        for (final HandlerResponse response : new HandlerResponse[] {created, read, updated, listed}) {
            assertThat(response.log()).isNotBlank()
                .doesNotContain(streamKey)
                .doesNotContain("studio-encoder") // UserId from the request body
                .doesNotContain("camera");        // an attribute value
        }
    }
}
