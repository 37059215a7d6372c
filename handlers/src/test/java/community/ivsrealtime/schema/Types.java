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

    /**
     * The contract test input sets in each zip's inputs/: 1 sets every property, 2 only what the schema requires
     * (plus Tags), so that the service's defaults are what comes back.
     */
    public static final List<Integer> INPUT_SETS = List.of(1, 2);

    /** Contract test input of set 1: {@code create}, {@code update} or {@code invalid}. */
    public Path inputFile(String kind) {
        return inputFile(1, kind);
    }

    public Path inputFile(int set, String kind) {
        return handlersModule().resolve("src/package").resolve(lower())
                .resolve("inputs/inputs_" + set + "_" + kind + ".json");
    }

    public JSONObject input(String kind) {
        return input(1, kind);
    }

    public JSONObject input(int set, String kind) {
        return new JSONObject(read(inputFile(set, kind)));
    }

    /** Every (type, input set) pair. */
    public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> withInputSets() {
        return java.util.Arrays.stream(values()).flatMap(t -> INPUT_SETS.stream()
                .map(set -> org.junit.jupiter.params.provider.Arguments.of(t, set)));
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
