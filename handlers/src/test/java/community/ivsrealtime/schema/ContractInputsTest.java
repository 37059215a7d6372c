package community.ivsrealtime.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.cloudformation.resource.ResourceTypeSchema;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/** The contract-test inputs (inputs/inputs_1_*.json in each RegisterType zip) agree with their schema. */
class ContractInputsTest {

    private final Validator validator = new Validator();

    @ParameterizedTest
    @EnumSource(Types.class)
    void createAndUpdateInputsAreValid(Types type) {
        validator.validateObject(type.input("create"), type.schema());
        validator.validateObject(type.input("update"), type.schema());
    }

    @ParameterizedTest
    @EnumSource(Types.class)
    void invalidInputIsRejected(Types type) {
        assertThatThrownBy(() -> validator.validateObject(type.input("invalid"), type.schema()))
                .isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @EnumSource(Types.class)
    void inputsSetNoReadOnlyPropertyAndUpdateKeepsCreateOnlyOnesAndChangesSomething(Types type) {
        ResourceTypeSchema schema = ResourceTypeSchema.load(type.schema());
        JSONObject create = type.input("create");
        JSONObject update = type.input("update");
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
