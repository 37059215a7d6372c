package community.ivsrealtime.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Command line of the generator.
 * <ul>
 *   <li>{@code models <schemaDir> <outDir>}: writes the model classes of every schema (run at build time).</li>
 *   <li>{@code docs <schemaDir> <docsDir>}: writes the Markdown property reference of every schema.</li>
 * </ul>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("models") || args[0].equals("docs"))) {
            System.err.println("usage: (models|docs) <schemaDir> <outDir>");
            throw new IllegalArgumentException("bad arguments");
        }
        Path schemas = Path.of(args[1]).toAbsolutePath().normalize();
        Path out = Path.of(args[2]).toAbsolutePath().normalize();
        int files = 0;
        for (ResourceSchema schema : ResourceSchema.loadAll(schemas)) {
            if (args[0].equals("models")) {
                for (Map.Entry<String, String> e : ModelGenerator.generate(schema).entrySet()) {
                    write(out.resolve(e.getKey()), e.getValue());
                    files++;
                }
            } else {
                write(out.resolve(DocsGenerator.docFileName(schema)), DocsGenerator.render(schema));
                files++;
            }
        }
        System.out.println("codegen " + args[0] + ": " + files + " files in " + out);
    }

    /** Writes only when the content changed, so that incremental compilation is not triggered for nothing. */
    static void write(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
