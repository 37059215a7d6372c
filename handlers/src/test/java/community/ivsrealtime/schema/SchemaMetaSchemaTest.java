package community.ivsrealtime.schema;

import community.ivsrealtime.registry.ResourceType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.cloudformation.resource.ResourceTypeSchema;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/** Each schema is a valid CloudFormation resource provider definition, and as strict as the project wants it. */
class SchemaMetaSchemaTest {

    private final Validator validator = new Validator();

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void validAgainstTheProviderDefinitionMetaSchema(ResourceType type) {
        // loadResourceDefinitionSchema validates the definition against provider.definition.schema.v1.json first
        validator.loadResourceDefinitionSchema(type.schema());
        ResourceTypeSchema schema = ResourceTypeSchema.load(type.schema());
        assertThat(schema.getTypeName()).isEqualTo(type.typeName());
        assertThat(schema.getPrimaryIdentifierAsStrings()).containsExactly("/properties/Arn");
        assertThat(schema.isTaggable()).isTrue();
        assertThat(schema.getDescription()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void aBrokenCopyIsRejected(ResourceType type) {
        JSONObject broken = type.schema();
        broken.getJSONObject("properties").getJSONObject("Name").put("type", "text");
        assertThatThrownBy(() -> validator.loadResourceDefinitionSchema(broken)).isInstanceOf(ValidationException.class);
        JSONObject open = type.schema();
        open.put("additionalProperties", true);
        assertThatThrownBy(() -> validator.loadResourceDefinitionSchema(open)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void everyObjectIsClosedEveryPatternAnchoredEveryPropertyDescribed(ResourceType type) {
        JSONObject schema = type.schema();
        List<String> problems = new ArrayList<>();
        check(schema.getJSONObject("properties"), "/properties", problems);
        JSONObject defs = schema.getJSONObject("definitions");
        for (String name : defs.keySet()) {
            JSONObject def = defs.getJSONObject(name);
            if (!def.has("additionalProperties") || def.getBoolean("additionalProperties")) {
                problems.add("/definitions/" + name + " lacks additionalProperties: false");
            }
            if (def.optString("description").isBlank()) {
                problems.add("/definitions/" + name + " has no description");
            }
            check(def.getJSONObject("properties"), "/definitions/" + name + "/properties", problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void check(JSONObject properties, String where, List<String> problems) {
        for (String name : properties.keySet()) {
            JSONObject p = properties.getJSONObject(name);
            String at = where + "/" + name;
            if (!p.has("$ref") && p.optString("description").isBlank()) {
                problems.add(at + " has no description");
            }
            walk(p, at, problems);
        }
    }

    private static void walk(JSONObject node, String at, List<String> problems) {
        if (node.has("pattern")) {
            String pattern = node.getString("pattern");
            if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
                problems.add(at + " pattern is not anchored: " + pattern);
            }
        }
        if ("object".equals(node.optString("type")) && (!node.has("additionalProperties") || node.getBoolean("additionalProperties"))) {
            problems.add(at + " lacks additionalProperties: false");
        }
        if ("string".equals(node.optString("type")) && node.has("enum") && node.has("pattern")) {
            problems.add(at + " has both enum and pattern");
        }
        if (node.has("items")) {
            walk(node.getJSONObject("items"), at + "/items", problems);
        }
        if (node.has("patternProperties")) {
            JSONObject pp = node.getJSONObject("patternProperties");
            for (Iterator<String> it = pp.keys(); it.hasNext(); ) {
                String key = it.next();
                if (!key.startsWith("^") || !key.endsWith("$")) {
                    problems.add(at + " patternProperties key is not anchored: " + key);
                }
                walk(pp.getJSONObject(key), at + "/patternProperties", problems);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void tagsAreASetOfAtMostFiftyKeyValuePairs(ResourceType type) {
        JSONObject schema = type.schema();
        JSONObject tags = schema.getJSONObject("properties").getJSONObject("Tags");
        assertThat(tags.getString("type")).isEqualTo("array");
        assertThat(tags.getBoolean("uniqueItems")).isTrue();
        assertThat(tags.getBoolean("insertionOrder")).isFalse();
        assertThat(tags.getInt("maxItems")).isEqualTo(50);
        assertThat(tags.getJSONObject("items").getString("$ref")).isEqualTo("#/definitions/Tag");
        JSONObject tag = schema.getJSONObject("definitions").getJSONObject("Tag");
        assertThat(tag.getJSONObject("properties").getJSONObject("Key").getInt("minLength")).isEqualTo(1);
        assertThat(tag.getJSONObject("properties").getJSONObject("Key").getInt("maxLength")).isEqualTo(128);
        assertThat(tag.getJSONObject("properties").getJSONObject("Value").getInt("minLength")).isEqualTo(0);
        assertThat(tag.getJSONObject("properties").getJSONObject("Value").getInt("maxLength")).isEqualTo(256);
        assertThat(tag.getJSONArray("required").toList()).containsExactlyInAnyOrder("Key", "Value");

        JSONObject tagging = schema.getJSONObject("tagging");
        assertThat(tagging.getBoolean("taggable")).isTrue();
        assertThat(tagging.getBoolean("tagOnCreate")).isTrue();
        assertThat(tagging.getBoolean("tagUpdatable")).isTrue();
        assertThat(tagging.getBoolean("cloudFormationSystemTags")).isTrue();
        assertThat(tagging.getString("tagProperty")).isEqualTo("/properties/Tags");
        assertThat(strings(tagging.getJSONArray("permissions"))).containsExactlyInAnyOrder("ivs:TagResource", "ivs:UntagResource");
    }

    /** The reserved prefix in any letter case is refused (CloudFormation would otherwise drop the tag silently). */
    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void tagKeysWithTheReservedAwsPrefixAreRefusedAndOthersAccepted(ResourceType type) {
        for (String key : List.of("aws:owner", "AWS:owner", "Aws:x", "aWs:")) {
            JSONObject input = TypeFiles.input(type, "create");
            input.put("Tags", new JSONArray().put(new JSONObject().put("Key", key).put("Value", "v")));
            assertThatThrownBy(() -> validator.validateObject(input, type.schema())).as(key)
                    .isInstanceOf(ValidationException.class);
        }
        for (String key : List.of("awsome", "team:aws:x", "aws", "a", "aws-owner")) {
            JSONObject input = TypeFiles.input(type, "create");
            input.put("Tags", new JSONArray().put(new JSONObject().put("Key", key).put("Value", "v")));
            validator.validateObject(input, type.schema());
        }
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void theJarRootCarriesTheSameSchema(ResourceType type) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/" + type.schemaFileName())) {
            assertThat(in).as("classpath resource /" + type.schemaFileName()).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TypeFiles.read(TypeFiles.schemaFile(type)));
        }
    }

    static List<String> strings(JSONArray array) {
        List<String> out = new ArrayList<>();
        array.forEach(o -> out.add((String) o));
        return out;
    }
}
