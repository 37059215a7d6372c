package community.ivsrealtime.cdk;

import static community.ivsrealtime.cdk.L2Tests.properties;
import static community.ivsrealtime.cdk.L2Tests.stack;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * Keeps the L2s and the schemas in step: every writable schema property is reachable from the L2 props (an L2 with
 * every prop set renders it), every read-only property is an L2 attribute, the enum-like classes hold exactly the
 * schemas' enums, and everything the L2s render validates against the schemas.
 */
class L2SchemaCoverageTest {

    private static Stack stack;
    private static Template template;
    private static Map<String, IvsResource> constructs;

    /** One construct per type with every prop set. */
    @BeforeAll
    static void everyPropSet() {
        stack = stack();
        StorageConfiguration storage = new StorageConfiguration(stack, "Storage", StorageConfigurationProps.builder()
                .storageConfigurationName("rec").bucket(new Bucket(stack, "Bucket")).build());
        Stage stage = new Stage(stack, "Stage", StageProps.builder()
                .stageName("all-props")
                .recordingStorageConfiguration(storage)
                .recordingMediaType(RecordingMediaType.AUDIO_VIDEO)
                .recordingReconnectWindow(Duration.seconds(10))
                .recordingHlsTargetSegmentDuration(Duration.seconds(2))
                .recordParticipantReplicas(true)
                .thumbnailRecordingMode(ThumbnailRecordingMode.INTERVAL)
                .thumbnailInterval(Duration.seconds(5))
                .thumbnailStorage(List.of(ThumbnailStorage.SEQUENTIAL))
                .build());
        EncoderConfiguration encoder = new EncoderConfiguration(stack, "Encoder", EncoderConfigurationProps.builder()
                .encoderConfigurationName("enc").video(Video.HD_720P_60).build());
        PublicKey key = new PublicKey(stack, "Key", PublicKeyProps.builder().publicKeyName("key")
                .publicKeyMaterial(PublicKeyTest.PEM).build());
        IngestConfiguration ingest = stage.addIngestConfiguration("Ingest", IngestConfigurationOptions.builder()
                .ingestConfigurationName("ing").ingestProtocol(IngestProtocol.RTMPS).insecureIngest(false)
                .userId("encoder-1").attributes(Map.of("role", "camera")).build());
        Tags.of(stack).add("team", "video");
        constructs = Map.of("Stage", stage, "StorageConfiguration", storage, "EncoderConfiguration", encoder,
                "PublicKey", key, "IngestConfiguration", ingest);
        template = Template.fromStack(stack);
    }

    @Test
    void everythingRenderedValidatesAgainstTheSchemas() {
        assertThat(SchemaAssertions.assertTemplateValid(template)).isEqualTo(5);
    }

    @Test
    void everyWritableSchemaPropertyIsReachableFromTheL2Props() {
        for (String type : constructs.keySet()) {
            JsonNode schema = TypeSchemas.schema("Community::IVSRealTime::" + type);
            Map<String, Object> rendered = properties(template, "Community::IVSRealTime::" + type);
            List<String> missing = new ArrayList<>();
            List<String> readOnly = new ArrayList<>();
            schema.path("readOnlyProperties").forEach(p -> readOnly.add(p.asText().substring("/properties/".length())));
            for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!readOnly.contains(name)) {
                    collectMissing(schema, schema.path("properties").path(name), name, rendered.get(name), missing);
                }
            }
            assertThat(missing).as("schema properties of %s that its L2 props cannot set", type).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectMissing(JsonNode schema, JsonNode property, String path, Object rendered,
            List<String> missing) {
        JsonNode resolved = resolve(schema, property);
        if (rendered == null) {
            missing.add(path);
        } else if (resolved.has("properties") && rendered instanceof Map) {
            for (Iterator<String> names = resolved.path("properties").fieldNames(); names.hasNext();) {
                String name = names.next();
                collectMissing(schema, resolved.path("properties").path(name), path + "." + name,
                        ((Map<String, Object>) rendered).get(name), missing);
            }
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode property) {
        String ref = property.path("$ref").asText("");
        return ref.isEmpty() ? property : schema.at(ref.substring(1));
    }

    @Test
    void everyReadOnlySchemaPropertyIsAnL2Attribute() throws Exception {
        for (Map.Entry<String, IvsResource> entry : constructs.entrySet()) {
            JsonNode schema = TypeSchemas.schema("Community::IVSRealTime::" + entry.getKey());
            TreeSet<String> expected = new TreeSet<>();
            for (JsonNode pointer : schema.path("readOnlyProperties")) {
                String name = pointer.asText().substring("/properties/".length());
                JsonNode resolved = resolve(schema, schema.path("properties").path(name));
                if (resolved.has("properties")) {
                    resolved.path("properties").fieldNames().forEachRemaining(sub -> expected.add(name + "." + sub));
                } else {
                    expected.add(name);
                }
            }
            assertThat(attributes(entry.getValue())).as("GetAtt attributes of %s's L2", entry.getKey())
                    .containsAll(expected);
        }
    }

    /** The attributes the L2's public getters return as {@code Fn::GetAtt} of its L1. */
    @SuppressWarnings("unchecked")
    private static TreeSet<String> attributes(IvsResource construct) throws Exception {
        TreeSet<String> found = new TreeSet<>();
        String logicalId = L2Tests.logicalId(construct);
        for (Method m : construct.getClass().getMethods()) {
            boolean getter = m.getParameterCount() == 0 && m.getName().startsWith("get")
                    && !Modifier.isStatic(m.getModifiers())
                    && (m.getReturnType() == String.class || m.getReturnType() == SecretValue.class);
            if (!getter) {
                continue;
            }
            Object resolved = stack.resolve(m.invoke(construct));
            if (resolved instanceof Map && ((Map<String, Object>) resolved).get("Fn::GetAtt") instanceof List) {
                List<Object> getAtt = (List<Object>) ((Map<String, Object>) resolved).get("Fn::GetAtt");
                if (logicalId.equals(getAtt.get(0))) {
                    found.add((String) getAtt.get(1));
                }
            }
        }
        return found;
    }

    @Test
    void enumLikeClassesHoldExactlyTheSchemaEnums() {
        JsonNode stage = TypeSchemas.schema("Community::IVSRealTime::Stage").path("definitions");
        assertThat(RecordingMediaType.VALUES).isEqualTo(texts(stage.at(
                "/AutoParticipantRecordingConfiguration/properties/MediaTypes/items/enum")));
        assertThat(ThumbnailRecordingMode.VALUES).isEqualTo(texts(stage.at(
                "/ThumbnailConfiguration/properties/RecordingMode/enum")));
        assertThat(ThumbnailStorage.VALUES).isEqualTo(texts(stage.at(
                "/ThumbnailConfiguration/properties/Storage/items/enum")));
        assertThat(IngestProtocol.VALUES).isEqualTo(texts(TypeSchemas.schema("Community::IVSRealTime::IngestConfiguration")
                .at("/properties/IngestProtocol/enum")));
        assertThat(Checks.NAME_PATTERN).isEqualTo(TypeSchemas.schema("Community::IVSRealTime::Stage")
                .at("/properties/Name/pattern").asText());
        assertThat(PublicKey.PEM_PATTERN).isEqualTo(TypeSchemas.schema("Community::IVSRealTime::PublicKey")
                .at("/properties/PublicKeyMaterial/pattern").asText());
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("schema enum %s", array).isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
