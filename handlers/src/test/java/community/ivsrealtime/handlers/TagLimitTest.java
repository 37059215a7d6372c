package community.ivsrealtime.handlers;

import static community.ivsrealtime.testing.Models.assertFailed;
import static community.ivsrealtime.testing.Models.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.testing.DirectClient;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * IVS allows 50 tags per resource, aws: keys not counted. The resource's Tags (at most 50, as the schema says) plus
 * the stack's tags can exceed that: the handlers say so, with the numbers, before any call; CloudFormation's
 * own system tags never push a resource over.
 */
class TagLimitTest {

    private IvsRealTimeEmulator emulator;

    @BeforeEach
    void resetEndpoint() {
        emulator = SharedEmulator.reset();
    }

    private static ObjectNode withTags(final TypeUnderTest type, final int count, final String prefix) {
        final ObjectNode input = type.createInput();
        final ArrayNode tags = input.putArray("Tags");
        for (int i = 0; i < count; i++) {
            tags.addObject().put("Key", prefix + i).put("Value", "v");
        }
        return input;
    }

    private static Map<String, String> stackTags(final int count) {
        final Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("stack" + i, "s");
        }
        return tags;
    }

    private static HandlerRequest create(final TypeUnderTest type, final ObjectNode input,
                                         final Map<String, String> stackTags) {
        final HandlerRequest request = type.request("CREATE").properties(input).stackTags(stackTags);
        return request.systemTags(request.cloudFormationSystemTags());
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void fiftyTagsAndTheSystemTagsAreAccepted(final TypeUnderTest type) {
        final HandlerResponse created = type.invoker().invoke(create(type, withTags(type, 50, "own"), Map.of()));

        assertSuccess(created);
        assertThat(created.model().path("Tags")).hasSize(50);
        assertThat(emulator.calls().counts()).containsOnlyKeys(type.createOp);
        assertThat(DirectClient.tags(emulator, created.arn())).hasSize(53)
            .containsKeys("aws:cloudformation:stack-name", "aws:cloudformation:logical-id", "aws:cloudformation:stack-id");
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void resourceAndStackTagsOverTheLimitFailBeforeAnyCallWithTheNumbers(final TypeUnderTest type) {
        final HandlerResponse created = type.invoker().invoke(create(type, withTags(type, 45, "own"), stackTags(10)));

        assertFailed(created, "InvalidRequest");
        assertThat(created.message()).contains(type.typeName)
            .contains("55 tags (45 from its Tags property, 10 from the stack's tags)").contains("at most 50");
        assertThat(emulator.calls().all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void aStackTagThatTheResourceOverridesCountsOnce(final TypeUnderTest type) {
        final Map<String, String> stack = new LinkedHashMap<>(stackTags(0));
        stack.put("own0", "from-stack");
        stack.put("own1", "from-stack");

        final HandlerResponse created = type.invoker().invoke(create(type, withTags(type, 50, "own"), stack));

        assertSuccess(created);
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void anUpdateOverTheLimitFailsBeforeAnyCall(final TypeUnderTest type) {
        final HandlerResponse created = type.invoker().invoke(create(type, withTags(type, 40, "own"), stackTags(5)));
        assertSuccess(created);
        emulator.calls().clear();

        final ObjectNode desired = withTags(type, 46, "own").put("Arn", created.arn());
        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE").properties(desired)
            .previousProperties(created.model()).stackTags(stackTags(5)).previousStackTags(stackTags(5)));

        assertFailed(updated, "InvalidRequest");
        assertThat(updated.message()).contains("51 tags (46 from its Tags property, 5 from the stack's tags)");
        assertThat(emulator.calls().all()).isEmpty();
    }

    /** A key given twice with two values: one would silently win, and the output would not equal the input. */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void aTagKeyGivenTwiceFailsBeforeAnyCall(final TypeUnderTest type) {
        final ObjectNode input = type.createInput();
        input.putArray("Tags").add(HandlerRequest.JSON.createObjectNode().put("Key", "env").put("Value", "dev"))
            .add(HandlerRequest.JSON.createObjectNode().put("Key", "env").put("Value", "prod"));

        final HandlerResponse created = type.invoker().invoke(create(type, input, Map.of()));
        assertFailed(created, "InvalidRequest");
        assertThat(created.message()).contains("Tags: each key can have one value, but env is given more than once");

        final HandlerResponse existing = type.invoker().invoke(create(type, type.createInput(), Map.of()));
        assertSuccess(existing);
        emulator.calls().clear();
        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(input.deepCopy().put("Arn", existing.arn())).previousProperties(existing.model()));
        assertFailed(updated, "InvalidRequest");
        assertThat(emulator.calls().all()).isEmpty();
    }
}
