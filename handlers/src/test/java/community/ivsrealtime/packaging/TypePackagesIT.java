package community.ivsrealtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.registry.ResourceType;
import community.ivsrealtime.schema.TypeFiles;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs in {@code verify} (failsafe), after {@code package} built the shaded jar and the RegisterType zips: each zip
 * has the layout {@code cfn submit} uploads, and its entrypoint exists in the jar it carries.
 */
class TypePackagesIT {

    static final String JAR_ENTRY = "target/ivs-realtime-handlers.jar";

    static Path packagesDir() {
        return Path.of(System.getProperty("packages.dir", TypeFiles.handlersModule().resolve("target").toString()));
    }

    static Path shadedJar() {
        return Path.of(System.getProperty("handler.jar", packagesDir().resolve("ivs-realtime-handlers.jar").toString()));
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void zipHasTheRegisterTypeLayout(ResourceType type) throws Exception {
        Path zip = packagesDir().resolve(type.packageFileName());
        assertThat(zip).exists();
        // the size budget of issue 11 (was 32 MB before the shade left out the plugin's hook-only dependencies)
        assertThat(Files.size(zip)).as("size of %s in bytes", zip.getFileName()).isLessThanOrEqualTo(25_000_000L);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
            List<String> expected = new ArrayList<>(List.of(".rpdk-config", "schema.json", ".cfn_metadata.json", JAR_ENTRY));
            for (int set : TypeFiles.INPUT_SETS) {
                for (String kind : TypeFiles.INPUT_KINDS) {
                    expected.add("inputs/inputs_" + set + "_" + kind + ".json");
                }
            }
            assertThat(names).containsExactlyInAnyOrderElementsOf(expected);

            JSONObject config = new JSONObject(text(z, ".rpdk-config"));
            assertThat(config.getString("artifact_type")).isEqualTo("RESOURCE");
            assertThat(config.getString("typeName")).isEqualTo(type.typeName());
            assertThat(config.getString("language")).isEqualTo("java");
            // the build's handler.runtime (java21 unless -Dhandler.runtime=... was given), as the surefire/failsafe JVM
            // received it from the pom: the same property that wrote the zip
            assertThat(config.getString("runtime")).isEqualTo(System.getProperty("handler.runtime"))
                    .isEqualTo(ResourceType.handlerRuntime());
            assertThat(config.getString("entrypoint")).isEqualTo(type.packageName() + ".LambdaEntrypoint::handleRequest");
            assertThat(config.getString("testEntrypoint")).isEqualTo(type.packageName() + ".HandlerWrapper::testEntrypoint");
            assertThat(config.getJSONObject("settings").getString("protocolVersion")).isEqualTo("2.0.0");

            assertThat(text(z, "schema.json")).isEqualTo(TypeFiles.read(TypeFiles.schemaFile(type)));
            new JSONObject(text(z, ".cfn_metadata.json"));
            for (int set : TypeFiles.INPUT_SETS) {
                for (String kind : TypeFiles.INPUT_KINDS) {
                    assertThat(text(z, "inputs/inputs_" + set + "_" + kind + ".json"))
                            .isEqualTo(TypeFiles.read(TypeFiles.inputFile(type, set, kind)));
                }
            }
            assertThat(z.getEntry(JAR_ENTRY).getSize()).isEqualTo(Files.size(shadedJar()));

            // the entrypoints exist in the jar the zip carries, loaded in isolation from the test classpath
            Path jar = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), type.lowerName(), ".jar");
            try {
                try (var in = z.getInputStream(z.getEntry(JAR_ENTRY))) {
                    Files.copy(in, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                    TemplateTest.assertHandlerMethodExists(loader, config.getString("entrypoint"));
                    TemplateTest.assertHandlerMethodExists(loader, config.getString("testEntrypoint"));
                    assertThat(loader.getResource(type.schemaFileName())).as("schema at the jar root").isNotNull();
                }
            } finally {
                Files.deleteIfExists(jar);
            }
        }
    }

    @Test
    void shadedJarIsLeanAndCarriesEveryType() throws Exception {
        try (ZipFile jar = new ZipFile(shadedJar().toFile())) {
            List<String> names = new ArrayList<>();
            jar.stream().forEach(e -> names.add(e.getName()));
            for (ResourceType type : ResourceType.values()) {
                String dir = type.packageName().replace('.', '/') + "/";
                assertThat(names).contains(dir + "HandlerWrapper.class", dir + "ResourceModel.class", type.schemaFileName());
            }
            assertThat(names).as("signature files").noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
            assertThat(names).as("build-time only code").noneMatch(n -> n.startsWith("lombok/") || n.startsWith("community/ivsrealtime/codegen/")
                    || n.startsWith("org/junit/") || n.startsWith("community/ivsrealtime/emulator/")
                    || n.startsWith("com/diffplug/") || n.startsWith("org/apache/maven/") || n.startsWith("io/netty/"));
            assertThat(names).contains("software/amazon/awssdk/services/ivsrealtime/IvsRealTimeClient.class",
                    "software/amazon/cloudformation/LambdaWrapper.class");
        }
    }

    /**
     * Logging in the jar starts cleanly: an SLF4J binding (else slf4j-api warns on every cold start) and one log4j2
     * plugin cache holding both log4j-core's plugins and the Lambda appender (shading used to keep only the
     * appender's, and log4j2 then printed ERROR lines for every pattern converter).
     */
    @Test
    void shadedJarLogsCleanly() throws Exception {
        try (ZipFile jar = new ZipFile(shadedJar().toFile())) {
            assertThat(jar.getEntry("org/slf4j/impl/StaticLoggerBinder.class")).as("SLF4J binding").isNotNull();
            String cache;
            try (var in = jar.getInputStream(jar.getEntry("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat"))) {
                cache = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            assertThat(cache).contains("org.apache.logging.log4j.core.pattern.DatePatternConverter",
                    "com.amazonaws.services.lambda.runtime.log4j2.LambdaAppender");
        }
    }

    @Test
    void templateCodeUriIsTheShadedJar() throws Exception {
        String codeUri = community.ivsrealtime.registry.SamTemplate.CODE_URI;
        assertThat(codeUri).endsWith("/" + shadedJar().getFileName());
        assertThat(shadedJar()).exists();
    }

    private static String text(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (var in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
