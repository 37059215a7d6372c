package community.ivsrealtime.cdk.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.ivsrealtime.cdk.TypeSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a RegisterType package before it becomes an asset: it exists, has the layout {@code cfn submit} uploads
 * ({@code .rpdk-config}, {@code schema.json}, the handler jar under {@code target/}) and its schema is the one this
 * library was built with (else the execution role would not match the handlers).
 */
final class TypePackage {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HOW_TO_BUILD = "build them with `mvn package` (they land in handlers/target/) or write them with "
            + "`java -jar ivsrt.jar packages --out DIR`";

    private TypePackage() {
    }

    /** The packages folder, resolved against the working directory. */
    record Folder(Path dir) {

        Path packageOf(String typeName) {
            Path zip = dir.resolve(TypeSchemas.baseName(typeName) + ".zip");
            check(typeName, zip);
            return zip;
        }
    }

    static Folder folder(String directory) {
        Path dir = Path.of(directory).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("IvsRealTimeTypes: packagesDirectory \"" + directory + "\" (" + dir
                    + ") is not a directory; it must hold the RegisterType packages community-ivsrealtime-<type>.zip: "
                    + HOW_TO_BUILD);
        }
        return new Folder(dir);
    }

    static void check(String typeName, Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("IvsRealTimeTypes: no package for " + typeName + ": " + zip
                    + " does not exist; " + HOW_TO_BUILD);
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> missing = new ArrayList<>();
            for (String entry : List.of(".rpdk-config", "schema.json")) {
                if (file.getEntry(entry) == null) {
                    missing.add(entry);
                }
            }
            if (file.stream().noneMatch(e -> e.getName().startsWith("target/") && e.getName().endsWith(".jar"))) {
                missing.add("target/<handler jar>");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("IvsRealTimeTypes: " + zip + " is not a RegisterType package of "
                        + typeName + ": it lacks " + missing + "; " + HOW_TO_BUILD);
            }
            JsonNode packaged = read(file, file.getEntry("schema.json"));
            if (!packaged.equals(TypeSchemas.schema(typeName))) {
                throw new IllegalArgumentException("IvsRealTimeTypes: the schema in " + zip + " (type "
                        + packaged.path("typeName").asText("?") + ") differs from the " + typeName
                        + " schema this library was built with; use packages of the same version as the library");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("IvsRealTimeTypes: " + zip + " is not a readable zip (" + e.getMessage()
                    + "); " + HOW_TO_BUILD, e);
        }
    }

    private static JsonNode read(ZipFile file, ZipEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return JSON.readTree(in);
        }
    }
}
