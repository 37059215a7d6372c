package community.ivsrealtime.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intrinsic functions against a stack scope: parameters, conditions, resources deployed or not yet, exports. */
class IntrinsicsTest {

    private static final String TEMPLATE = """
        {
          "Parameters": {
            "Env": {"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]},
            "Names": {"Type": "CommaDelimitedList", "Default": "a,b,c"},
            "Required": {"Type": "String"}
          },
          "Mappings": {"Sizes": {"dev": {"Width": 1280}, "prod": {"Width": 1920}}},
          "Conditions": {
            "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
            "IsDev": {"Fn::Not": [{"Condition": "IsProd"}]},
            "Both": {"Fn::And": [{"Condition": "IsDev"}, {"Fn::Or": [{"Fn::Equals": ["x", "x"]}, {"Condition": "IsProd"}]}]}
          },
          "Resources": {
            "Stage": {"Type": "Community::IVSRealTime::Stage", "Properties": {}},
            "Later": {"Type": "Community::IVSRealTime::Stage", "Properties": {}},
            "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "my-bucket"}},
            "Role": {"Type": "AWS::IAM::Role"},
            "ProdOnly": {"Type": "Community::IVSRealTime::Stage", "Condition": "IsProd"}
          }
        }""";

    private final StackScope scope;

    IntrinsicsTest() throws Exception {
        final Template template = Template.of(Path.of("t.json"), (ObjectNode) HandlerRequest.JSON.readTree(TEMPLATE));
        final DeployState.ResourceState stage = new DeployState.ResourceState();
        stage.physicalId = "arn:aws:ivs:us-east-1:123456789012:stage/abc";
        stage.model = (ObjectNode) HandlerRequest.JSON.readTree(
            "{\"Arn\":\"arn:aws:ivs:us-east-1:123456789012:stage/abc\",\"Endpoints\":{\"Whip\":\"https://whip\"}}");
        scope = new StackScope(template, "demo", "arn:aws:cloudformation:us-east-1:123456789012:stack/demo/1",
            "us-east-1", "123456789012", Map.of("Required", "given"), id -> id.equals("Stage") ? stage : null,
            name -> name.equals("shared") ? HandlerRequest.JSON.getNodeFactory().textNode("exported") : null);
    }

    private JsonNode eval(final String json) throws Exception {
        return scope.intrinsics().resolve(HandlerRequest.JSON.readTree(json));
    }

    private JsonNode partially(final String json) throws Exception {
        return scope.intrinsics().resolvePartially(HandlerRequest.JSON.readTree(json));
    }

