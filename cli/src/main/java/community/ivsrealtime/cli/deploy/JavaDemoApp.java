package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo app written as a template in Java, shaped as CDK synthesizes one (a cloud assembly with
 * {@code manifest.json}, stack tags, {@code CDKMetadata}, the {@code BootstrapVersion} parameter, an S3 bucket the
 * IVS resources use): a storage configuration recording to the bucket, a main stage recording to it, a backup
 * stage, an encoder configuration, a public key for participant tokens and an RTMPS ingest configuration.
 */
public final class JavaDemoApp implements DemoApp {

    static final String STACK = "IvsRealTimeDemo";

    private final String publicKeyPem;

    /** The app with the public key its PublicKey resource imports. */
    public JavaDemoApp(final String publicKeyPem) {
        this.publicKeyPem = publicKeyPem;
    }

    @Override
    public String describe() {
        return "the demo app (a template built in Java, shaped as CDK synthesizes it)";
    }

    @Override
    public Path synth(final Path outdir, final Version version) throws IOException {
        Files.createDirectories(outdir);
        final ObjectNode manifest = HandlerRequest.JSON.createObjectNode().put("version", "54.0.0");
        final ObjectNode stack = manifest.putObject("artifacts").putObject(STACK)
            .put("type", "aws:cloudformation:stack").put("environment", "aws://unknown-account/unknown-region");
        final ObjectNode properties = stack.putObject("properties").put("templateFile", STACK + ".template.json");
        properties.putObject("tags").put("project", "ivsrt-demo");
        stack.put("displayName", STACK);
        Files.writeString(outdir.resolve("manifest.json"), manifest.toPrettyString());
        Files.writeString(outdir.resolve(STACK + ".template.json"), template(version).toPrettyString());
        return outdir;
    }

    ObjectNode template(final Version version) {
        final ObjectNode template = HandlerRequest.JSON.createObjectNode();
        template.putObject("Parameters").putObject("BootstrapVersion")
            .put("Type", "AWS::SSM::Parameter::Value<String>").put("Default", "/cdk-bootstrap/hnb659fds/version");
        final ObjectNode resources = template.putObject("Resources");
        resources.putObject("RecordingsBucket").put("Type", "AWS::S3::Bucket")
            .put("UpdateReplacePolicy", "Retain").put("DeletionPolicy", "Retain");
        final ObjectNode storage = resource(resources, "Recordings", "StorageConfiguration");
        storage.put("Name", "demo-recordings").putObject("S3").set("BucketName", ref("RecordingsBucket"));
        final ObjectNode main = resource(resources, "MainStage", "Stage");
        main.put("Name", version.stageName());
        final ObjectNode recording = main.putObject("AutoParticipantRecordingConfiguration");
        recording.set("StorageConfigurationArn", getAtt("Recordings", "Arn"));
        recording.putArray("MediaTypes").add("AUDIO_VIDEO");
        tags(main, "role", "main");
        final ObjectNode backup = resource(resources, "BackupStage", "Stage");
        backup.set("Name", HandlerRequest.JSON.createObjectNode().set("Fn::Join", HandlerRequest.JSON.createArrayNode()
            .add("-").add(HandlerRequest.JSON.createArrayNode().add(ref("AWS::StackName")).add("backup"))));
        tags(backup, "role", "backup");
        final ObjectNode encoder = resource(resources, "Encoder", "EncoderConfiguration");
        encoder.put("Name", "demo-encoder");
        encoder.putObject("Video").put("Width", version.fullHdEncoder() ? 1920 : 1280)
            .put("Height", version.fullHdEncoder() ? 1080 : 720).put("Framerate", 30)
            .put("Bitrate", version.fullHdEncoder() ? 6_000_000 : 2_500_000);
        resource(resources, "TokenKey", "PublicKey").put("Name", "demo-token-key")
            .put("PublicKeyMaterial", publicKeyPem);
        final ObjectNode ingest = resource(resources, "Ingest", "IngestConfiguration");
        ingest.put("Name", "demo-ingest").put("IngestProtocol", "RTMPS").put("UserId", "studio-encoder");
        ingest.set("StageArn", ref(version.ingestOnBackupStage() ? "BackupStage" : "MainStage"));
        resources.putObject("CDKMetadata").put("Type", "AWS::CDK::Metadata").putObject("Properties")
            .put("Analytics", "v2:deflate64:H4sIAAAAAAAA/demo");
        final ObjectNode outputs = template.putObject("Outputs");
        outputs.putObject("MainStageArn").set("Value", ref("MainStage"));
        outputs.putObject("MainStageWhipEndpoint").set("Value", getAtt("MainStage", "Endpoints.Whip"));
        outputs.putObject("IngestStreamKey").set("Value", getAtt("Ingest", "StreamKey"));
        outputs.putObject("RecordingsBucketName").set("Value", ref("RecordingsBucket"));
        return template;
    }

    private static ObjectNode resource(final ObjectNode resources, final String id, final String type) {
        return resources.putObject(id).put("Type", ResourceTypes.PREFIX + type).putObject("Properties");
    }

    private static void tags(final ObjectNode properties, final String key, final String value) {
        final ArrayNode tags = properties.putArray("Tags");
        tags.addObject().put("Key", key).put("Value", value);
    }

    private static ObjectNode ref(final String name) {
        return HandlerRequest.JSON.createObjectNode().put("Ref", name);
    }

    private static ObjectNode getAtt(final String id, final String attribute) {
        final ObjectNode node = HandlerRequest.JSON.createObjectNode();
        node.putArray("Fn::GetAtt").add(id).add(attribute);
        return node;
    }
}
