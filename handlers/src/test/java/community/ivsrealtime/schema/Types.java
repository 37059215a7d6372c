package community.ivsrealtime.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.json.JSONObject;

/** The five resource types and where their files live in the repository (tests run in the handlers module). */
public enum Types {
    STAGE("Stage"),
    ENCODER_CONFIGURATION("EncoderConfiguration"),
    STORAGE_CONFIGURATION("StorageConfiguration"),
    PUBLIC_KEY("PublicKey"),
    INGEST_CONFIGURATION("IngestConfiguration");

    public static final List<String> INPUT_KINDS = List.of("create", "update", "invalid");

    private final String simpleName;

    Types(String simpleName) {
        this.simpleName = simpleName;
    }

    public String simpleName() {
        return simpleName;
    }

    public String typeName() {
        return "Community::IVSRealTime::" + simpleName;
    }

    /** {@code stage}, {@code encoderconfiguration}, ...: the Java package and file name part. */
    public String lower() {
        return simpleName.toLowerCase(java.util.Locale.ROOT);
    }

    public String schemaFileName() {
        return "community-ivsrealtime-" + lower() + ".json";
    }

    public String packageName() {
        return "community.ivsrealtime." + lower();
    }

    public Path schemaFile() {
        return repositoryRoot().resolve("resource-schemas").resolve(schemaFileName());
    }

    public JSONObject schema() {
        return new JSONObject(read(schemaFile()));
    }

    /** Contract test input: {@code create}, {@code update} or {@code invalid}. */
    public Path inputFile(String kind) {
        return handlersModule().resolve("src/package").resolve(lower()).resolve("inputs/inputs_1_" + kind + ".json");
    }

    public JSONObject input(String kind) {
        return new JSONObject(read(inputFile(kind)));
    }

    public static Path handlersModule() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    public static Path repositoryRoot() {
        return handlersModule().getParent();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
