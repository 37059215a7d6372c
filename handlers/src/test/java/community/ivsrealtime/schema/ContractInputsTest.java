package community.ivsrealtime.schema;

import community.ivsrealtime.registry.ResourceType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.cloudformation.resource.ResourceTypeSchema;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/** The contract-test inputs (inputs/inputs_1_*.json in each RegisterType zip) agree with their schema. */
class ContractInputsTest {

    private final Validator validator = new Validator();

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.schema.TypeFiles#withInputSets")
    void createAndUpdateInputsAreValid(ResourceType type, int set) {
        validator.validateObject(TypeFiles.input(type, set, "create"), type.schema());
        validator.validateObject(TypeFiles.input(type, set, "update"), type.schema());
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.schema.TypeFiles#withInputSets")
    void invalidInputIsRejected(ResourceType type, int set) {
        assertThatThrownBy(() -> validator.validateObject(TypeFiles.input(type, set, "invalid"), type.schema()))
                .isInstanceOf(ValidationException.class);
    }

    /** Set 2 leaves out everything the schema does not require but Tags: the service's defaults come back. */
    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void theSecondSetSetsOnlyRequiredPropertiesAndTags(ResourceType type) {
        java.util.Set<String> allowed = new java.util.HashSet<>(type.schema().optJSONArray("required") == null
                ? List.of() : type.schema().getJSONArray("required").toList().stream().map(String::valueOf).toList());
        allowed.add("Tags");
        assertThat(TypeFiles.input(type, 2, "create").keySet()).isSubsetOf(allowed);
    }

    @ParameterizedTest
    @MethodSource("community.ivsrealtime.schema.TypeFiles#withInputSets")
    void inputsSetNoReadOnlyPropertyAndUpdateKeepsCreateOnlyOnesAndChangesSomething(ResourceType type, int set) {
        ResourceTypeSchema schema = ResourceTypeSchema.load(type.schema());
        JSONObject create = TypeFiles.input(type, set, "create");
        JSONObject update = TypeFiles.input(type, set, "update");
        for (String pointer : schema.getReadOnlyPropertiesAsStrings()) {
            String name = pointer.substring("/properties/".length());
            assertThat(create.has(name)).as("create input sets read-only " + name).isFalse();
            assertThat(update.has(name)).as("update input sets read-only " + name).isFalse();
        }
        for (String pointer : schema.getCreateOnlyPropertiesAsStrings()) {
            String name = pointer.substring("/properties/".length());
            assertThat(String.valueOf(update.opt(name))).as("create-only " + name + " changes in the update input")
                    .isEqualTo(String.valueOf(create.opt(name)));
        }
        assertThat(update.similar(create)).as("update input equals create input").isFalse();
        assertThat(create.has("Tags")).as("a taggable type's create input carries Tags").isTrue();
        assertThat(update.has("Tags")).as("a tag-updatable type's update input carries Tags").isTrue();
    }
}
