package community.ivsrealtime.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Command line of the generator.
 * <ul>
 *   <li>{@code models <schemaDir> <outDir>}: writes the model classes of every schema (run at build time).</li>
 *   <li>{@code docs <schemaDir> <docsDir>}: writes the Markdown property reference of every schema.</li>
 *   <li>{@code cdk-l1 <schemaDir> <outDir>}: writes the typed CDK L1 classes of every schema (run at build time by
 *       {@code cdk-constructs}).</li>
 * </ul>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !java.util.Set.of("models", "docs", "cdk-l1").contains(args[0])) {
            System.err.println("usage: (models|docs|cdk-l1) <schemaDir> <outDir>");
            throw new IllegalArgumentException("bad arguments");
        }
        Path schemas = Path.of(args[1]).toAbsolutePath().normalize();
        Path out = Path.of(args[2]).toAbsolutePath().normalize();
        int files = 0;
        List<ResourceSchema> all = ResourceSchema.loadAll(schemas);
        if (args[0].equals("cdk-l1")) {
            for (Map.Entry<String, String> e : CdkL1Generator.index(all).entrySet()) {
                write(out.resolve(e.getKey()), e.getValue());
                files++;
            }
        }
        for (ResourceSchema schema : all) {
            if (!args[0].equals("docs")) {
                Map<String, String> sources = args[0].equals("models")
                        ? ModelGenerator.generate(schema) : CdkL1Generator.generate(schema);
                for (Map.Entry<String, String> e : sources.entrySet()) {
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
