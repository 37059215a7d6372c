package community.ivsrealtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelGeneratorTest {

    private static final String SCHEMA = """
            {
              "typeName": "Community::IVSRealTime::Widget",
              "description": "A widget <for tests> & more.",
              "definitions": {
                "Tag": {"type": "object", "additionalProperties": false,
                        "properties": {"Key": {"type": "string"}, "Value": {"type": "string"}}},
                "Size": {"type": "object", "description": "Size.", "additionalProperties": false,
                         "properties": {"Width": {"type": "integer"}, "Ratio": {"type": "number"}}}
              },
              "properties": {
                "Arn": {"type": "string", "description": "The ARN."},
                "S3": {"$ref": "#/definitions/Size"},
                "Enabled": {"type": "boolean"},
                "Modes": {"type": "array", "items": {"type": "string", "enum": ["A", "B"]}},
                "Tags": {"type": "array", "uniqueItems": true, "items": {"$ref": "#/definitions/Tag"}},
                "Attributes": {"type": "object", "additionalProperties": false,
                               "patternProperties": {"^.*$": {"type": "string"}}}
              },
              "additionalProperties": false,
              "primaryIdentifier": ["/properties/Arn"]
            }
            """;

    private static Map<String, String> generate(String json) {
        return ModelGenerator.generate(ResourceSchema.parse("community-ivsrealtime-widget.json", json));
    }

    @Test
    void oneClassPerDefinitionPlusResourceModelAndTypeConfiguration() {
        Map<String, String> files = generate(SCHEMA);
        assertThat(files.keySet()).containsExactly(
                "community/ivsrealtime/widget/Tag.java",
                "community/ivsrealtime/widget/Size.java",
                "community/ivsrealtime/widget/ResourceModel.java",
                "community/ivsrealtime/widget/TypeConfigurationModel.java",
                "community/ivsrealtime/widget/CallbackContext.java",
                "community/ivsrealtime/widget/HandlerWrapper.java",
                "community/ivsrealtime/widget/LambdaEntrypoint.java");
    }

    @Test
    void theWrapperIsTheEntryPointOverTheTranslatorsOps() {
        String wrapper = generate(SCHEMA).get("community/ivsrealtime/widget/HandlerWrapper.java");
        assertThat(wrapper).contains("package community.ivsrealtime.widget;")
                .contains("public final class HandlerWrapper extends IvsHandlerWrapper<ResourceModel, CallbackContext, "
                        + "TypeConfigurationModel>")
                .contains("super(Translator.OPS, CallbackContext::new);");
        assertThat(generate(SCHEMA).get("community/ivsrealtime/widget/CallbackContext.java"))
                .contains("public class CallbackContext extends StdCallbackContext {");
    }

    @Test
    void theLambdaEntrypointPreparesTheColdStartThenServesThroughTheWrapper() {
        String entry = generate(SCHEMA).get("community/ivsrealtime/widget/LambdaEntrypoint.java");
        assertThat(entry).contains("package community.ivsrealtime.widget;")
                .contains("public final class LambdaEntrypoint extends IvsLambdaEntrypoint {")
                .contains("ColdStart.prepare(HandlerWrapper.class);")
                .contains("super(new HandlerWrapper());");
    }

    @Test
    void fieldsFollowTheFixedTypeMapping() {
        String model = generate(SCHEMA).get("community/ivsrealtime/widget/ResourceModel.java");
        assertThat(model).contains("package community.ivsrealtime.widget;")
                .contains("@Builder(toBuilder = true)", "@Data", "@NoArgsConstructor", "@AllArgsConstructor",
                        "@JsonIgnoreProperties(ignoreUnknown = true)")
                .contains("@ToString(onlyExplicitlyIncluded = true)\npublic class ResourceModel")
                .contains("@ToString.Include\n    @JsonProperty(\"Arn\")\n    private String arn;")
                .contains("@JsonProperty(\"S3\")\n    private Size s3;")
                .contains("@JsonProperty(\"Enabled\")\n    private Boolean enabled;")
                .contains("@JsonProperty(\"Modes\")\n    private java.util.List<String> modes;")
                .contains("@JsonProperty(\"Tags\")\n    private java.util.Set<Tag> tags;")
                .contains("@JsonProperty(\"Attributes\")\n    private java.util.Map<String, String> attributes;")
                .contains("TYPE_NAME = \"Community::IVSRealTime::Widget\"")
                .contains("IDENTIFIER_KEY_ARN = \"/properties/Arn\"")
                .contains("A widget &lt;for tests&gt; &amp; more.");
        String size = generate(SCHEMA).get("community/ivsrealtime/widget/Size.java");
        assertThat(size).contains("private Integer width;").contains("private Double ratio;")
                .doesNotContain("@ToString(onlyExplicitlyIncluded");
    }

    @Test
    void inlineObjectsAndWrongFileNamesAreRejected() {
        String inline = SCHEMA.replace("\"Enabled\": {\"type\": \"boolean\"}",
                "\"Enabled\": {\"type\": \"object\", \"properties\": {\"X\": {\"type\": \"string\"}}}");
        assertThatThrownBy(() -> generate(inline)).hasMessageContaining("Enabled").hasMessageContaining("definitions");
        assertThatThrownBy(() -> ResourceSchema.parse("widget.json", SCHEMA))
                .hasMessageContaining("community-ivsrealtime-widget.json");
        String dangling = SCHEMA.replace("#/definitions/Size", "#/definitions/Nope");
        assertThatThrownBy(() -> generate(dangling)).hasMessageContaining("#/definitions/Nope");
    }

    @Test
    void constantNames() {
        assertThat(ModelGenerator.constant("Arn")).isEqualTo("ARN");
        assertThat(ModelGenerator.constant("StageArn")).isEqualTo("STAGE_ARN");
        assertThat(JavaTypes.fieldName("S3")).isEqualTo("s3");
        assertThat(JavaTypes.fieldName("ActiveSessionId")).isEqualTo("activeSessionId");
    }
}
