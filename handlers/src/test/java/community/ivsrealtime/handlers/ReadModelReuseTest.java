package community.ivsrealtime.handlers;

import static community.ivsrealtime.testing.Models.assertFailed;
import static community.ivsrealtime.testing.Models.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.testing.Models;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model READ returns is a valid desired state: CloudFormation's resource import and IaC generator turn it
 * into template properties, so sending it back (read-only properties left out) must create the same resource
 * and must not count as a change. And what the schema refuses never reaches IVS.
 */
class ReadModelReuseTest {

    private IvsRealTimeEmulator emulator;

    @BeforeEach
    void resetEndpoint() {
        emulator = SharedEmulator.reset();
    }

    private static HandlerResponse invoke(final TypeUnderTest type, final HandlerRequest request) {
        return type.invoker().invoke(request);
    }

    private static ObjectNode read(final TypeUnderTest type, final String arn) {
        final HandlerResponse read = invoke(type, type.request("READ")
            .properties(HandlerRequest.JSON.createObjectNode().put("Arn", arn)));
        assertSuccess(read);
        return read.model();
    }

    private static ObjectNode withoutReadOnly(final TypeUnderTest type, final ObjectNode model) {
        final ObjectNode copy = model.deepCopy();
        copy.remove(Models.properties(type, "readOnlyProperties"));
        return copy;
    }

