package community.ivsrealtime.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema check itself, on hand-written templates (no CDK needed). */
class SchemaAssertionsTest {

    private static Map<String, Object> template(String type, Map<String, Object> properties) {
        return Map.of("Resources", Map.of("R", Map.of("Type", type, "Properties", properties),
                "Other", Map.of("Type", "AWS::S3::Bucket", "Properties", Map.of("Whatever", 1))));
    }

    @Test
    void withoutNodeCdkTestsSkipWithTheReasonOrFailUnderCi() {
        assertThat(RequiresNode.probe("node")).isNull();
        String problem = RequiresNode.probe("/nonexistent/node");
        assertThat(problem).startsWith("node is not on the PATH");
        assertThat(RequiresNode.evaluate(null, true, "T").isDisabled()).isFalse();
        assertThat(RequiresNode.evaluate(problem, false, "T").getReason())
                .hasValueSatisfying(r -> assertThat(r).startsWith("CDK tests need node (jsii runs aws-cdk-lib in it): node is not on the PATH"));
        assertThatThrownBy(() -> RequiresNode.evaluate(problem, true, "T")).hasMessageEndingWith("(CI=true: CI must have node)");
    }

    @Test
    void aValidResourceCountsAndOtherTypesAreIgnored() {
        assertThat(SchemaAssertions.assertTemplateValid(template("Community::IVSRealTime::Stage", Map.of("Name", "ok")))).isEqualTo(1);
        assertThat(SchemaAssertions.assertTemplateValid(Map.of("Resources", Map.of()))).isZero();
    }

    @Test
    void everyViolationIsNamedWithItsResourceAndPointer() {
        List<String> v = SchemaAssertions.violations(template("Community::IVSRealTime::EncoderConfiguration",
                Map.of("Name", "bad name", "Video", Map.of("Width", 100_000), "Colour", "red")));
        assertThat(v).hasSize(3).allMatch(s -> s.startsWith("R (Community::IVSRealTime::EncoderConfiguration): #"));
        assertThat(String.join("\n", v)).contains("#/Name", "#/Video/Width", "Colour");
        assertThatThrownBy(() -> SchemaAssertions.assertTemplateValid(template("Community::IVSRealTime::PublicKey", Map.of())))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PublicKeyMaterial");
    }

    @Test
    void readOnlyPropertiesAndUnknownTypesAreRefused() {
        assertThat(SchemaAssertions.violations(template("Community::IVSRealTime::Stage", Map.of("Arn", "arn:aws:ivs:us-east-1:1:stage/a"))))
                .containsExactly("R (Community::IVSRealTime::Stage): #/Arn: is read-only and cannot be set in a template");
        assertThat(SchemaAssertions.violations(template("Community::IVSRealTime::Channel", Map.of())))
                .singleElement().asString().contains("no such type");
    }

    @Test
    void valuesComputedAtDeployTimeAreNotJudgedButTheirNeighboursAre() {
        Map<String, Object> props = Map.of(
                "Name", Map.of("Ref", "StageName"),
                "AutoParticipantRecordingConfiguration", Map.of(
                        "StorageConfigurationArn", Map.of("Fn::GetAtt", List.of("Storage", "Arn")),
                        "RecordingReconnectWindowSeconds", 301));
        assertThat(SchemaAssertions.violations(template("Community::IVSRealTime::Stage", props)))
                .singleElement().asString().contains("#/AutoParticipantRecordingConfiguration/RecordingReconnectWindowSeconds");
    }
}
