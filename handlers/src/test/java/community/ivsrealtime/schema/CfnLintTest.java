package community.ivsrealtime.schema;

import community.ivsrealtime.registry.ResourceType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints a template that uses every type (with its contract create input, and Fn::GetAtt of its read-only
 * attributes) with {@code cfn-lint --registry-schemas resource-schemas}. Skipped when cfn-lint is not on PATH.
 *
 * <p>Limitation found with cfn-lint 1.51: it loads registry schemas, so the types are known (no E3006), but it
 * validates neither the property values nor the Fn::GetAtt attributes of registry types (its per-region schema
 * lookup skips types that are not in its provider tables). The schemas' value checks are covered by
 * {@link ContractInputsTest} and {@link SchemaMetaSchemaTest}.
 */
class CfnLintTest {

    private static String cfnLint;

    @BeforeAll
    static void findCfnLint() {
        cfnLint = onPath("cfn-lint");
        if (cfnLint == null) {
            // CI (CI=true, as .ci/run runs) must have the tool: there a missing cfn-lint fails instead of skipping
            assertThat(System.getenv("CI")).as("cfn-lint is not on PATH, and CI=true: CI must install it").isNotEqualTo("true");
            System.out.println("CfnLintTest skipped: cfn-lint is not on PATH (pip install cfn-lint)");
        }
    }

    /** The repository's SAM template (template.yml) lints clean: no deprecated runtime, nothing else. */
    @Test
    void theSamTemplateLintsClean() throws Exception {
        assumeTrue(cfnLint != null, "cfn-lint is not on PATH (pip install cfn-lint)");
        Result result = run(cfnLint, "--", TypeFiles.repositoryRoot().resolve("template.yml").toString());
        assertThat(result.exitCode()).as("cfn-lint findings on template.yml:\n" + result.output()).isZero();
        assertThat(result.output()).isBlank();
    }

    /** What the previous runtime gets from cfn-lint today: the reason the default moved to java21. */
    @Test
    void theOldJava17RuntimeIsFlaggedAsDeprecated(@TempDir Path dir) throws Exception {
        assumeTrue(cfnLint != null, "cfn-lint is not on PATH (pip install cfn-lint)");
        Path old = dir.resolve("template-java17.yml");
        Files.writeString(old, community.ivsrealtime.registry.SamTemplate.render("java17"));
        Result result = run(cfnLint, "--", old.toString());
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("E2533").contains("java17");
    }

    @Test
    void templateUsingEveryTypeLintsClean(@TempDir Path dir) throws Exception {
        assumeTrue(cfnLint != null, "cfn-lint is not on PATH (pip install cfn-lint)");
        Path template = writeTemplate(dir);
        Result result = run(cfnLint, "--registry-schemas", TypeFiles.repositoryRoot().resolve("resource-schemas").toString(),
                "--", template.toString());
        assertThat(result.exitCode()).as("cfn-lint findings:\n" + result.output()).isZero();
        assertThat(result.output()).isBlank();
    }

    @Test
    void withoutTheSchemasTheTypesAreUnknown(@TempDir Path dir) throws Exception {
        assumeTrue(cfnLint != null, "cfn-lint is not on PATH (pip install cfn-lint)");
        Path template = writeTemplate(dir);
        Result result = run(cfnLint, "--", template.toString());
        assertThat(result.exitCode()).isNotZero();
        for (ResourceType type : ResourceType.values()) {
            assertThat(result.output()).contains("E3006").contains(type.typeName());
        }
    }

    private static Path writeTemplate(Path dir) throws IOException {
        JSONObject resources = new JSONObject();
        JSONObject outputs = new JSONObject();
        for (ResourceType type : ResourceType.values()) {
            resources.put(type.simpleName(), new JSONObject().put("Type", type.typeName()).put("Properties", TypeFiles.input(type, "create")));
            JSONArray readOnly = type.schema().optJSONArray("readOnlyProperties");
            for (Object pointer : readOnly) {
                String attribute = ((String) pointer).substring("/properties/".length());
                if (type.schema().getJSONObject("properties").getJSONObject(attribute).has("$ref")) {
                    continue; // an object attribute: GetAtt reads its members (below for Stage)
                }
                outputs.put(type.simpleName() + attribute, new JSONObject().put("Value",
                        new JSONObject().put("Fn::GetAtt", new JSONArray().put(type.simpleName()).put(attribute))));
            }
        }
        outputs.put("StageWhip", new JSONObject().put("Value", new JSONObject().put("Fn::GetAtt", new JSONArray().put("Stage").put("Endpoints.Whip"))));
        JSONObject template = new JSONObject().put("AWSTemplateFormatVersion", "2010-09-09")
                .put("Resources", resources).put("Outputs", outputs);
        Path file = dir.resolve("template.json");
        Files.writeString(file, template.toString(2));
        return file;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        return new Result(p.exitValue(), out);
    }

    private static String onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        for (String d : dirs) {
            Path candidate = Path.of(d, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
