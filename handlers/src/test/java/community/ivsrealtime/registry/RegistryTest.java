package community.ivsrealtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.schema.TypeFiles;
import community.ivsrealtime.testing.TypeUnderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The registry is the one list of types: every place that holds something per type holds exactly the registry's
 * types. Adding a type in one place and not the others fails here.
 */
class RegistryTest {

    static Set<String> registered(java.util.function.Function<ResourceType, String> name) {
        return Arrays.stream(ResourceType.values()).map(name).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> fileNames(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everySchemaFileIsRegisteredAndEveryRegisteredTypeHasOne() throws IOException {
        assertThat(fileNames(TypeFiles.repositoryRoot().resolve("resource-schemas"), ".json"))
            .isEqualTo(registered(ResourceType::schemaFileName));
    }

    @Test
    void everyPackageInputDirectoryIsRegistered() throws IOException {
        Set<String> dirs;
        try (Stream<Path> files = Files.list(TypeFiles.handlersModule().resolve("src/package"))) {
            dirs = files.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(dirs).isEqualTo(registered(ResourceType::lowerName));
    }

    @Test
    void everyDocIsRegistered() throws IOException {
        assertThat(fileNames(TypeFiles.repositoryRoot().resolve("docs"), ".md"))
            .isEqualTo(registered(t -> t.fileBaseName() + ".md"));
    }

    @Test
    void theHandlerTestsFixtureCoversExactlyTheRegistry() {
        Set<String> fixture = new TreeSet<>();
        for (TypeUnderTest type : TypeUnderTest.values()) {
            fixture.add(type.name());
        }
        assertThat(fixture).isEqualTo(registered(ResourceType::name));
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void eachTypesWrapperServesThatTypeWithItsSchema(ResourceType type) {
        var wrapper = type.newWrapper();
        assertThat(wrapper.getClass().getName()).isEqualTo(type.packageName() + ".HandlerWrapper");
        assertThat(wrapper.ops().typeName()).isEqualTo(type.typeName());
        assertThat(type.schema().getString("typeName")).isEqualTo(type.typeName());
        assertThat(ResourceType.of(type.typeName())).isSameAs(type);
    }

    @Test
    void namesFollowOneRule() {
        ResourceType t = ResourceType.ENCODER_CONFIGURATION;
        assertThat(t.typeName()).isEqualTo("Community::IVSRealTime::EncoderConfiguration");
        assertThat(t.packageName()).isEqualTo("community.ivsrealtime.encoderconfiguration");
        assertThat(t.schemaFileName()).isEqualTo("community-ivsrealtime-encoderconfiguration.json");
        assertThat(t.packageFileName()).isEqualTo("community-ivsrealtime-encoderconfiguration.zip");
        assertThat(t.hyphenatedName()).isEqualTo("Community-IVSRealTime-EncoderConfiguration");
        assertThat(t.entrypoint()).isEqualTo("community.ivsrealtime.encoderconfiguration.LambdaEntrypoint::handleRequest");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResourceType.of("AWS::IVS::Stage"))
            .hasMessageContaining("\"AWS::IVS::Stage\"").hasMessageContaining("Community::IVSRealTime::Stage");
    }
}
