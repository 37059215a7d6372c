package community.ivsrealtime.handlers;

import static community.ivsrealtime.testing.Models.assertFailed;
import static community.ivsrealtime.testing.Models.assertInputEqualsOutput;
import static community.ivsrealtime.testing.Models.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.faults.RecordedCall;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.testing.DirectClient;
import community.ivsrealtime.testing.Models;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * Every action of every type through HandlerWrapper.handleRequest against the local endpoint: the result, and
 * the exact service calls of the call plan (read from the endpoint's call log).
 */
class CallPlanTest {

    private static final Map<String, String> STACK_TAGS = Map.of("cost-center", "1234", "owner", "team-a");
    private static final Map<String, String> SYSTEM_TAGS = TypeUnderTest.systemTagsFor("MyResource");

    private IvsRealTimeEmulator emulator;

    @BeforeEach
    void resetEndpoint() {
        emulator = SharedEmulator.reset();
    }

    private HandlerResponse create(final TypeUnderTest type, final ObjectNode input) {
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(input)
            .stackTags(STACK_TAGS).systemTags(SYSTEM_TAGS));
        assertSuccess(created);
        return created;
    }

    private Map<String, Long> callsSince(final List<RecordedCall> before) {
        final List<RecordedCall> all = new ArrayList<>(emulator.calls().all());
        all.subList(0, before.size()).clear();
        final Map<String, Long> counts = new TreeMap<>();
        all.forEach(call -> counts.merge(call.operation(), 1L, Long::sum));
        return counts;
    }

    private static Map<String, String> tags(final JsonNode tagArray) {
        final Map<String, String> map = new HashMap<>();
        if (tagArray != null) {
            tagArray.forEach(t -> map.put(t.path("Key").asText(), t.path("Value").asText()));
        }
        return map;
    }

    private static ArrayNode tagArray(final Map<String, String> tags) {
        final ArrayNode array = HandlerRequest.JSON.createArrayNode();
        new TreeMap<>(tags).forEach((k, v) -> array.addObject().put("Key", k).put("Value", v));
        return array;
    }

    private static Map<String, String> merged(final Map<String, String>... maps) {
        final Map<String, String> all = new HashMap<>();
        for (final Map<String, String> map : maps) {
            all.putAll(map);
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void createIsOneCallCarryingResourceStackAndSystemTags(final TypeUnderTest type) {
        final ObjectNode input = type.createInput();
        final HandlerResponse created = create(type, input);

        assertThat(emulator.calls().counts()).isEqualTo(Map.of(type.createOp, 1L));
        assertThat(emulator.calls().all()).allSatisfy(call ->
            assertThat(call.accessKeyId()).isEqualTo(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID));
        assertInputEqualsOutput(type, input, created.model());
        assertThat(tags(created.model().get("Tags"))).isEqualTo(tags(input.get("Tags")));
        assertThat(DirectClient.tags(emulator, created.arn()))
            .isEqualTo(merged(STACK_TAGS, SYSTEM_TAGS, tags(input.get("Tags"))));
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void readIsOneGetReturningTheStoredModelWithoutSystemOrStackTags(final TypeUnderTest type) {
        final HandlerResponse created = create(type, type.createInput());
        final List<RecordedCall> before = emulator.calls().all();

        final HandlerResponse read = type.invoker().invoke(type.request("READ")
            .properties(HandlerRequest.JSON.createObjectNode().put("Arn", created.arn())).stackTags(STACK_TAGS));

        assertSuccess(read);
        assertThat(callsSince(before)).isEqualTo(Map.of(type.getOp, 1L));
        assertThat(read.model()).isEqualTo(created.model());

        // Without the stack's tags in the request, READ cannot tell them from tags added by hand: it reports
        // them (drift stays visible), but never the aws: system tags.
        final HandlerResponse bare = type.invoker().invoke(type.request("READ")
            .properties(HandlerRequest.JSON.createObjectNode().put("Arn", created.arn())));
        assertThat(tags(bare.model().get("Tags")))
            .isEqualTo(merged(STACK_TAGS, tags(type.createInput().get("Tags"))));
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void updateOfTagsIsOneTagResourceAndOneUntagResource(final TypeUnderTest type) {
        final ObjectNode input = type.createInput();
        input.set("Tags", tagArray(Map.of("keep", "same", "change", "old", "drop", "gone")));
        final Map<String, String> previousStackTags = Map.of("stack-keep", "1", "stack-change", "a", "stack-drop", "x");
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(input)
            .stackTags(previousStackTags).systemTags(SYSTEM_TAGS));
        assertSuccess(created);
        final List<RecordedCall> before = emulator.calls().all();

        final ObjectNode desired = input.deepCopy().put("Arn", created.arn());
        desired.set("Tags", tagArray(Map.of("keep", "same", "change", "new", "add", "added")));
        final Map<String, String> stackTags = Map.of("stack-keep", "1", "stack-change", "b");
        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(desired).previousProperties(created.model())
            .stackTags(stackTags).previousStackTags(previousStackTags)
            .systemTags(SYSTEM_TAGS).previousSystemTags(SYSTEM_TAGS));

        assertSuccess(updated);
        assertThat(callsSince(before)).isEqualTo(Map.of("TagResource", 1L, "UntagResource", 1L));
        assertThat(emulator.calls().all().subList(before.size(), emulator.calls().all().size()))
            .allSatisfy(call -> assertThat(call.resourceArn()).isEqualTo(created.arn()));
        assertThat(DirectClient.tags(emulator, created.arn())).isEqualTo(merged(SYSTEM_TAGS, stackTags,
            Map.of("keep", "same", "change", "new", "add", "added")));
        assertThat(tags(updated.model().get("Tags"))).isEqualTo(Map.of("keep", "same", "change", "new", "add", "added"));
        assertThat(updated.arn()).isEqualTo(created.arn());
        // No call returned the resource: its read-only values come from the previous state.
        for (final String readOnly : Models.properties(type, "readOnlyProperties")) {
            assertThat(updated.model().get(readOnly)).as(readOnly).isEqualTo(created.model().get(readOnly));
        }
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void updateOfOnlyAddedTagsIsOneTagResource(final TypeUnderTest type) {
        final HandlerResponse created = create(type, type.createInput());
        final List<RecordedCall> before = emulator.calls().all();
        final ObjectNode desired = type.createInput().put("Arn", created.arn());
        desired.set("Tags", tagArray(merged(tags(type.createInput().get("Tags")), Map.of("extra", "1"))));

        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(desired).previousProperties(created.model())
            .stackTags(STACK_TAGS).previousStackTags(STACK_TAGS)
            .systemTags(SYSTEM_TAGS).previousSystemTags(SYSTEM_TAGS));

        assertSuccess(updated);
        assertThat(callsSince(before)).isEqualTo(Map.of("TagResource", 1L));
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void tagsOnlyUpdateReadsOnceOnlyWhenThePreviousStateLacksReadOnlyValues(final TypeUnderTest type) {
        final HandlerResponse created = create(type, type.createInput());
        // The read-only values besides Arn that the service returned on create (none for types with only Arn;
        // a stage's ActiveSessionId only exists during a session).
        final List<String> returnedReadOnly = Models.properties(type, "readOnlyProperties").stream()
            .filter(p -> !p.equals("Arn") && created.model().hasNonNull(p)).toList();

        // Previous state as in a template: Arn, but none of the other read-only values.
        final ObjectNode previous = type.createInput().put("Arn", created.arn());
        final ObjectNode desired = previous.deepCopy();
        desired.set("Tags", tagArray(merged(tags(previous.get("Tags")), Map.of("extra", "1"))));
        List<RecordedCall> before = emulator.calls().all();
        final HandlerResponse filled = type.invoker().invoke(type.request("UPDATE")
            .properties(desired).previousProperties(previous)
            .stackTags(STACK_TAGS).previousStackTags(STACK_TAGS)
            .systemTags(SYSTEM_TAGS).previousSystemTags(SYSTEM_TAGS));

        assertSuccess(filled);
        assertThat(callsSince(before)).isEqualTo(returnedReadOnly.isEmpty()
            ? Map.of("TagResource", 1L) : Map.of("TagResource", 1L, type.getOp, 1L));
        for (final String readOnly : Models.properties(type, "readOnlyProperties")) {
            assertThat(filled.model().get(readOnly)).as(readOnly).isEqualTo(created.model().get(readOnly));
        }
        assertThat(tags(filled.model().get("Tags"))).isEqualTo(tags(desired.get("Tags")));

        // Previous state with every read-only value (CloudFormation's usual case): no Get.
        final ObjectNode again = desired.deepCopy();
        again.set("Tags", tagArray(merged(tags(desired.get("Tags")), Map.of("extra", "2"))));
        before = emulator.calls().all();
        final HandlerResponse tagged = type.invoker().invoke(type.request("UPDATE")
            .properties(again).previousProperties(filled.model())
            .stackTags(STACK_TAGS).previousStackTags(STACK_TAGS)
            .systemTags(SYSTEM_TAGS).previousSystemTags(SYSTEM_TAGS));

        assertSuccess(tagged);
        assertThat(callsSince(before)).isEqualTo(Map.of("TagResource", 1L));
        for (final String readOnly : Models.properties(type, "readOnlyProperties")) {
            assertThat(tagged.model().get(readOnly)).as(readOnly).isEqualTo(created.model().get(readOnly));
        }
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void updateWithNothingChangedIsOneGet(final TypeUnderTest type) {
        final HandlerResponse created = create(type, type.createInput());
        final List<RecordedCall> before = emulator.calls().all();

        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(type.createInput().put("Arn", created.arn())).previousProperties(created.model())
            .stackTags(STACK_TAGS).previousStackTags(STACK_TAGS)
            .systemTags(SYSTEM_TAGS).previousSystemTags(SYSTEM_TAGS));

        assertSuccess(updated);
        assertThat(callsSince(before)).isEqualTo(Map.of(type.getOp, 1L));
        assertInputEqualsOutput(type, type.createInput(), updated.model());
        assertThat(updated.arn()).isEqualTo(created.arn());
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void updateWithoutPreviousStateReadsTheCurrentStateOnce(final TypeUnderTest type) {
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(type.createInput()));
        assertSuccess(created);
        final List<RecordedCall> before = emulator.calls().all();

        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(type.updateInput().put("Arn", created.arn())));

        assertSuccess(updated);
        // the update input changes one tag, adds one and removes one
        final Map<String, Long> expected = new TreeMap<>(Map.of(type.getOp, 1L, "TagResource", 1L,
            "UntagResource", 1L));
        if (type == TypeUnderTest.STAGE) {
            expected.put("UpdateStage", 1L); // the update input renames the stage
        }
        assertThat(callsSince(before)).isEqualTo(expected);
        assertInputEqualsOutput(type, type.updateInput(), updated.model());
    }

    /**
     * Without a previous state the service's state is compared with the template: a createOnly object the template
     * sets only partly (Video without Framerate and Bitrate, which the service fills with defaults) has not
     * changed; a member the template sets to another value has.
     */
    @org.junit.jupiter.api.Test
    void updateWithoutPreviousStateComparesOnlyTheMembersTheTemplateSetsInACreateOnlyObject() {
        final TypeUnderTest type = TypeUnderTest.ENCODER_CONFIGURATION;
        final ObjectNode input = HandlerRequest.JSON.createObjectNode().put("Name", "partial-video");
        input.putObject("Video").put("Width", 1920).put("Height", 1080);
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(input));
        assertSuccess(created);
        final List<RecordedCall> before = emulator.calls().all();

        final ObjectNode desired = input.deepCopy().put("Arn", created.arn());
        desired.set("Tags", tagArray(Map.of("team", "video")));
        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE").properties(desired));
        assertSuccess(updated);
        assertThat(callsSince(before)).isEqualTo(Map.of(type.getOp, 1L, "TagResource", 1L));
        assertInputEqualsOutput(type, desired, updated.model());

        final ObjectNode changed = desired.deepCopy();
        ((ObjectNode) changed.get("Video")).put("Width", 1280);
        final HandlerResponse refused = type.invoker().invoke(type.request("UPDATE").properties(changed));
        assertFailed(refused, "NotUpdatable");
        assertThat(refused.message()).contains("Video");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> createOnlyChanges() {
        return Stream.of(
            org.junit.jupiter.params.provider.Arguments.of(TypeUnderTest.ENCODER_CONFIGURATION, "Video",
                (java.util.function.Consumer<ObjectNode>) m -> ((ObjectNode) m.get("Video")).put("Width", 1920)),
            org.junit.jupiter.params.provider.Arguments.of(TypeUnderTest.ENCODER_CONFIGURATION, "Name",
                (java.util.function.Consumer<ObjectNode>) m -> m.put("Name", "renamed")),
            org.junit.jupiter.params.provider.Arguments.of(TypeUnderTest.STORAGE_CONFIGURATION, "S3",
                (java.util.function.Consumer<ObjectNode>) m -> ((ObjectNode) m.get("S3")).put("BucketName", "other-bucket")),
            org.junit.jupiter.params.provider.Arguments.of(TypeUnderTest.PUBLIC_KEY, "PublicKeyMaterial",
                (java.util.function.Consumer<ObjectNode>) m -> m.put("PublicKeyMaterial", DirectClient.newPublicKeyPem())),
            org.junit.jupiter.params.provider.Arguments.of(TypeUnderTest.INGEST_CONFIGURATION, "IngestProtocol",
                (java.util.function.Consumer<ObjectNode>) m -> m.put("IngestProtocol", "RTMP").put("InsecureIngest", true)),
            org.junit.jupiter.params.provider.Arguments.of(TypeUnderTest.INGEST_CONFIGURATION, "UserId",
                (java.util.function.Consumer<ObjectNode>) m -> m.put("UserId", "someone-else")));
    }

    @ParameterizedTest
    @MethodSource("createOnlyChanges")
    void updateOfCreateOnlyPropertyFailsNotUpdatableWithoutAnyCall(final TypeUnderTest type, final String property,
                                                                   final java.util.function.Consumer<ObjectNode> change) {
        final HandlerResponse created = create(type, type.createInput());
        final List<RecordedCall> before = emulator.calls().all();
        final ObjectNode previous = type.createInput().put("Arn", created.arn());
        final ObjectNode desired = previous.deepCopy();
        change.accept(desired);

        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(desired).previousProperties(previous));

        assertFailed(updated, "NotUpdatable");
        assertThat(updated.message()).contains(property);
        assertThat(callsSince(before)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TypeUnderTest.class, names = {"STAGE", "INGEST_CONFIGURATION"})
    void updateOfAnUpdatablePropertyIsOneUpdateCall(final TypeUnderTest type) {
        final HandlerResponse created = create(type, type.createInput());
        final ObjectNode desired = type.createInput().put("Arn", created.arn());
        final String property;
        final String value;
        if (type == TypeUnderTest.STAGE) {
            property = "Name";
            value = "renamed-stage";
        } else {
            try (IvsRealTimeClient client = DirectClient.of(emulator)) {
                property = "StageArn";
                value = DirectClient.seed(client, TypeUnderTest.STAGE, "target");
            }
        }
        desired.put(property, value);
        final List<RecordedCall> before = emulator.calls().all();

        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(desired).previousProperties(created.model())
            .stackTags(STACK_TAGS).previousStackTags(STACK_TAGS)
            .systemTags(SYSTEM_TAGS).previousSystemTags(SYSTEM_TAGS));

        assertSuccess(updated);
        assertThat(callsSince(before)).isEqualTo(Map.of(type.updateOp, 1L));
        assertThat(updated.model().path(property).asText()).isEqualTo(value);
        final HandlerResponse read = type.invoker().invoke(type.request("READ")
            .properties(HandlerRequest.JSON.createObjectNode().put("Arn", created.arn())));
        assertThat(read.model().path(property).asText()).isEqualTo(value);
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void deleteIsOneCallAndReturnsNoModel(final TypeUnderTest type) {
        final HandlerResponse created = create(type, type.createInput());
        final List<RecordedCall> before = emulator.calls().all();

        final HandlerResponse deleted = type.invoker().invoke(type.request("DELETE").properties(created.model()));

        assertSuccess(deleted);
        assertThat(deleted.model()).isNull();
        assertThat(callsSince(before)).isEqualTo(Map.of(type.deleteOp, 1L));
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void listPagesThroughEveryResourceWithOneCallPerPageOfAHundred(final TypeUnderTest type) {
        final List<String> seeded = new ArrayList<>();
        try (IvsRealTimeClient client = DirectClient.of(emulator)) {
            for (int i = 0; i < 150; i++) {
                seeded.add(DirectClient.seed(client, type, "seeded-" + i));
            }
        }
        final List<RecordedCall> before = emulator.calls().all();

        final List<String> listed = new ArrayList<>();
        final List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            final HandlerRequest request = type.request("LIST");
            if (token != null) {
                request.nextToken(token);
            }
            final HandlerResponse page = type.invoker().invoke(request);
            assertSuccess(page);
            assertThat(page.model()).isNull();
            pageSizes.add(page.models().size());
            page.models().forEach(m -> {
                listed.add(m.path("Arn").asText());
                assertThat(m.path("Name").asText()).startsWith("seeded-");
            });
            token = page.nextToken();
        } while (token != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(100, 50);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(seeded);
        assertThat(callsSince(before)).isEqualTo(Map.of(type.listOp, 2L));
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void readUpdateAndDeleteOfAMissingResourceFailNotFound(final TypeUnderTest type) {
        final ObjectNode missing = type.createInput().put("Arn", type.missingArn());
        for (final String action : List.of("READ", "UPDATE", "DELETE")) {
            final HandlerRequest request = type.request(action).properties(missing);
            if (action.equals("UPDATE")) {
                request.previousProperties(missing);
            }
            final HandlerResponse response = type.invoker().invoke(request);
            assertFailed(response, "NotFound");
            assertThat(response.message()).as(action).contains(type.missingArn());
        }
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void actionsOnAModelWithoutArnFailNotFoundWithoutCalls(final TypeUnderTest type) {
        for (final String action : List.of("READ", "UPDATE", "DELETE")) {
            final HandlerResponse response = type.invoker().invoke(type.request(action).properties(type.createInput()));
            assertFailed(response, "NotFound");
            assertThat(response.message()).contains("Arn");
        }
        assertThat(emulator.calls().all()).isEmpty();
    }
}
