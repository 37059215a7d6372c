package com.example.ivsrealtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.ivsrealtime.cdk.SchemaAssertions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.cxapi.CloudAssembly;

/** The example app synthesized in this JVM, as the deploy engine and `ivsrt demo` do. */
class IvsRealTimeAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PACKAGES = System.getProperty("ivs-realtime.packages", "../handlers/target");

    static Map<String, Integer> typeCounts(JsonNode template) {
        Map<String, Integer> counts = new TreeMap<>();
        template.path("Resources").forEach(r -> counts.merge(r.path("Type").asText(), 1, Integer::sum));
        return counts;
    }

    static JsonNode ofType(JsonNode template, String type) {
        List<JsonNode> found = new ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals(type)) {
                found.add(r);
            }
        });
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    /** What the app must hold, whichever way it was synthesized; returns the demo template. */
    static JsonNode checkAssembly(Path outdir, String stageName) throws IOException {
        JsonNode manifest = JSON.readTree(outdir.resolve("manifest.json").toFile());
        assertThat(manifest.toString()).as("no warning or error annotations").doesNotContain("aws:cdk:warning", "aws:cdk:error");
        assertThat(manifest.path("artifacts").path("IvsRealTimeDemo").path("dependencies").toString())
                .contains("IvsRealTimeTypes");
        JsonNode types = JSON.readTree(outdir.resolve("IvsRealTimeTypes.template.json").toFile());
        assertThat(typeCounts(types)).containsEntry("AWS::CloudFormation::ResourceVersion", 5)
                .containsEntry("AWS::CloudFormation::ResourceDefaultVersion", 5)
                .containsEntry("AWS::Logs::LogGroup", 5).containsEntry("AWS::IAM::Role", 10);

        JsonNode demo = JSON.readTree(outdir.resolve("IvsRealTimeDemo.template.json").toFile());
        assertThat(typeCounts(demo)).containsEntry("Community::IVSRealTime::Stage", 1)
                .containsEntry("Community::IVSRealTime::StorageConfiguration", 1)
                .containsEntry("Community::IVSRealTime::EncoderConfiguration", 1)
                .containsEntry("Community::IVSRealTime::PublicKey", 1)
                .containsEntry("Community::IVSRealTime::IngestConfiguration", 1)
                .containsEntry("AWS::S3::Bucket", 1)
                .containsEntry("AWS::Lambda::Function", 1)
                .containsEntry("AWS::CloudWatch::Alarm", 1)
                .containsEntry("AWS::Events::Rule", 1);
        JsonNode stage = ofType(demo, "Community::IVSRealTime::Stage").path("Properties");
        assertThat(stage.path("Name").asText()).isEqualTo(stageName);
        JsonNode recording = stage.path("AutoParticipantRecordingConfiguration");
        assertThat(recording.path("StorageConfigurationArn").path("Fn::GetAtt").get(1).asText()).isEqualTo("Arn");
        assertThat(recording.path("ThumbnailConfiguration").path("RecordingMode").asText()).isEqualTo("INTERVAL");
        assertThat(ofType(demo, "Community::IVSRealTime::IngestConfiguration").path("Properties").path("StageArn")
                .path("Fn::GetAtt").get(1).asText()).isEqualTo("Arn");

        JsonNode rule = ofType(demo, "AWS::Events::Rule").path("Properties").path("EventPattern");
        assertThat(rule.path("source").toString()).isEqualTo("[\"aws.ivs\"]");
        assertThat(rule.path("detail-type").toString()).isEqualTo("[\"IVS Stage Update\"]");
        JsonNode alarm = ofType(demo, "AWS::CloudWatch::Alarm").path("Properties");
        assertThat(alarm.path("Namespace").asText()).isEqualTo("AWS/IVSRealTime");
        assertThat(alarm.path("Dimensions").get(0).path("Name").asText()).isEqualTo("Stage");

        // the storage configuration keeps IVS's statement in the owned bucket's policy
        assertThat(ofType(demo, "AWS::S3::BucketPolicy").path("Properties").path("PolicyDocument").toString())
                .contains("ivs-composite", "s3:PutObject");
        String policies = ofType(demo, "AWS::IAM::Policy").path("Properties").path("PolicyDocument").toString();
        assertThat(policies).contains("ivs:CreateParticipantToken", "ivs:StartComposition");

        // every Community::IVSRealTime resource of both templates validates against its schema
        assertThat(SchemaAssertions.assertAssemblyValid(outdir)).isEqualTo(5);
        return demo;
    }

    private static String tag(String pom, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + java.util.regex.Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as("<" + name + "> in a pom").isTrue();
        return m.group(1).trim();
    }

    /** The example's pom has no parent: its versions must follow the repository's by hand, so a test holds them. */
    @Test
    void theExamplePomUsesTheLibraryVersionsOfThisRepository() throws IOException {
        String root = java.nio.file.Files.readString(Path.of(System.getProperty("readme", "../README.md")).resolveSibling("pom.xml"));
        String example = java.nio.file.Files.readString(Path.of("pom.xml"));
        String rootVersion = tag(root.substring(root.indexOf("<artifactId>ivs-realtime-as-code</artifactId>")), "version");
        assertThat(tag(example, "ivs-realtime-cdk.version")).isEqualTo(rootVersion);
        assertThat(tag(example, "cdk.version")).isEqualTo(tag(root, "aws-cdk-lib.version"));
        assertThat(tag(example, "constructs.version")).isEqualTo(tag(root, "constructs.version"));
    }

    @Test
    void synthesizesBothStacksIntoTheGivenFolderAndTakesTheStageNameFromContext(@TempDir Path outdir) throws IOException {
        CloudAssembly assembly = IvsRealTimeApp.synth(outdir, Map.of(
                IvsRealTimeApp.PACKAGES_CONTEXT, PACKAGES, DemoStack.STAGE_NAME_CONTEXT, "changed-stage"));
        assertThat(assembly.getStacks()).hasSize(2);
        assertThat(Path.of(assembly.getDirectory())).isEqualTo(outdir);
        checkAssembly(outdir, "changed-stage");
    }
}
