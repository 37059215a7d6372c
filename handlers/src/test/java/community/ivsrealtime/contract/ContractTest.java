package community.ivsrealtime.contract;

import static community.ivsrealtime.testing.Models.assertInputEqualsOutput;
import static community.ivsrealtime.testing.Models.assertSuccess;
import static community.ivsrealtime.testing.Models.listAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.contract.ContractSuite.Outcome;
import community.ivsrealtime.contract.ContractSuite.Result;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalInvoker;
import community.ivsrealtime.registry.ResourceType;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 14 contract tests of CloudFormation's resource contract test suite, as {@link ContractSuite} (main code, the
 * same checks {@code ivsrt test} runs) implements them, for all five types and both input sets shipped in each
 * RegisterType zip, through HandlerWrapper.handleRequest against the local endpoint. Each must pass, leave
 * nothing behind, and (updates) make the tag calls the inputs call for; each can fail (a handler broken on purpose
 * fails it).
 */
class ContractTest {

    static final Caller LOCAL = new Caller(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID, IvsRealTimeEmulator.DEFAULT_REGION,
        IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY, "contract-session");

    private IvsRealTimeEmulator endpoint;

    @BeforeEach
    void resetEndpoint() {
        endpoint = SharedEmulator.reset();
        TypeUnderTest.STAGE.invoker(); // keeps every other SDK client on loopback
    }

    static Stream<Arguments> cases() {
        return ContractSuite.TESTS.stream().flatMap(test -> Arrays.stream(ResourceType.values())
            .flatMap(type -> ContractInputs.BUNDLED_SETS.stream().map(set -> Arguments.of(test, type, set))));
    }

    @ParameterizedTest(name = "{0} {1} inputs_{2}")
    @MethodSource("cases")
    void contractTest(final String test, final ResourceType type, final int set) {
        final Result result = new ContractSuite(type, ContractInputs.bundled(type, set), LOCAL).run(test);

        assertThat(result.outcome()).as("%s %s inputs_%d: %s", test, type.simpleName(), set, result.reason())
            .isEqualTo(Outcome.PASS);
        assertThat(result.test()).isEqualTo(test);
        assertThat(leftBehind(type)).as("resources left behind by %s", test).isEmpty();
        if (test.startsWith("contract_update_") && !test.equals("contract_update_without_create")) {
            // the update inputs change one tag, add one and remove one (see inputs_<n>_create/update.json)
            assertThat(endpoint.calls().count("TagResource")).as("TagResource calls of %s", test).isEqualTo(1);
            assertThat(endpoint.calls().count("UntagResource")).as("UntagResource calls of %s", test).isEqualTo(1);
        }
        if (test.equals("contract_create_create")) {
            assertThat(result.reason()).as(result.reason()).contains(type == ResourceType.PUBLIC_KEY
                ? "refused: ResourceConflict" : "made a second resource");
        }
    }

    /** A broken handler: given the request and the real invoker, an answer. */
    @FunctionalInterface
    interface Broken {
        HandlerResponse answer(HandlerRequest request, LocalInvoker real, int nth);
    }

    private static Broken changed(final String action, final UnaryOperator<ObjectNode> change) {
        return (request, real, nth) -> {
            final HandlerResponse response = real.invokeUntilDone(request, r -> { });
            return request.action().equals(action)
                ? new HandlerResponse(change.apply(response.json().deepCopy()), response.log()) : response;
        };
    }

    /** The first DELETE answers SUCCESS without deleting anything. */
    private static final Broken DELETE_DOES_NOTHING = (request, real, nth) ->
        request.action().equals("DELETE") && nth == 1 ? answer("SUCCESS", null)
            : real.invokeUntilDone(request, r -> { });

    private static HandlerResponse answer(final String status, final String errorCode) {
        final ObjectNode json = HandlerRequest.JSON.createObjectNode().put("status", status);
        if (errorCode != null) {
            json.put("errorCode", errorCode).put("message", "broken on purpose");
        }
        return new HandlerResponse(json, "");
    }

