package community.ivsrealtime.schema;

import community.ivsrealtime.registry.ResourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.params.provider.Arguments;

/** Where each registered type's files live in the repository (tests run in the handlers module). */
public final class TypeFiles {

    public static final List<String> INPUT_KINDS = List.of("create", "update", "invalid");

    /**
     * The contract test input sets in each zip's inputs/: 1 sets every property, 2 only what the schema requires
     * (plus Tags), so that the service's defaults are what comes back.
     */
    public static final List<Integer> INPUT_SETS = List.of(1, 2);

    private TypeFiles() {
    }

    /** The schema in {@code resource-schemas/}. */
    public static Path schemaFile(final ResourceType type) {
        return repositoryRoot().resolve("resource-schemas").resolve(type.schemaFileName());
    }

    /** Contract test input of set 1: {@code create}, {@code update} or {@code invalid}. */
    public static Path inputFile(final ResourceType type, final String kind) {
        return inputFile(type, 1, kind);
    }

    public static Path inputFile(final ResourceType type, final int set, final String kind) {
        return handlersModule().resolve("src/package").resolve(type.lowerName())
                .resolve("inputs/inputs_" + set + "_" + kind + ".json");
    }

    public static JSONObject input(final ResourceType type, final String kind) {
        return input(type, 1, kind);
    }

    public static JSONObject input(final ResourceType type, final int set, final String kind) {
        return new JSONObject(read(inputFile(type, set, kind)));
    }

    /** Every (type, input set) pair. */
    public static Stream<Arguments> withInputSets() {
        return Arrays.stream(ResourceType.values()).flatMap(t -> INPUT_SETS.stream().map(set -> Arguments.of(t, set)));
    }

    public static Path handlersModule() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    public static Path repositoryRoot() {
        return handlersModule().getParent();
    }

    public static String read(final Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
