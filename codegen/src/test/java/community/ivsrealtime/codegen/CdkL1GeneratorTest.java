package community.ivsrealtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CdkL1GeneratorTest {

    private static final String SCHEMA = """
            {
              "typeName": "Community::IVSRealTime::Widget",
              "description": "A widget.",
              "definitions": {
                "Tag": {"type": "object", "properties": {"Key": {"type": "string"}, "Value": {"type": "string"}}},
                "Size": {"type": "object", "description": "Size.", "required": ["Width"],
                         "properties": {"Width": {"type": "integer"}, "Ratio": {"type": "number"}}},
                "Urls": {"type": "object", "properties": {"Main": {"type": "string"}, "Ports": {"type": "array", "items": {"type": "string"}}}}
              },
              "properties": {
                "Arn": {"type": "string", "description": "The ARN."},
                "Name": {"type": "string"},
                "S3": {"$ref": "#/definitions/Size"},
                "Enabled": {"type": "boolean"},
                "Modes": {"type": "array", "uniqueItems": true, "items": {"type": "string"}},
                "Tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}},
                "Attributes": {"type": "object", "patternProperties": {"^.*$": {"type": "string"}}},
                "Count": {"type": "integer"},
                "Urls": {"$ref": "#/definitions/Urls"}
              },
              "required": ["Name"],
              "readOnlyProperties": ["/properties/Arn", "/properties/Count", "/properties/Urls"],
              "tagging": {"taggable": true, "tagProperty": "/properties/Tags"},
              "primaryIdentifier": ["/properties/Arn"]
            }
            """;

    private static Map<String, String> generate(String json) {
        return CdkL1Generator.generate(ResourceSchema.parse("community-ivsrealtime-widget.json", json));
    }

    @Test
    void oneL1AndOnePropsClassPerType() {
        assertThat(generate(SCHEMA).keySet()).containsExactly(
                "community/ivsrealtime/cdk/CfnWidget.java", "community/ivsrealtime/cdk/CfnWidgetProps.java");
    }

    @Test
    void writablePropertiesAreTypedAndRenderUnderTheSchemaNames() {
        String l1 = generate(SCHEMA).get("community/ivsrealtime/cdk/CfnWidget.java");
        assertThat(l1).contains("public class CfnWidget extends software.amazon.awscdk.CfnResource implements software.amazon.awscdk.ITaggableV2 {")
                .contains("public static final String CFN_RESOURCE_TYPE_NAME = \"Community::IVSRealTime::Widget\";")
                .contains("private String name;", "private Object s3;", "private Boolean enabled;", "private Object modes;",
                        "private java.util.List<software.amazon.awscdk.CfnTag> tags;", "private Object attributes;")
                .contains("public void setS3(CfnWidget.SizeProperty value)", "public void setS3(software.amazon.awscdk.IResolvable value)",
                        "public void setModes(java.util.List<String> value)",
                        "public void setAttributes(java.util.Map<String, String> value)")
                .contains("CfnValues.put(properties, \"S3\", props.getS3());",
                        "CfnValues.put(properties, \"Enabled\", props.getEnabled());",
                        "CfnValues.put(properties, \"Tags\", renderedTags);")
                .contains("CfnValues.tagManager(CFN_RESOURCE_TYPE_NAME, tags, \"Tags\")")
                .contains("this.addOverride(\"Properties\", cfnProperties(props, null, java.util.Map.of()));")
                // string properties may come from an L2 as references: rendered as given, read back as string tokens
                .contains("CfnValues.put(properties, \"Name\", CfnValues.given(references, \"Name\", props.getName()));",
                        "name = software.amazon.awscdk.Token.asString(references.get(\"Name\"));",
                        "references.remove(\"Name\");",
                        "rendered -> cfnProperties(props, rendered, references)")
                .contains("CfnValues.prepareForL2(scope, id, CFN_RESOURCE_TYPE_NAME, props, true, props == null ? null : props.getTags(), \"Tags\"")
                .contains("CfnValues.set(this, baseProperties, \"S3\", value);")
                .doesNotContain("getCfnProperties", "renderProperties")
                .doesNotContain("private String arn", "setArn", "setCount", "UrlsProperty", "TagProperty");
        assertThat(l1).as("no constructor without props: Name is required").doesNotContain("(software.constructs.Construct scope, String id) {")
                .contains("CfnValues.resourceProps(CFN_RESOURCE_TYPE_NAME, props, true)");
    }

    @Test
    void readOnlyPropertiesAreGetAttAttributesAndObjectsAreFlattened() {
        String l1 = generate(SCHEMA).get("community/ivsrealtime/cdk/CfnWidget.java");
        assertThat(l1).contains("public String getAttrArn() {\n        if (attrArn == null) {\n            attrArn = software.amazon.awscdk.Token.asString(getAttrArnReference());")
                .contains("software.amazon.awscdk.IResolvable getAttrArnReference() {\n        if (attrArnReference == null) {\n            attrArnReference = this.getAtt(\"Arn\", software.amazon.awscdk.ResolutionTypeHint.STRING);")
                .contains("public Number getAttrCount() {\n        if (attrCount == null) {\n            attrCount = software.amazon.awscdk.Token.asNumber(this.getAtt(\"Count\", software.amazon.awscdk.ResolutionTypeHint.NUMBER));")
                .contains("public String getAttrUrlsMain() {\n        if (attrUrlsMain == null) {\n            attrUrlsMain = software.amazon.awscdk.Token.asString(getAttrUrlsMainReference());")
                .contains("public java.util.List<String> getAttrUrlsPorts() {\n        if (attrUrlsPorts == null) {\n            attrUrlsPorts = software.amazon.awscdk.Token.asList(this.getAtt(\"Urls.Ports\",");
    }

    @Test
    void nestedDefinitionsAreValueClassesWithBuildersThatCheckRequiredMembers() {
        String l1 = generate(SCHEMA).get("community/ivsrealtime/cdk/CfnWidget.java");
        assertThat(l1).contains("public static final class SizeProperty implements CfnValues.Renderable {")
                .contains("private final Number width;", "private final Number ratio;")
                .contains("java.util.Objects.requireNonNull(builder.width, \"SizeProperty: width is required\")")
                .contains("CfnValues.put(members, \"Width\", width);");
        String props = generate(SCHEMA).get("community/ivsrealtime/cdk/CfnWidgetProps.java");
        assertThat(props).contains("public final class CfnWidgetProps {")
                .contains("public Builder s3(CfnWidget.SizeProperty value)")
                .contains("java.util.Objects.requireNonNull(builder.name, \"CfnWidgetProps: name is required\")");
    }

    @Test
    void theIndexListsEveryTypeInFileOrder() {
        Map<String, String> index = CdkL1Generator.index(List.of(
                ResourceSchema.parse("community-ivsrealtime-widget.json", SCHEMA),
                ResourceSchema.parse("community-ivsrealtime-gadget.json", SCHEMA.replace("Widget", "Gadget"))));
        assertThat(index.get("community/ivsrealtime/cdk/IvsRealTimeTypeNames.java"))
                .contains("ALL = java.util.List.of(\n            \"Community::IVSRealTime::Widget\",\n            \"Community::IVSRealTime::Gadget\");");
    }

    @Test
    void aNestedReadOnlyPointerIsRefused() {
        assertThatThrownBy(() -> generate(SCHEMA.replace("\"/properties/Count\"", "\"/properties/Urls/Main\"")))
                .hasMessageContaining("read-only /properties/Urls/Main is not a top-level property");
    }
}