    /** A sabotage per test: the handler answers one thing wrong, and that test fails. */
    static Stream<Arguments> sabotage() {
        return Stream.of(
            Arguments.of("contract_create_delete", changed("DELETE", r ->
                r.set("resourceModel", r.objectNode().put("Arn", "x")))),
            Arguments.of("contract_create_create", (Broken) (request, real, nth) ->
                request.action().equals("CREATE") && nth == 2 ? answer("FAILED", "InternalFailure")
                    : real.invokeUntilDone(request, r -> { })),
            Arguments.of("contract_create_read", changed("READ", r -> withoutModel(r, "Name"))),
            Arguments.of("contract_create_list", changed("LIST", ContractTest::emptyList)),
            Arguments.of("contract_create_taggable", changed("READ", r -> withoutModel(r, "Tags"))),
            Arguments.of("contract_update_read", changed("UPDATE", r -> withoutModel(r, "Tags"))),
            Arguments.of("contract_update_list", changed("LIST", ContractTest::emptyList)),
            Arguments.of("contract_update_tag_updatable", changed("READ", r -> withoutModel(r, "Tags"))),
            Arguments.of("contract_update_without_create", changed("UPDATE", r ->
                r.put("errorCode", "GeneralServiceException"))),
            Arguments.of("contract_delete_read", changed("READ", r ->
                r.has("errorCode") ? r.put("errorCode", "GeneralServiceException") : r)),
            Arguments.of("contract_delete_list", DELETE_DOES_NOTHING),
            Arguments.of("contract_delete_update", DELETE_DOES_NOTHING),
            Arguments.of("contract_delete_delete", DELETE_DOES_NOTHING),
            Arguments.of("contract_delete_create", DELETE_DOES_NOTHING));
    }

    private static ObjectNode withoutModel(final ObjectNode response, final String property) {
        if (response.get("resourceModel") instanceof ObjectNode model) {
            model.remove(property);
        }
        return response;
    }

    private static ObjectNode emptyList(final ObjectNode response) {
        response.putArray("resourceModels");
        return response;
    }

    /**
     * Each check can fail: the Stage handler with one answer changed fails exactly that check, and the suite still
     * deletes what it made.
     */
    @ParameterizedTest(name = "{0} fails on a broken handler")
    @MethodSource("sabotage")
    void eachCheckFailsOnABrokenHandler(final String test, final Broken broken) {
        final LocalInvoker real = LocalInvoker.forType(ResourceType.STAGE);
        final Map<String, Integer> counts = new java.util.HashMap<>();
        final ContractSuite suite = new ContractSuite(ResourceType.STAGE, ContractInputs.bundled(ResourceType.STAGE, 1),
            LOCAL, request -> broken.answer(request, real, counts.merge(request.action(), 1, Integer::sum)));

        final Result result = suite.run(test);

        assertThat(result.outcome()).as("%s on a broken handler: %s", test, result.reason()).isEqualTo(Outcome.FAIL);
        assertThat(result.reason()).isNotBlank();
        assertThat(leftBehind(ResourceType.STAGE)).as("resources left behind by %s", test).isEmpty();
    }

    private static java.util.List<String> leftBehind(final ResourceType type) {
        return listAll(TypeUnderTest.valueOf(type.name()));
    }

    /**
     * Input equals output for a template that declares an empty {@code Tags} list: CREATE, READ (of that model) and
     * UPDATE (through the update call for a stage, through the closing get call for the others) all return
     * {@code Tags: []}, not a model without Tags.
     */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void anEmptyTagsListComesBackAsAnEmptyList(final TypeUnderTest type) {
        final ObjectNode input = type.createInput();
        input.putArray("Tags");
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(input));
        assertSuccess(created);
        assertInputEqualsOutput(type, input, created.model());

        final HandlerResponse read = type.invoker()
            .invoke(type.request("READ").properties(input.deepCopy().put("Arn", created.arn())));
        assertSuccess(read);
        assertInputEqualsOutput(type, input, read.model());

        final ObjectNode desired = type.updateInput().put("Arn", created.arn());
        desired.putArray("Tags");
        final HandlerResponse updated = type.invoker()
            .invoke(type.request("UPDATE").properties(desired).previousProperties(created.model()));
        assertSuccess(updated);
        assertInputEqualsOutput(type, desired, updated.model());
    }

    /** The inputs shipped with every type and read from a directory are the same sets. */
    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void bundledInputsEqualTheRepositoryFiles(final ResourceType type) {
        final java.nio.file.Path dir = community.ivsrealtime.schema.TypeFiles.handlersModule().resolve("src/package");
        final java.util.List<ContractInputs> fromFiles = ContractInputs.fromDirectory(dir, type);
        assertThat(fromFiles).hasSize(2);
        assertThat(fromFiles).isEqualTo(ContractInputs.bundled(type));
    }
}
