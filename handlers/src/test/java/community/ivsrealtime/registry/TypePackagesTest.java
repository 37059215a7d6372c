package community.ivsrealtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package writer on its own (the built zips are checked by TypePackagesIT after {@code package}). */
class TypePackagesTest {

    @Test
    void writesOneZipPerTypeDeclaringTheGivenRuntime(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("ivs-realtime-handlers.jar"), "not really a jar");
        List<Path> zips = TypePackages.write(jar, dir.resolve("out"), "java25");
        assertThat(zips).hasSize(ResourceType.values().length);
        for (ResourceType type : ResourceType.values()) {
            try (ZipFile zip = new ZipFile(dir.resolve("out").resolve(type.packageFileName()).toFile())) {
                JSONObject config = new JSONObject(new String(zip.getInputStream(zip.getEntry(".rpdk-config")).readAllBytes(),
                    StandardCharsets.UTF_8));
                assertThat(config.getString("runtime")).isEqualTo("java25");
                assertThat(config.getString("typeName")).isEqualTo(type.typeName());
                assertThat(config.getString("entrypoint")).isEqualTo(type.entrypoint());
                assertThat(zip.getEntry("target/ivs-realtime-handlers.jar").getSize()).isEqualTo(Files.size(jar));
            }
        }
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void theSameInputsGiveTheSameBytes(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("h.jar"), "jar");
        TypePackages.write(jar, dir.resolve("a"), "java21");
        Thread.sleep(1100); // a different wall-clock second: timestamps must not leak into the zip
        TypePackages.write(jar, dir.resolve("b"), "java21");
        String file = ResourceType.STAGE.packageFileName();
        assertThat(sha(dir.resolve("a").resolve(file))).isEqualTo(sha(dir.resolve("b").resolve(file)));
    }

    @Test
    void refusesWhatIsNotALambdaJavaRuntimeAndAMissingJar(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("h.jar"), "jar");
        assertThatThrownBy(() -> TypePackages.write(jar, dir, "nodejs22.x"))
            .hasMessageContaining("\"nodejs22.x\"").hasMessageContaining("not a Lambda Java runtime");
        assertThatThrownBy(() -> TypePackages.write(dir.resolve("missing.jar"), dir, "java21"))
            .hasMessageContaining("missing.jar").hasMessageContaining("does not exist");
        assertThat(TypePackages.rpdkConfig(ResourceType.STAGE, "java17.al2023"))
            .asString(StandardCharsets.UTF_8).contains("\"runtime\" : \"java17.al2023\"");
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
