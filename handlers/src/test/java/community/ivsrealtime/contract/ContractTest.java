package community.ivsrealtime.contract;

import static community.ivsrealtime.testing.Models.assertFailed;
import static community.ivsrealtime.testing.Models.assertInputEqualsOutput;
import static community.ivsrealtime.testing.Models.assertNoWriteOnly;
import static community.ivsrealtime.testing.Models.assertSuccess;
import static community.ivsrealtime.testing.Models.listAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.testing.Models;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 14 contract tests of CloudFormation's resource contract test suite (../shared/reference/
 * cfn-handler-contract.md), for all five types, from each type's contract inputs (the inputs/ shipped in its
 * RegisterType zip), through HandlerWrapper.handleRequest against the local endpoint.
 */
class ContractTest {

    @BeforeEach
    void resetEndpoint() {
        SharedEmulator.reset();
    }

    private static HandlerResponse create(final TypeUnderTest type, final int set) {
        final ObjectNode input = type.createInput(set);
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(input));
        assertSuccess(created);
        assertThat(created.arn()).as("primary identifier of %s", created).isNotBlank();
        assertThat(created.models()).isNull();
        assertInputEqualsOutput(type, input, created.model());
        assertNoWriteOnly(type, created.model());
        return created;
    }

    private static HandlerResponse read(final TypeUnderTest type, final String arn) {
        final ObjectNode model = HandlerResponseModels.identifier(arn);
        return type.invoker().invoke(type.request("READ").properties(model));
    }

    private static HandlerResponse update(final TypeUnderTest type, final int set, final HandlerResponse created) {
        final ObjectNode input = type.updateInput(set).put("Arn", created.arn());
        return type.invoker().invoke(type.request("UPDATE").properties(input).previousProperties(created.model()));
    }

    private static HandlerResponse delete(final TypeUnderTest type, final String arn) {
        return type.invoker().invoke(type.request("DELETE").properties(HandlerResponseModels.identifier(arn)));
    }

    private static void deleteSucceeds(final TypeUnderTest type, final String arn) {
        final HandlerResponse deleted = delete(type, arn);
        assertSuccess(deleted);
        assertThat(deleted.model()).as("DELETE returns no model: %s", deleted).isNull();
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_create_delete(final TypeUnderTest type, final int set) {
        deleteSucceeds(type, create(type, set).arn());
    }

    /**
     * The primary identifier (Arn) is server-generated, so AlreadyExists does not apply: a second CREATE makes a
     * second resource. Except a public key: IVS refuses to import the same key material twice (409), which
     * maps to ResourceConflict with the service's message naming the existing key.
     */
    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_create_create(final TypeUnderTest type, final int set) {
        assertThat(Models.properties(type, "readOnlyProperties")).contains("Arn");
        final String first = create(type, set).arn();
        if (type == TypeUnderTest.PUBLIC_KEY) {
            final HandlerResponse second = type.invoker().invoke(type.request("CREATE").properties(type.createInput(set)));
            assertFailed(second, "ResourceConflict");
            assertThat(second.message()).contains("ImportPublicKey", first);
            return;
        }
        final String second = create(type, set).arn();
        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_create_read(final TypeUnderTest type, final int set) {
        final HandlerResponse created = create(type, set);
        final HandlerResponse read = read(type, created.arn());
        assertSuccess(read);
        assertInputEqualsOutput(type, type.createInput(set), read.model());
        assertThat(read.model()).isEqualTo(created.model());
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_create_list(final TypeUnderTest type, final int set) {
        final String arn = create(type, set).arn();
        assertThat(listAll(type)).contains(arn);
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_create_taggable(final TypeUnderTest type, final int set) {
        assertThat(Models.schema(type).path("tagging").path("taggable").asBoolean()).isTrue();
        assertThat(type.createInput(set).has("Tags")).isTrue();
        final HandlerResponse read = read(type, create(type, set).arn());
        assertThat(Models.covers(type.createInput(set).get("Tags"), read.model().get("Tags"))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_update_read(final TypeUnderTest type, final int set) {
        final HandlerResponse created = create(type, set);
        final HandlerResponse updated = update(type, set, created);
        assertSuccess(updated);
        assertThat(updated.arn()).isEqualTo(created.arn());
        assertInputEqualsOutput(type, type.updateInput(set), updated.model());
        assertNoWriteOnly(type, updated.model());

        final HandlerResponse read = read(type, created.arn());
        assertSuccess(read);
        assertInputEqualsOutput(type, type.updateInput(set), read.model());
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_update_list(final TypeUnderTest type, final int set) {
        final HandlerResponse created = create(type, set);
        assertSuccess(update(type, set, created));
        assertThat(listAll(type)).contains(created.arn());
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_update_tag_updatable(final TypeUnderTest type, final int set) {
        assertThat(Models.schema(type).path("tagging").path("tagUpdatable").asBoolean()).isTrue();
        assertThat(type.updateInput(set).get("Tags")).isNotNull().isNotEqualTo(type.createInput(set).get("Tags"));
        final HandlerResponse created = create(type, set);
        assertSuccess(update(type, set, created));
        final HandlerResponse read = read(type, created.arn());
        assertThat(Models.covers(type.updateInput(set).get("Tags"), read.model().get("Tags")))
            .as("tags after update: %s", read.model().get("Tags")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_update_without_create(final TypeUnderTest type, final int set) {
        final ObjectNode input = type.updateInput(set).put("Arn", type.missingArn());
        final HandlerResponse response = type.invoker()
            .invoke(type.request("UPDATE").properties(input).previousProperties(type.createInput(set).put("Arn", type.missingArn())));
        assertFailed(response, "NotFound");
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_delete_read(final TypeUnderTest type, final int set) {
        final String arn = create(type, set).arn();
        deleteSucceeds(type, arn);
        assertFailed(read(type, arn), "NotFound");
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_delete_list(final TypeUnderTest type, final int set) {
        final String arn = create(type, set).arn();
        deleteSucceeds(type, arn);
        assertThat(listAll(type)).doesNotContain(arn);
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_delete_update(final TypeUnderTest type, final int set) {
        final HandlerResponse created = create(type, set);
        deleteSucceeds(type, created.arn());
        assertFailed(update(type, set, created), "NotFound");
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_delete_delete(final TypeUnderTest type, final int set) {
        final String arn = create(type, set).arn();
        deleteSucceeds(type, arn);
        assertFailed(delete(type, arn), "NotFound");
    }

    /** The Arn is not writable: re-CREATE with the same request makes a new resource. */
    @ParameterizedTest
    @MethodSource("community.ivsrealtime.testing.TypeUnderTest#withInputSets")
    void contract_delete_create(final TypeUnderTest type, final int set) {
        final String arn = create(type, set).arn();
        deleteSucceeds(type, arn);
        final HandlerResponse again = create(type, set);
        assertThat(again.arn()).isNotEqualTo(arn);
        assertThat(listAll(type)).containsExactly(again.arn());
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

    /** Tiny helper: a model holding only the primary identifier. */
    static final class HandlerResponseModels {
        static ObjectNode identifier(final String arn) {
            return HandlerRequest.JSON.createObjectNode().put("Arn", arn);
        }
    }
}
