package community.ivsrealtime.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.assertions.Template;

/** The generated L1s, proven through synthesized templates. */
class GeneratedL1Test {

    /** A real ES384 public key in PEM form, as IVS takes it. */
    static String publicKeyPem() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
            String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> resource(Template template, String type) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> found = (Map<String, Map<String, Object>>) (Map<?, ?>) template.findResources(type);
        assertThat(found).as(type).hasSize(1);
        return found.values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Template template, String type) {
        return (Map<String, Object>) resource(template, type).get("Properties");
    }

    @Test
    void everyL1RendersItsPropertiesUnderTheSchemaNames() {
        Stack stack = new Stack(new App(), "S");
        CfnStorageConfiguration storage = new CfnStorageConfiguration(stack, "Storage", CfnStorageConfigurationProps.builder()
                .name("rec")
                .s3(CfnStorageConfiguration.S3StorageConfigurationProperty.builder().bucketName("my-bucket").build())
                .build());
        new CfnStage(stack, "Stage", CfnStageProps.builder()
                .name("demo")
                .autoParticipantRecordingConfiguration(CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                        .storageConfigurationArn(storage.getAttrArn())
                        .mediaTypes(List.of("AUDIO_ONLY"))
                        .recordingReconnectWindowSeconds(30)
                        .recordParticipantReplicas(false)
                        .hlsConfiguration(CfnStage.HlsConfigurationProperty.builder().targetSegmentDurationSeconds(4).build())
                        .thumbnailConfiguration(CfnStage.ThumbnailConfigurationProperty.builder()
                                .recordingMode("INTERVAL").targetIntervalSeconds(10).storage(List.of("LATEST", "SEQUENTIAL")).build())
                        .build())
                .tags(List.of(CfnTag.builder().key("team").value("video").build()))
                .build());
        new CfnEncoderConfiguration(stack, "Encoder", CfnEncoderConfigurationProps.builder()
                .name("hd")
                .video(CfnEncoderConfiguration.VideoProperty.builder().width(1280).height(720).framerate(30).bitrate(2_500_000).build())
                .build());
        String pem = publicKeyPem();
        new CfnPublicKey(stack, "Key", CfnPublicKeyProps.builder().name("k").publicKeyMaterial(pem).build());
        new CfnIngestConfiguration(stack, "Ingest", CfnIngestConfigurationProps.builder()
                .name("cam").ingestProtocol("RTMPS").insecureIngest(false).userId("u1")
                .attributes(Map.of("seat", "3"))
                .stageArn(Fn.getAtt("Stage", "Arn").toString())
                .build());
        Template t = Template.fromStack(stack);
        assertThat(SchemaAssertions.assertTemplateValid(t)).isEqualTo(5);

        assertThat(properties(t, CfnStorageConfiguration.CFN_RESOURCE_TYPE_NAME))
                .isEqualTo(Map.of("Name", "rec", "S3", Map.of("BucketName", "my-bucket")));
        Map<String, Object> stage = properties(t, CfnStage.CFN_RESOURCE_TYPE_NAME);
        assertThat(stage).containsOnlyKeys("Name", "AutoParticipantRecordingConfiguration", "Tags");
        assertThat(stage.get("Tags")).isEqualTo(List.of(Map.of("Key", "team", "Value", "video")));
        assertThat(stage.get("AutoParticipantRecordingConfiguration")).isEqualTo(Map.of(
                "StorageConfigurationArn", Map.of("Fn::GetAtt", List.of("Storage", "Arn")),
                "MediaTypes", List.of("AUDIO_ONLY"),
                "RecordingReconnectWindowSeconds", 30,
                "RecordParticipantReplicas", false,
                "HlsConfiguration", Map.of("TargetSegmentDurationSeconds", 4),
                "ThumbnailConfiguration", Map.of("RecordingMode", "INTERVAL", "TargetIntervalSeconds", 10,
                        "Storage", List.of("LATEST", "SEQUENTIAL"))));
        assertThat(properties(t, CfnEncoderConfiguration.CFN_RESOURCE_TYPE_NAME)).isEqualTo(Map.of("Name", "hd",
                "Video", Map.of("Width", 1280, "Height", 720, "Framerate", 30, "Bitrate", 2_500_000)));
        assertThat(properties(t, CfnPublicKey.CFN_RESOURCE_TYPE_NAME))
                .isEqualTo(Map.of("Name", "k", "PublicKeyMaterial", pem));
        assertThat(properties(t, CfnIngestConfiguration.CFN_RESOURCE_TYPE_NAME)).isEqualTo(Map.of("Name", "cam",
                "IngestProtocol", "RTMPS", "InsecureIngest", false, "UserId", "u1", "Attributes", Map.of("seat", "3"),
                "StageArn", Map.of("Fn::GetAtt", List.of("Stage", "Arn"))));
    }

    @Test
    void unsetPropertiesAreLeftOutAndSettersChangeWhatRenders() {
        Stack stack = new Stack(new App(), "S");
        CfnStage bare = new CfnStage(stack, "Bare");
        CfnStage changed = new CfnStage(stack, "Changed", CfnStageProps.builder().name("before").build());
        changed.setName("after");
        changed.setAutoParticipantRecordingConfiguration(CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                .storageConfigurationArn("").build());
        assertThat(bare.getName()).isNull();
        Template t = Template.fromStack(stack);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> stages = (Map<String, Map<String, Object>>) (Map<?, ?>) t.findResources(CfnStage.CFN_RESOURCE_TYPE_NAME);
        assertThat(stages.get("Bare")).doesNotContainKey("Properties");
        assertThat(stages.get("Changed").get("Properties")).isEqualTo(Map.of("Name", "after",
                "AutoParticipantRecordingConfiguration", Map.of("StorageConfigurationArn", "")));
    }

    @Test
    void settersReplaceAWholePropertyNullRemovesItAndTagsCanBeReplaced() {
        Stack stack = new Stack(new App(), "S");
        CfnStage stage = new CfnStage(stack, "Stage", CfnStageProps.builder()
                .name("n")
                .autoParticipantRecordingConfiguration(CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                        .storageConfigurationArn("a").mediaTypes(List.of("AUDIO_ONLY")).build())
                .tags(List.of(CfnTag.builder().key("k").value("1").build()))
                .build());
        // the new object has fewer members than the old one: none of the old ones may survive
        stage.setAutoParticipantRecordingConfiguration(CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                .storageConfigurationArn("b").build());
        stage.setName(null);
        stage.setTags(List.of(CfnTag.builder().key("k2").value("2").build()));
        assertThat(stage.getCdkTagManager().tagValues()).isEqualTo(Map.of("k2", "2"));
        Template t = Template.fromStack(stack);
        assertThat(properties(t, CfnStage.CFN_RESOURCE_TYPE_NAME)).isEqualTo(Map.of(
                "AutoParticipantRecordingConfiguration", Map.of("StorageConfigurationArn", "b"),
                "Tags", List.of(Map.of("Key", "k2", "Value", "2"))));
    }

    /**
     * An L1 made for an L2 is created in node with its properties, and node deep-merges a setter's override into the
     * property it was created with: what the old value held and the new one does not must still disappear.
     */
    @Test
    void settersOfAnL1MadeForAnL2ReplaceWholePropertiesToo() {
        Stack stack = new Stack(new App(), "S");
        CfnStage stage = new CfnStage(CfnValues.FOR_L2, stack, "Stage", CfnStageProps.builder()
                .name("n")
                .autoParticipantRecordingConfiguration(CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                        .storageConfigurationArn("a").mediaTypes(List.of("AUDIO_ONLY"))
                        .hlsConfiguration(CfnStage.HlsConfigurationProperty.builder().targetSegmentDurationSeconds(4).build())
                        .build())
                .tags(List.of(CfnTag.builder().key("k").value("1").build()))
                .build());
        stage.setAutoParticipantRecordingConfiguration(CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                .storageConfigurationArn("b")
                .hlsConfiguration(CfnStage.HlsConfigurationProperty.builder().build())
                .build());
        stage.setName(null);
        stage.setTags(List.of(CfnTag.builder().key("k2").value("2").build()));
        CfnIngestConfiguration dotted = new CfnIngestConfiguration(CfnValues.FOR_L2, stack, "Dotted",
                CfnIngestConfigurationProps.builder().ingestProtocol("RTMPS").attributes(Map.of("a.b", "1", "c", "2")).build());
        dotted.setAttributes(Map.of("c", "3"));
        CfnIngestConfiguration token = new CfnIngestConfiguration(CfnValues.FOR_L2, stack, "Token",
                CfnIngestConfigurationProps.builder().ingestProtocol("RTMPS")
                        .attributes(Fn.transform("Echo", Map.of("seat", "1"))).build());
        token.setAttributes(Map.of("seat", "2"));
        token.setIngestProtocol("RTMP");
        Template t = Template.fromStack(stack);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> ingests = (Map<String, Map<String, Object>>) (Map<?, ?>)
                t.findResources(CfnIngestConfiguration.CFN_RESOURCE_TYPE_NAME);
        assertThat(properties(t, CfnStage.CFN_RESOURCE_TYPE_NAME)).isEqualTo(Map.of(
                "AutoParticipantRecordingConfiguration", Map.of("StorageConfigurationArn", "b"),
                "Tags", List.of(Map.of("Key", "k2", "Value", "2"))));
        assertThat(ingests.get("Dotted").get("Properties"))
                .isEqualTo(Map.of("IngestProtocol", "RTMPS", "Attributes", Map.of("c", "3")));
        assertThat(ingests.get("Token").get("Properties"))
                .isEqualTo(Map.of("IngestProtocol", "RTMP", "Attributes", Map.of("seat", "2")));
    }

    @Test
    void attributeTokensAreMadeOnceAndKeptTheSame() {
        Stack stack = new Stack(new App(), "S");
        CfnStage stage = new CfnStage(stack, "Stage");
        assertThat(stage.getAttrArn()).isSameAs(stage.getAttrArn());
        assertThat(Token.isUnresolved(stage.getAttrArn())).isTrue();
    }

    @Test
    void readOnlyPropertiesAreGetAttAttributesIncludingTheStageEndpoints() {
        Stack stack = new Stack(new App(), "S");
        CfnStage stage = new CfnStage(stack, "Stage");
        CfnIngestConfiguration ingest = new CfnIngestConfiguration(stack, "Ingest",
                CfnIngestConfigurationProps.builder().ingestProtocol("RTMP").stageArn(stage.getAttrArn()).build());
        CfnPublicKey key = new CfnPublicKey(stack, "Key", CfnPublicKeyProps.builder().publicKeyMaterial("m").build());
        CfnEncoderConfiguration encoder = new CfnEncoderConfiguration(stack, "Encoder");
        CfnStorageConfiguration storage = new CfnStorageConfiguration(stack, "Storage", CfnStorageConfigurationProps.builder()
                .s3(CfnStorageConfiguration.S3StorageConfigurationProperty.builder().bucketName("b").build()).build());
        Map<String, String> outputs = new java.util.LinkedHashMap<>();
        outputs.put("StageArn", stage.getAttrArn());
        outputs.put("StageActiveSessionId", stage.getAttrActiveSessionId());
        outputs.put("StageEndpointsEvents", stage.getAttrEndpointsEvents());
        outputs.put("StageEndpointsWhip", stage.getAttrEndpointsWhip());
        outputs.put("StageEndpointsRtmp", stage.getAttrEndpointsRtmp());
        outputs.put("StageEndpointsRtmps", stage.getAttrEndpointsRtmps());
        outputs.put("IngestArn", ingest.getAttrArn());
        outputs.put("IngestParticipantId", ingest.getAttrParticipantId());
        outputs.put("IngestStreamKey", ingest.getAttrStreamKey());
        outputs.put("IngestState", ingest.getAttrState());
        outputs.put("KeyArn", key.getAttrArn());
        outputs.put("KeyFingerprint", key.getAttrFingerprint());
        outputs.put("EncoderArn", encoder.getAttrArn());
        outputs.put("StorageArn", storage.getAttrArn());
        outputs.forEach((name, value) -> {
            assertThat(Token.isUnresolved(value)).as(name).isTrue();
            new software.amazon.awscdk.CfnOutput(stack, name, software.amazon.awscdk.CfnOutputProps.builder().value(value).build());
        });
        Template t = Template.fromStack(stack);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> rendered = (Map<String, Map<String, Object>>) (Map<?, ?>) t.findOutputs("*");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("StageArn", List.of("Stage", "Arn")),
                Map.entry("StageActiveSessionId", List.of("Stage", "ActiveSessionId")),
                Map.entry("StageEndpointsEvents", List.of("Stage", "Endpoints.Events")),
                Map.entry("StageEndpointsWhip", List.of("Stage", "Endpoints.Whip")),
                Map.entry("StageEndpointsRtmp", List.of("Stage", "Endpoints.Rtmp")),
                Map.entry("StageEndpointsRtmps", List.of("Stage", "Endpoints.Rtmps")),
                Map.entry("IngestArn", List.of("Ingest", "Arn")),
                Map.entry("IngestParticipantId", List.of("Ingest", "ParticipantId")),
                Map.entry("IngestStreamKey", List.of("Ingest", "StreamKey")),
                Map.entry("IngestState", List.of("Ingest", "State")),
                Map.entry("KeyArn", List.of("Key", "Arn")),
                Map.entry("KeyFingerprint", List.of("Key", "Fingerprint")),
                Map.entry("EncoderArn", List.of("Encoder", "Arn")),
                Map.entry("StorageArn", List.of("Storage", "Arn")));
        assertThat(rendered).hasSize(expected.size());
        expected.forEach((name, getAtt) ->
                assertThat(rendered.get(name).get("Value")).as(name).isEqualTo(Map.of("Fn::GetAtt", getAtt)));
    }

    @Test
    void tagsOfScopeReachEveryL1AndMergeWithItsOwnTags() {
        Stack stack = new Stack(new App(), "S");
        new CfnStage(stack, "Stage", CfnStageProps.builder()
                .tags(List.of(CfnTag.builder().key("own").value("1").build())).build());
        new CfnEncoderConfiguration(stack, "Encoder");
        new CfnPublicKey(stack, "Key", CfnPublicKeyProps.builder().publicKeyMaterial("m").build());
        new CfnIngestConfiguration(stack, "Ingest", CfnIngestConfigurationProps.builder().ingestProtocol("RTMPS").build());
        new CfnStorageConfiguration(stack, "Storage", CfnStorageConfigurationProps.builder()
                .s3(CfnStorageConfiguration.S3StorageConfigurationProperty.builder().bucketName("b").build()).build());
        Tags.of(stack).add("app", "demo");
        Template t = Template.fromStack(stack);
        assertThat(properties(t, CfnStage.CFN_RESOURCE_TYPE_NAME).get("Tags"))
                .isEqualTo(List.of(Map.of("Key", "app", "Value", "demo"), Map.of("Key", "own", "Value", "1")));
        for (String type : List.of(CfnEncoderConfiguration.CFN_RESOURCE_TYPE_NAME, CfnPublicKey.CFN_RESOURCE_TYPE_NAME,
                CfnIngestConfiguration.CFN_RESOURCE_TYPE_NAME, CfnStorageConfiguration.CFN_RESOURCE_TYPE_NAME)) {
            assertThat(properties(t, type).get("Tags")).as(type).isEqualTo(List.of(Map.of("Key", "app", "Value", "demo")));
        }
    }

    @Test
    void tokensAreAcceptedForStringsNumbersListsAndWholeObjects() {
        Stack stack = new Stack(new App(), "S");
        CfnParameter width = CfnParameter.Builder.create(stack, "Width").type("Number").build();
        CfnParameter name = CfnParameter.Builder.create(stack, "StageName").build();
        CfnParameter modes = CfnParameter.Builder.create(stack, "Modes").type("CommaDelimitedList").build();
        new CfnEncoderConfiguration(stack, "Encoder", CfnEncoderConfigurationProps.builder()
                .video(CfnEncoderConfiguration.VideoProperty.builder().width(width.getValueAsNumber()).height(720).build())
                .build());
        new CfnStage(stack, "Stage", CfnStageProps.builder()
                .name(name.getValueAsString())
                .autoParticipantRecordingConfiguration(CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                        .storageConfigurationArn("").mediaTypes(modes.getValueAsList()).build())
                .build());
        CfnIngestConfiguration ingest = new CfnIngestConfiguration(stack, "Ingest",
                CfnIngestConfigurationProps.builder().ingestProtocol("RTMPS").build());
        ingest.setAttributes(software.amazon.awscdk.Fn.transform("Echo", Map.of("seat", "1")));
        Template t = Template.fromStack(stack);
        assertThat(properties(t, CfnEncoderConfiguration.CFN_RESOURCE_TYPE_NAME).get("Video"))
                .isEqualTo(Map.of("Width", Map.of("Ref", "Width"), "Height", 720));
        assertThat(properties(t, CfnStage.CFN_RESOURCE_TYPE_NAME)).isEqualTo(Map.of("Name", Map.of("Ref", "StageName"),
                "AutoParticipantRecordingConfiguration", Map.of("StorageConfigurationArn", "", "MediaTypes", Map.of("Ref", "Modes"))));
        assertThat(properties(t, CfnIngestConfiguration.CFN_RESOURCE_TYPE_NAME).get("Attributes"))
                .isEqualTo(Map.of("Fn::Transform", Map.of("Name", "Echo", "Parameters", Map.of("seat", "1"))));
    }

    /** Every type of the library has an L1 with a setter per writable property and an attribute per read-only one. */
    @Test
    void everySchemaPropertyHasItsL1Member() throws ReflectiveOperationException {
        for (String type : IvsRealTimeTypeNames.ALL) {
            com.fasterxml.jackson.databind.JsonNode schema = TypeSchemas.schema(type);
            Class<?> l1 = Class.forName("community.ivsrealtime.cdk.Cfn" + type.substring(type.lastIndexOf(':') + 1));
            Class<?> props = Class.forName(l1.getName() + "Props");
            java.util.Set<String> methods = new java.util.TreeSet<>();
            for (java.lang.reflect.Method m : l1.getMethods()) {
                methods.add(m.getName());
            }
            java.util.Set<String> builder = new java.util.TreeSet<>();
            for (java.lang.reflect.Method m : props.getMethod("builder").getReturnType().getMethods()) {
                builder.add(m.getName());
            }
            java.util.List<String> readOnly = new java.util.ArrayList<>();
            schema.path("readOnlyProperties").forEach(p -> readOnly.add(p.asText().substring("/properties/".length())));
            schema.path("properties").fieldNames().forEachRemaining(name -> {
                if (readOnly.contains(name)) {
                    com.fasterxml.jackson.databind.JsonNode node = schema.path("properties").path(name);
                    String ref = node.path("$ref").asText("");
                    if (ref.isEmpty()) {
                        assertThat(methods).as(type).contains("getAttr" + name);
                    } else {
                        schema.at(ref.substring(1)).path("properties").fieldNames().forEachRemaining(member ->
                                assertThat(methods).as(type).contains("getAttr" + name + member));
                    }
                } else {
                    assertThat(methods).as(type).contains("get" + name, "set" + name);
                    assertThat(builder).as(type).contains(Character.toLowerCase(name.charAt(0)) + name.substring(1));
                }
            });
        }
    }

    @Test
    void escapeHatchesWorkOnTopOfTheTypedProperties() {
        Stack stack = new Stack(new App(), "S");
        CfnStage stage = new CfnStage(stack, "Stage", CfnStageProps.builder().name("typed")
                .autoParticipantRecordingConfiguration(CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                        .storageConfigurationArn("").build())
                .build());
        stage.addPropertyOverride("AutoParticipantRecordingConfiguration.RecordingReconnectWindowSeconds", 60);
        stage.addPropertyDeletionOverride("Name");
        stage.addOverride("DeletionPolicy", "Retain");
        Map<String, Object> resource = resource(Template.fromStack(stack), CfnStage.CFN_RESOURCE_TYPE_NAME);
        assertThat(resource.get("Properties")).isEqualTo(Map.of("AutoParticipantRecordingConfiguration",
                Map.of("StorageConfigurationArn", "", "RecordingReconnectWindowSeconds", 60)));
        assertThat(resource.get("DeletionPolicy")).isEqualTo("Retain");
    }

    @Test
    void requiredPropertiesAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> CfnIngestConfigurationProps.builder().name("x").build())
                .isInstanceOf(NullPointerException.class).hasMessage("CfnIngestConfigurationProps: ingestProtocol is required");
        assertThatThrownBy(() -> CfnStage.AutoParticipantRecordingConfigurationProperty.builder().build())
                .hasMessage("AutoParticipantRecordingConfigurationProperty: storageConfigurationArn is required");
        Stack stack = new Stack(new App(), "S");
        assertThatThrownBy(() -> new CfnPublicKey(stack, "Key", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Community::IVSRealTime::PublicKey: props are required (the type has required properties)");
        assertThat(stack.getNode().getChildren()).isEmpty();
    }
}