    /** The contract create input, and for a stage also individual participant recording (all defaults). */
    private ObjectNode template(final TypeUnderTest type) {
        final ObjectNode input = type.createInput();
        if (type == TypeUnderTest.STAGE) {
            final HandlerResponse storage = invoke(TypeUnderTest.STORAGE_CONFIGURATION,
                TypeUnderTest.STORAGE_CONFIGURATION.request("CREATE")
                    .properties(TypeUnderTest.STORAGE_CONFIGURATION.createInput()));
            assertSuccess(storage);
            input.putObject("AutoParticipantRecordingConfiguration")
                .put("StorageConfigurationArn", storage.arn());
        }
        return input;
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void whatReadReturnsCreatesTheSameResourceAgain(final TypeUnderTest type) {
        final HandlerResponse created = invoke(type, type.request("CREATE").properties(template(type)));
        assertSuccess(created);
        final ObjectNode firstRead = read(type, created.arn());
        // a public key's material can be imported only once: the import flow adopts, it does not duplicate
        assertSuccess(invoke(type, type.request("DELETE")
            .properties(HandlerRequest.JSON.createObjectNode().put("Arn", created.arn()))));

        final ObjectNode desired = withoutReadOnly(type, firstRead);
        final HandlerResponse again = invoke(type, type.request("CREATE").properties(desired));

        assertSuccess(again);
        assertThat(withoutReadOnly(type, read(type, again.arn()))).isEqualTo(desired);
    }

    /** Only the properties the schema requires, taken from the contract create input. */
    private static ObjectNode minimal(final TypeUnderTest type) {
        final ObjectNode input = type.createInput();
        final java.util.Set<String> required = new java.util.HashSet<>();
        Models.schema(type).path("required").forEach(name -> required.add(name.asText()));
        input.retain(required);
        return input;
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void whatReadReturnsIsNoChangeForAnUpdate(final TypeUnderTest type) {
        noChange(type, template(type));
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void whatReadReturnsIsNoChangeForAnUpdateOfAMinimalTemplate(final TypeUnderTest type) {
        noChange(type, minimal(type));
    }

    private void noChange(final TypeUnderTest type, final ObjectNode template) {
        final HandlerResponse created = invoke(type, type.request("CREATE").properties(template));
        assertSuccess(created);
        final ObjectNode current = read(type, created.arn());
        emulator.calls().clear();

        final HandlerResponse updated = invoke(type, type.request("UPDATE")
            .properties(withoutReadOnly(type, current).put("Arn", created.arn()))
            .previousProperties(template.deepCopy().put("Arn", created.arn())));

        assertSuccess(updated);
        assertThat(emulator.calls().counts()).as("calls of an UPDATE that changes nothing")
            .containsOnlyKeys(type.getOp);
    }

    /**
     * As CloudFormation's contract tests (cfn test) and stacks do it: the previous state is what CREATE returned
     * (server values such as Name "" included), the desired state the template again with changed tags.
     */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void aTagChangeOfAMinimalTemplateAfterItsCreateIsATagChangeOnly(final TypeUnderTest type) {
        final ObjectNode template = minimal(type);
        final HandlerResponse created = invoke(type, type.request("CREATE").properties(template));
        assertSuccess(created);
        emulator.calls().clear();

        final ObjectNode desired = template.deepCopy().put("Arn", created.arn());
        desired.putArray("Tags").addObject().put("Key", "team").put("Value", "video");
        final HandlerResponse updated = invoke(type, type.request("UPDATE").properties(desired)
            .previousProperties(created.model()));

        assertSuccess(updated);
        assertThat(emulator.calls().counts()).containsKey("TagResource").doesNotContainKey("UntagResource")
            .doesNotContainKeys(type.updateOp == null ? "-" : type.updateOp);
        assertThat(read(type, created.arn()).path("Tags").toString()).contains("\"team\"");
    }

    /** ActiveSessionId is runtime state: an UPDATE never reports one from the previous state. */
    @Test
    void anUpdateAfterTheSessionEndedReportsNoSession() {
        final TypeUnderTest stage = TypeUnderTest.STAGE;
        final HandlerResponse created = invoke(stage, stage.request("CREATE").properties(stage.createInput()));
        assertSuccess(created);
        final CallContext caller = new CallContext(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID,
            IvsRealTimeEmulator.DEFAULT_REGION, IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, "test-join");
        final ObjectNode joined = emulator.service().admin("join", HandlerRequest.JSON.createObjectNode()
            .put("stageArn", created.arn()).put("userId", "viewer"), caller);
        final ObjectNode during = read(stage, created.arn());
        assertThat(during.path("ActiveSessionId").asText()).isEqualTo(joined.path("sessionId").asText());
        emulator.service().admin("leave", HandlerRequest.JSON.createObjectNode().put("stageArn", created.arn())
            .put("participantId", joined.path("participantId").asText()), caller);

        // the previous state still carries the session; first an UPDATE through UpdateStage, then a tags-only one
        ObjectNode previous = during;
        for (final String tag : new String[] {"1", "2"}) {
            final ObjectNode desired = withoutReadOnly(stage, previous).put("Arn", created.arn()).put("Name", "renamed");
            desired.putArray("Tags").addObject().put("Key", "round").put("Value", tag);
            final HandlerResponse updated = invoke(stage, stage.request("UPDATE").properties(desired)
                .previousProperties(previous));
            assertSuccess(updated);
            assertThat(updated.model().has("ActiveSessionId")).as("UPDATE output %s", updated.model()).isFalse();
            previous = updated.model().deepCopy().put("ActiveSessionId", joined.path("sessionId").asText());
        }
    }

    /** CREATE of a recording stage whose thumbnails have this mode and interval. */
    private HandlerResponse createWithThumbnails(final String mode, final int interval) {
        final ObjectNode template = template(TypeUnderTest.STAGE);
        ((ObjectNode) template.get("AutoParticipantRecordingConfiguration")).putObject("ThumbnailConfiguration")
            .put("RecordingMode", mode).put("TargetIntervalSeconds", interval);
        return invoke(TypeUnderTest.STAGE, TypeUnderTest.STAGE.request("CREATE").properties(template));
    }

    @Test
    void aStageRecordingThumbnailsOnlyOnIntervalsSendsItsInterval() {
        final HandlerResponse created = createWithThumbnails("INTERVAL", 60);
        assertSuccess(created);

        final ObjectNode thumbnails = (ObjectNode) read(TypeUnderTest.STAGE, created.arn())
            .path("AutoParticipantRecordingConfiguration").path("ThumbnailConfiguration");
        assertThat(thumbnails.path("RecordingMode").asText()).isEqualTo("INTERVAL");
        assertThat(thumbnails.path("TargetIntervalSeconds").asInt()).isEqualTo(60);
    }

    @Test
    void anIntervalOtherThanTheDefaultWithThumbnailsDisabledIsRefusedByIvsWithTheMemberNamed() {
        final HandlerResponse created = createWithThumbnails("DISABLED", 30);

        assertFailed(created, "InvalidRequest");
        assertThat(created.message()).contains("targetIntervalSeconds");
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void aTagKeyWithTheReservedAwsPrefixIsRefusedBeforeAnyCall(final TypeUnderTest type) {
        final ObjectNode input = type.createInput();
        input.putArray("Tags").addObject().put("Key", "AWS:owner").put("Value", "me");

        final HandlerResponse created = invoke(type, type.request("CREATE").properties(input));

        assertFailed(created, "InvalidRequest");
        assertThat(created.message()).contains("#/Tags/0/Key").contains("value \"AWS:owner\"")
            .contains("must match ^(?![aA][wW][sS]:)");
        assertThat(emulator.calls().all()).isEmpty();
    }

    @Test
    void anEmptyMediaTypesListIsRefusedBeforeAnyCall() {
        final ObjectNode input = TypeUnderTest.STAGE.createInput();
        input.putObject("AutoParticipantRecordingConfiguration").put("StorageConfigurationArn", "")
            .putArray("MediaTypes");

        final HandlerResponse created = invoke(TypeUnderTest.STAGE,
            TypeUnderTest.STAGE.request("CREATE").properties(input));

        assertFailed(created, "InvalidRequest");
        assertThat(created.message()).contains("#/AutoParticipantRecordingConfiguration/MediaTypes")
            .contains("expected minimum item count: 1, found: 0");
        assertThat(emulator.calls().all()).isEmpty();
    }
}
