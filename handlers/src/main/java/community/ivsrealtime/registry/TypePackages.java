package community.ivsrealtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the RegisterType package of every {@link ResourceType}, in the layout {@code cfn submit} uploads:
 * {@code .rpdk-config} (written here, with the chosen Lambda runtime), {@code schema.json}, {@code inputs/}
 * (contract test inputs), {@code .cfn_metadata.json} and {@code target/<handler jar>}. Everything but the handler
 * jar is read from this jar's classpath, so the same code runs in the build ({@code mvn package}) and for a user
 * outside this repository who has only the handler jar ({@code ivsrt packages}).
 *
 * <p>Entries carry a fixed timestamp: the same inputs give the same bytes, so a CDK asset built from a package
 * keeps its hash from one build to the next.
 */
public final class TypePackages {

    /** Lambda runtime identifiers: {@code java21}, {@code java17.al2023}, {@code java25}, ... */
    static final Pattern RUNTIME = Pattern.compile("^java[0-9]+(\\.al[0-9]+)?$");

    /** Where the build puts each type's contract inputs and the package metadata on the classpath. */
    static final String RESOURCES = "/community/ivsrealtime/registry/package/";

    /** The contract input files every package carries (set 1: every property; set 2: only required ones). */
    public static final List<String> INPUT_FILES = List.of(
        "inputs_1_create.json", "inputs_1_update.json", "inputs_1_invalid.json",
        "inputs_2_create.json", "inputs_2_update.json", "inputs_2_invalid.json");

    private static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01, zip's epoch
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TypePackages() {
    }

    /**
     * Writes {@code <outDir>/community-ivsrealtime-<type>.zip} for every type around {@code handlerJar}, declaring
     * {@code runtime}; returns the files written.
     */
    public static List<Path> write(final Path handlerJar, final Path outDir, final String runtime) {
        checkRuntime(runtime);
        if (!Files.isRegularFile(handlerJar)) {
            throw new IllegalArgumentException("handler jar " + handlerJar + " does not exist (build it with mvn package)");
        }
        final List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            for (ResourceType type : ResourceType.values()) {
                final Path zip = outDir.resolve(type.packageFileName());
                final Path partial = outDir.resolve(type.packageFileName() + ".partial");
                try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream out = new ZipOutputStream(file)) {
                    entry(out, ".rpdk-config", rpdkConfig(type, runtime));
                    entry(out, "schema.json", resource(type.schemaFileName(), "/" + type.schemaFileName()));
                    for (String input : INPUT_FILES) {
                        entry(out, "inputs/" + input, resource(input, RESOURCES + type.lowerName() + "/inputs/" + input));
                    }
                    entry(out, ".cfn_metadata.json", resource("cfn_metadata.json", RESOURCES + "cfn_metadata.json"));
                    entry(out, "target/" + handlerJar.getFileName(), Files.readAllBytes(handlerJar));
                }
                Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** The {@code .rpdk-config} of {@code type}: what {@code cfn init} writes for a Java project. */
    public static byte[] rpdkConfig(final ResourceType type, final String runtime) {
        checkRuntime(runtime);
        final ObjectNode config = JSON.createObjectNode();
        config.put("artifact_type", "RESOURCE");
        config.put("typeName", type.typeName());
        config.put("language", "java");
        config.put("runtime", runtime);
        config.put("entrypoint", type.entrypoint());
        config.put("testEntrypoint", type.testEntrypoint());
        final ObjectNode settings = config.putObject("settings");
        final ArrayNode namespace = settings.putArray("namespace");
        for (String part : type.packageName().split("\\.")) {
            namespace.add(part);
        }
        settings.put("codegen_template_path", "default");
        settings.put("protocolVersion", "2.0.0");
        try {
            return (JSON.writeValueAsString(config) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void checkRuntime(final String runtime) {
        if (runtime == null || !RUNTIME.matcher(runtime).matches()) {
            throw new IllegalArgumentException("handler runtime \"" + runtime
                + "\" is not a Lambda Java runtime identifier (java21, java25, java17.al2023, ...)");
        }
    }

    private static byte[] resource(final String name, final String path) throws IOException {
        try (InputStream in = TypePackages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath at " + path);
            }
            return in.readAllBytes();
        }
    }

    private static void entry(final ZipOutputStream out, final String name, final byte[] content) throws IOException {
        final ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    /**
     * Build-time entry point: {@code packages <handler jar> <out dir> <runtime>} writes the zips;
     * {@code sam-template <file> <runtime>} writes template.yml.
     */
    public static void main(final String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("packages")) {
            final List<Path> zips = write(Path.of(args[1]), Path.of(args[2]), args[3]);
            System.out.println("type packages (" + args[3] + "): " + zips.size() + " zips in " + Path.of(args[2]));
        } else if (args.length == 3 && args[0].equals("sam-template")) {
            Files.writeString(Path.of(args[1]), SamTemplate.render(args[2]));
            System.out.println("wrote " + args[1] + " (" + args[2] + ")");
        } else {
            throw new IllegalArgumentException("usage: packages <handler jar> <out dir> <runtime> | sam-template <file> <runtime>");
        }
    }
}
