package community.ivsrealtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocsGeneratorTest {

    private static final String SCHEMA = """
            {
              "typeName": "Community::IVSRealTime::Widget",
              "description": "A widget.",
              "$comment": "Why these permissions.",
              "definitions": {
                "Size": {"type": "object", "description": "Size.", "additionalProperties": false,
                         "properties": {"Width": {"type": "integer", "description": "Width.", "minimum": 2, "maximum": 1920, "default": 1280}}}
              },
              "properties": {
                "Arn": {"type": "string", "description": "The ARN.", "pattern": "^arn:.*$"},
                "Name": {"type": "string", "description": "The name.", "minLength": 0, "maxLength": 128},
                "Size": {"$ref": "#/definitions/Size"},
                "Secret": {"type": "boolean", "description": "Write only."},
                "Mode": {"type": "string", "description": "Mode.", "enum": ["A", "B"]}
              },
              "required": ["Mode"],
              "additionalProperties": false,
              "readOnlyProperties": ["/properties/Arn"],
              "createOnlyProperties": ["/properties/Size", "/properties/Secret"],
              "writeOnlyProperties": ["/properties/Secret"],
              "primaryIdentifier": ["/properties/Arn"],
              "handlers": {"create": {"permissions": ["x:Create"]}, "read": {"permissions": ["x:Get"]}}
            }
            """;

    @Test
    void rendersPropertiesConstraintsUpdateBehaviourAndPermissions() {
        String md = DocsGenerator.render(ResourceSchema.parse("community-ivsrealtime-widget.json", SCHEMA));
        assertThat(md).startsWith("# Community::IVSRealTime::Widget\n")
                .contains("### Name\n\nThe name.\n\n- Type: String\n- Required: No\n- Update requires: No interruption\n- Length: 0 to 128\n")
                .contains("### Size\n\nSize.\n\n- Type: [Size](#size)\n- Required: No\n- Update requires: Replacement\n")
                .contains("### Mode\n\nMode.\n\n- Type: String\n- Required: Yes\n- Update requires: No interruption\n- Allowed values: `A`, `B`\n")
                .contains("- Write-only: not returned")
                .contains("### Arn\n\nThe ARN.\n\n- Type: String\n- Pattern: `^arn:.*$`\n")
                .contains("#### Width\n\nWidth.\n\n- Type: Integer\n- Required: No\n- Value: 2 to 1920\n- Default: `1280`\n")
                .contains("| create | `x:Create` |\n| read | `x:Get` |\n\nWhy these permissions.\n");
        // read-only properties are listed as return values, not as settable properties
        assertThat(md.indexOf("### Arn")).isGreaterThan(md.indexOf("## Return values"));
        assertThat(md).doesNotContain("  Arn: String");
    }
}
