package community.ivsrealtime.schema;

import community.ivsrealtime.registry.ResourceType;
import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.codegen.DocsGenerator;
import community.ivsrealtime.codegen.ResourceSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/ holds the property reference generated from resource-schemas/; it must not fall behind the schemas. */
class DocsUpToDateTest {

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void docsMatchTheSchema(ResourceType type) {
        ResourceSchema schema = ResourceSchema.load(TypeFiles.schemaFile(type));
        Path doc = TypeFiles.repositoryRoot().resolve("docs").resolve(DocsGenerator.docFileName(schema));
        String stale = "docs/" + doc.getFileName() + " is missing or stale; refresh docs/ from the repository root with: "
                + DocsGenerator.REFRESH_COMMAND;
        assertThat(Files.exists(doc)).as(stale).isTrue();
        assertThat(TypeFiles.read(doc)).as(stale).isEqualTo(DocsGenerator.render(schema));
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void docsNameEveryPropertyAndPermission(ResourceType type) {
        String doc = DocsGenerator.render(ResourceSchema.load(TypeFiles.schemaFile(type)));
        for (String property : type.schema().getJSONObject("properties").keySet()) {
            assertThat(doc).contains("### " + property + "\n");
        }
        var handlers = type.schema().getJSONObject("handlers");
        for (String handler : handlers.keySet()) {
            handlers.getJSONObject(handler).getJSONArray("permissions").forEach(a -> assertThat(doc).contains("`" + a + "`"));
        }
    }
}
