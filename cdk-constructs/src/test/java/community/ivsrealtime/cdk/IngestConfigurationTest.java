package community.ivsrealtime.cdk;

import static community.ivsrealtime.cdk.L2Tests.getAtt;
import static community.ivsrealtime.cdk.L2Tests.properties;
import static community.ivsrealtime.cdk.L2Tests.resource;
import static community.ivsrealtime.cdk.L2Tests.stack;
import static community.ivsrealtime.cdk.L2Tests.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/** {@link IngestConfiguration}, proven through synthesized templates. */
class IngestConfigurationTest {

    private static final String TYPE = "Community::IVSRealTime::IngestConfiguration";
    private static final String ARN = "arn:aws:ivs:us-west-2:123456789012:ingest-configuration/in9est";

    private static Map<String, Object> render(IngestConfigurationProps props) {
        Stack stack = stack();
        new IngestConfiguration(stack, "Ingest", props);
        return properties(synth(stack), TYPE);
    }

    @Test
    void defaultsAreRtmpsWithAGeneratedNameAndRetain() {
        Stack stack = stack();
        new IngestConfiguration(stack, "Ingest");
        Map<String, Object> resource = resource(synth(stack), TYPE);
        assertThat(resource).containsEntry("DeletionPolicy", "Retain");
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
        assertThat(props).containsOnlyKeys("Name", "IngestProtocol").containsEntry("IngestProtocol", "RTMPS");
        assertThat((String) props.get("Name")).matches("^SIngest[0-9A-F]{8}$");
    }

    @Test
    void everyPropRendersAndRtmpImpliesInsecureIngest() {
        IStage stage = Stage.fromStageArn(stack(), "Stage", "arn:aws:ivs:us-west-2:123456789012:stage/st4ge");
        assertThat(render(IngestConfigurationProps.builder().ingestConfigurationName("obs").stage(stage)
                .ingestProtocol(IngestProtocol.RTMP).userId("studio").attributes(Map.of("seat", "1")).build()))
                .isEqualTo(Map.of("Name", "obs", "StageArn", "arn:aws:ivs:us-west-2:123456789012:stage/st4ge",
                        "IngestProtocol", "RTMP", "InsecureIngest", true, "UserId", "studio",
                        "Attributes", Map.of("seat", "1")));
        assertThat(render(IngestConfigurationProps.builder().insecureIngest(true).build()))
                .containsEntry("IngestProtocol", "RTMPS").containsEntry("InsecureIngest", true);
    }

    private static CfnIngestConfiguration ingestOf(Stage stage) {
        IngestConfiguration ingest = stage.addIngestConfiguration("In", IngestConfigurationOptions.builder().build());
        return (CfnIngestConfiguration) ingest.getNode().getDefaultChild();
    }

