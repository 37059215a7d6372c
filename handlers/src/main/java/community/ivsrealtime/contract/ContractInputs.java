package community.ivsrealtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.registry.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One contract input set of a type: the model to create and the model to update it to, as in cloudformation-cli's
 * {@code inputs/inputs_<n>_create.json} and {@code inputs_<n>_update.json}.
 *
 * @param name   the set's name ({@code inputs_1})
 * @param create the CREATE model
 * @param update the UPDATE model (the handler adds the created Arn)
 */
public record ContractInputs(String name, ObjectNode create, ObjectNode update) {

    /** The input sets every type ships in its RegisterType zip (1: every property; 2: required ones and Tags). */
    public static final List<Integer> BUNDLED_SETS = List.of(1, 2);

    private static final String BUNDLED = "/community/ivsrealtime/registry/package/";
    private static final Pattern CREATE_FILE = Pattern.compile("inputs_(\\d+)_create\\.json");

    public ContractInputs {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(update, "update");
    }

    /** Copies: the checks may change them. */
    @Override
    public ObjectNode create() {
        return create.deepCopy();
    }

    @Override
    public ObjectNode update() {
        return update.deepCopy();
    }

    /** Set {@code set} of the inputs shipped with {@code type} (the handler jar carries them). */
    public static ContractInputs bundled(final ResourceType type, final int set) {
        final String base = BUNDLED + type.lowerName() + "/inputs/inputs_" + set + "_";
        return new ContractInputs("inputs_" + set, object(base + "create.json", resource(base + "create.json")),
            object(base + "update.json", resource(base + "update.json")));
    }

    /** Every set shipped with {@code type}. */
    public static List<ContractInputs> bundled(final ResourceType type) {
        return BUNDLED_SETS.stream().map(set -> bundled(type, set)).toList();
    }

    /**
     * The sets in {@code dir} for {@code type}: {@code dir/<type>/inputs/inputs_<n>_create.json} (type as in
     * {@link ResourceType#lowerName()}: the repository's {@code handlers/src/package} layout), else
     * {@code dir/<type>/inputs_<n>_create.json}, else {@code dir/inputs_<n>_create.json} when {@code dir} holds one type's
     * inputs only, each with its {@code inputs_<n>_update.json}. Empty when there are none.
     *
     * @throws IllegalArgumentException naming the file when a create input has no update input or is not a JSON
     *                                  object
     */
    public static List<ContractInputs> fromDirectory(final Path dir, final ResourceType type) {
        Path where = dir;
        for (final Path candidate : List.of(dir.resolve(type.lowerName()).resolve("inputs"), dir.resolve(type.lowerName()))) {
            if (Files.isDirectory(candidate)) {
                where = candidate;
                break;
            }
        }
        final List<ContractInputs> sets = new ArrayList<>();
        try (Stream<Path> files = Files.list(where)) {
            for (final Path create : files.sorted().toList()) {
                final Matcher m = CREATE_FILE.matcher(create.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                final Path update = where.resolve("inputs_" + m.group(1) + "_update.json");
                if (!Files.isRegularFile(update)) {
                    throw new IllegalArgumentException(create + " has no " + update.getFileName() + " next to it");
                }
                sets.add(new ContractInputs("inputs_" + m.group(1), object(create.toString(), Files.readAllBytes(create)),
                    object(update.toString(), Files.readAllBytes(update))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract inputs in " + where, e);
        }
        return sets;
    }

    private static byte[] resource(final String name) {
        try (InputStream in = ContractInputs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("contract input " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode object(final String where, final byte[] json) {
        final JsonNode node;
        try {
            node = HandlerRequest.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(where, e);
        }
        if (!(node instanceof ObjectNode)) {
            throw new IllegalArgumentException(where + " must hold a JSON object of resource properties");
        }
        return (ObjectNode) node;
    }
}