    @Test
    void parametersPseudoParametersAndMappings() throws Exception {
        assertThat(eval("{\"Ref\": \"Env\"}").asText()).isEqualTo("dev");
        assertThat(eval("{\"Ref\": \"Required\"}").asText()).isEqualTo("given");
        assertThat(eval("{\"Ref\": \"Names\"}").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(eval("{\"Fn::Sub\": \"${AWS::StackName}-${AWS::Region}-${AWS::AccountId}-${!Literal}\"}").asText())
            .isEqualTo("demo-us-east-1-123456789012-${Literal}");
        assertThat(eval("{\"Fn::FindInMap\": [\"Sizes\", {\"Ref\": \"Env\"}, \"Width\"]}").asInt()).isEqualTo(1280);
        assertThat(eval("{\"Ref\": \"AWS::StackId\"}").asText()).endsWith(":stack/demo/1");
    }

    @Test
    void stringFunctions() throws Exception {
        assertThat(eval("{\"Fn::Join\": [\"-\", [\"a\", {\"Ref\": \"Env\"}, \"c\"]]}").asText()).isEqualTo("a-dev-c");
        assertThat(eval("{\"Fn::Select\": [1, {\"Fn::Split\": [\"/\", \"x/y/z\"]}]}").asText()).isEqualTo("y");
        assertThat(eval("{\"Fn::Select\": [\"2\", {\"Ref\": \"Names\"}]}").asText()).isEqualTo("c");
        assertThat(eval("{\"Fn::Sub\": [\"${Name}-${Stage.Arn}\", {\"Name\": {\"Ref\": \"Env\"}}]}").asText())
            .isEqualTo("dev-arn:aws:ivs:us-east-1:123456789012:stage/abc");
        assertThat(eval("{\"Fn::Base64\": \"hi\"}").asText()).isEqualTo("aGk=");
    }

    @Test
    void conditionsAndNoValue() throws Exception {
        assertThat(scope.condition("IsProd")).isFalse();
        assertThat(scope.condition("IsDev")).isTrue();
        assertThat(scope.condition("Both")).isTrue();
        assertThat(eval("{\"Fn::If\": [\"IsProd\", \"big\", \"small\"]}").asText()).isEqualTo("small");
        assertThat(eval("{\"A\": {\"Fn::If\": [\"IsProd\", 1, {\"Ref\": \"AWS::NoValue\"}]}, \"B\": 2}").toString())
            .isEqualTo("{\"B\":2}");
        assertThat(eval("[1, {\"Ref\": \"AWS::NoValue\"}, 3]").toString()).isEqualTo("[1,3]");
        assertThat(scope.included(scope.resources().get("ProdOnly"))).isFalse();
    }

    @Test
    void resourcesDeployedOrNotAndOtherTypes() throws Exception {
        assertThat(eval("{\"Ref\": \"Stage\"}").asText()).isEqualTo("arn:aws:ivs:us-east-1:123456789012:stage/abc");
        assertThat(eval("{\"Fn::GetAtt\": \"Stage.Endpoints.Whip\"}").asText()).isEqualTo("https://whip");
        assertThat(eval("{\"Ref\": \"Bucket\"}").asText()).isEqualTo("my-bucket");
        assertThat(eval("{\"Fn::GetAtt\": [\"Bucket\", \"Arn\"]}").asText()).isEqualTo("arn:aws:s3:::my-bucket");
        assertThat(eval("{\"Fn::GetAtt\": [\"Role\", \"Arn\"]}").asText())
            .isEqualTo("arn:aws:iam::123456789012:role/demo-role-ivsrt-fake");
        assertThat(eval("{\"Fn::ImportValue\": \"shared\"}").asText()).isEqualTo("exported");
        assertThatThrownBy(() -> eval("{\"Ref\": \"Later\"}")).isInstanceOf(Intrinsics.Unresolved.class);
        final JsonNode kept = partially("{\"Name\": {\"Fn::Join\": [\"-\", [{\"Ref\": \"Later\"}, \"x\"]]}, \"N\": "
            + "{\"Ref\": \"Env\"}}");
        assertThat(kept.toString()).isEqualTo("{\"Name\":{\"Fn::Join\":[\"-\",[{\"Ref\":\"Later\"},\"x\"]]},\"N\":\"dev\"}");
    }

    @Test
    void fakeNamesOfLongLogicalIdsStayDistinct() {
        final Template.Resource role = new Template.Resource("TypesEncoderConfigurationExecutionRoleC5201C58",
            "AWS::IAM::Role", HandlerRequest.JSON.createObjectNode(), java.util.List.of(), null, null, null, null);
        final Template.Resource logs = new Template.Resource("TypesEncoderConfigurationLogRole6FACD47F",
            "AWS::IAM::Role", HandlerRequest.JSON.createObjectNode(), java.util.List.of(), null, null, null, null);
        final String a = FakeValues.ref(role, "IvsRealTimeTypes").asText();
        final String b = FakeValues.ref(logs, "IvsRealTimeTypes").asText();
        assertThat(a).isNotEqualTo(b).endsWith("-ivsrt-fake").isEqualTo(FakeValues.ref(role, "IvsRealTimeTypes")
            .asText());
        assertThat(a.length()).isLessThanOrEqualTo(63);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> eval("{\"Ref\": \"Nothing\"}")).isInstanceOf(Intrinsics.TemplateError.class)
            .hasMessage("Ref Nothing: there is no resource or parameter named Nothing");
        assertThatThrownBy(() -> eval("{\"Fn::GetAtt\": [\"Stage\", \"Url\"]}"))
            .hasMessageContaining("Community::IVSRealTime::Stage has no attribute Url");
        assertThatThrownBy(() -> eval("{\"Ref\": \"ProdOnly\"}")).hasMessageContaining("its condition IsProd is false");
        assertThatThrownBy(() -> eval("{\"Fn::Select\": [5, [1]]}")).hasMessageContaining("index 5 is not in the list");
        assertThatThrownBy(() -> eval("{\"Fn::ImportValue\": \"other\"}")).hasMessageContaining("no deployed stack "
            + "exports it");
        assertThatThrownBy(() -> eval("{\"Fn::Cidr\": [\"10.0.0.0/16\", 2, 8]}"))
            .hasMessage("Fn::Cidr is not supported by the local deploy");
    }

    @Test
    void referencesFindResourcesInEveryFunction() throws Exception {
        assertThat(Intrinsics.references(HandlerRequest.JSON.readTree("{\"A\": {\"Ref\": \"X\"}, \"B\": [{\"Fn::GetAtt\":"
            + " [\"Y\", \"Arn\"]}], \"C\": {\"Fn::Sub\": \"${Z.Arn}-${AWS::Region}-${W}\"}, \"D\": {\"Fn::If\": [\"c\", "
            + "{\"Ref\": \"V\"}, \"x\"]}}"))).containsExactly("X", "Y", "Z", "AWS::Region", "W", "V");
    }
}