    @Test
    void aStageOfThisAppGivesItsArnAsAReferenceThatTheL1StillReadsAsAString() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        CfnIngestConfiguration l1 = ingestOf(stage);
        // the L1 was created with the Fn::GetAtt itself; its getter makes the string token when asked, the same GetAtt
        assertThat(l1.getStageArn()).contains("${Token[");
        assertThat(stack.resolve(l1.getStageArn())).isEqualTo(getAtt(stage, "Arn"));
        assertThat(stack.resolve(l1.getStageArn())).isEqualTo(stack.resolve(stage.getStageArn()));
        assertThat(properties(synth(stack), TYPE)).containsEntry("StageArn", getAtt(stage, "Arn"));
    }

    /**
     * Wherever the ingest configuration is, its StageArn is the stage's: a GetAtt made in Java when both were made in the
     * same stack, aws-cdk-lib's own reference when Java cannot tell (inside a construct of the user's), and an import of
     * the stage's export from another stack.
     */
    @Test
    void theStageArnIsRightInTheStageStackInsideAUserConstructAndInAnotherStack() {
        List<Stack> stacks = L2Tests.stacks("S", "Other");
        Stack stack = stacks.get(0);
        Stack other = stacks.get(1);
        Stage stage = new Stage(stack, "Stage");
        stage.addIngestConfiguration("Child", IngestConfigurationOptions.builder().build());
        new IngestConfiguration(stack, "Sibling", IngestConfigurationProps.builder().stage(stage).build());
        new IngestConfiguration(new Construct(stack, "Group"), "Nested",
                IngestConfigurationProps.builder().stage(stage).build());
        new IngestConfiguration(other, "Away", IngestConfigurationProps.builder().stage(stage).build());

        assertThat(stage.stageArnFor(stage)).isInstanceOf(Map.class);
        Map<String, Object> here = getAtt(stage, "Arn");
        Map<String, Map<String, Object>> ingests = L2Tests.resources(synth(stack), TYPE);
        assertThat(ingests).hasSize(3);
        ingests.values().forEach(r -> assertThat(((Map<?, ?>) r.get("Properties")).get("StageArn")).isEqualTo(here));
        Object away = properties(synth(other), TYPE).get("StageArn");
        assertThat(away).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) away).keySet().toString()).isEqualTo("[Fn::ImportValue]");
        assertThat(synth(stack).toJSON().get("Outputs").toString()).contains(L2Tests.logicalId(stage)).contains("Arn");
    }

    @Test
    void aSetterReplacesAStageArnGivenAsAReference() {
        Stack other = stack();
        CfnIngestConfiguration l1 = ingestOf(new Stage(other, "Stage"));
        l1.setStageArn("arn:aws:ivs:us-west-2:123456789012:stage/other");
        assertThat(l1.getStageArn()).isEqualTo("arn:aws:ivs:us-west-2:123456789012:stage/other");
        assertThat(properties(synth(other), TYPE)).containsEntry("StageArn", "arn:aws:ivs:us-west-2:123456789012:stage/other");

        Stack none = stack();
        CfnIngestConfiguration unset = ingestOf(new Stage(none, "Stage"));
        unset.setStageArn(null);
        assertThat(unset.getStageArn()).isNull();
        assertThat(properties(synth(none), TYPE)).doesNotContainKey("StageArn");
    }

    @Test
    void aPropertyGivenBothAsAValueAndAsAReferenceIsRefused() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        assertThatThrownBy(() -> new CfnIngestConfiguration(CfnValues.FOR_L2, stack, "L1",
                CfnIngestConfigurationProps.builder().ingestProtocol("RTMPS").stageArn("arn:aws:ivs:us-west-2:1:stage/x")
                        .build(), Map.of("StageArn", stage.stageArnFor(stage))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StageArn is given both as a value (arn:aws:ivs:us-west-2:1:stage/x) and as a reference");
    }

    @Test
    void checks() {
        assertThatThrownBy(() -> render(IngestConfigurationProps.builder().ingestProtocol(IngestProtocol.RTMP)
                .insecureIngest(false).build()))
                .hasMessage("insecureIngest must be true with ingestProtocol RTMP (unencrypted), got false");
        assertThatThrownBy(() -> render(IngestConfigurationProps.builder().ingestProtocol(IngestProtocol.of("SRT"))
                .build())).hasMessage("ingestProtocol must be one of RTMP, RTMPS, got \"SRT\"");
        assertThatThrownBy(() -> render(IngestConfigurationProps.builder().userId("u".repeat(129)).build()))
                .hasMessage("userId must be at most 128 characters long, got 129 characters: \"" + "u".repeat(129) + "\"");
        assertThatThrownBy(() -> render(IngestConfigurationProps.builder()
                .attributes(Map.of("notes", "é".repeat(510))).build()))
                .hasMessage("attributes must be at most 1024 bytes in total (keys and values, UTF-8), got 1025 bytes");
        assertThatThrownBy(() -> render(IngestConfigurationProps.builder().ingestConfigurationName("cam 1").build()))
                .hasMessage("ingestConfigurationName must match ^[a-zA-Z0-9-_]*$, got \"cam 1\"");
    }

    @Test
    void theStreamKeyIsASecretValueOfTheAttribute() {
        Stack stack = stack();
        IngestConfiguration ingest = new IngestConfiguration(stack, "Ingest");
        SecretValue key = ingest.getIngestConfigurationStreamKey();
        assertThat(stack.resolve(key)).isEqualTo(getAtt(ingest, "StreamKey"));
        assertThat(stack.resolve(ingest.getIngestConfigurationParticipantId())).isEqualTo(getAtt(ingest, "ParticipantId"));
        assertThat(stack.resolve(ingest.getIngestConfigurationState())).isEqualTo(getAtt(ingest, "State"));
    }

    @Test
    void withSecretUsageChecksTheStreamKeyCannotLeakIntoAnOutput() {
        // cdk init's cdk.json turns this flag on: CDK then refuses to render a SecretValue in plain text
        Stack stack = new Stack(new App(AppProps.builder()
                .context(Map.of("@aws-cdk/core:checkSecretUsage", true)).build()), "S");
        IngestConfiguration ingest = new IngestConfiguration(stack, "Ingest");
        new CfnOutput(stack, "Leak", CfnOutputProps.builder()
                .value(ingest.getIngestConfigurationStreamKey().toString()).build());
        assertThatThrownBy(() -> synth(stack)).hasMessageContaining("Synthing a secret value");
    }

    @Test
    void imports() {
        Stack stack = stack();
        IIngestConfiguration byArn = IngestConfiguration.fromIngestConfigurationArn(stack, "A", ARN);
        assertThat(byArn.getIngestConfigurationId()).isEqualTo("in9est");
        assertThatThrownBy(byArn::getIngestConfigurationStreamKey).isInstanceOf(IllegalStateException.class)
                .hasMessage("the stream key of ingest configuration S/A is unknown: import it with "
                        + "IngestConfiguration.fromIngestConfigurationAttributes and ingestConfigurationStreamKey");
        SecretValue key = SecretValue.secretsManager("ingest-key");
        IIngestConfiguration full = IngestConfiguration.fromIngestConfigurationAttributes(stack, "B",
                IngestConfigurationAttributes.builder().ingestConfigurationArn(ARN)
                        .ingestConfigurationStreamKey(key).ingestConfigurationParticipantId("p1").build());
        assertThat(full.getIngestConfigurationStreamKey()).isSameAs(key);
        assertThat(full.getIngestConfigurationParticipantId()).isEqualTo("p1");
        assertThatThrownBy(() -> IngestConfiguration.fromIngestConfigurationArn(stack, "C",
                "arn:aws:ivs:us-west-2:123456789012:channel/in9est"))
                .hasMessage("Invalid resource, expected 'ingest-configuration', got 'channel'");
    }
}
