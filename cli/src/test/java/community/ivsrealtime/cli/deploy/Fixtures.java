package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.cli.Secrets;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.local.HandlerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/** Test templates (src/test/resources/templates) and a look at the endpoint's resources. */
final class Fixtures {

    private Fixtures() {
    }

    /** A template from the test resources, as JSON to change. */
    static ObjectNode template(final String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/templates/" + name)) {
            return (ObjectNode) HandlerRequest.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code template} to {@code dir/name} and returns it as a stack source named {@code stack}. */
    static List<StackSource> stack(final Path dir, final String name, final String stack, final JsonNode template) {
        try {
            final Path file = dir.resolve(name);
            Files.writeString(file, template.toPrettyString());
            return StackSource.load(file, stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack template with the demo's changes: stages renamed, ingest moved to the backup stage, encoder wider. */
    static ObjectNode changed(final ObjectNode template) {
        final ObjectNode copy = template.deepCopy();
        final ObjectNode parameters = (ObjectNode) copy.get("Parameters");
        ((ObjectNode) parameters.get("StageName")).put("Default", "renamed-stage");
        ((ObjectNode) parameters.get("IngestStage")).put("Default", "backup");
        ((ObjectNode) parameters.get("EncoderWidth")).put("Default", "1920");
        return copy;
    }

    /** A deployer at {@code emulator} with its state in {@code stateFile}, printing to {@code out}. */
    static Deployer deployer(final IvsRealTimeEmulator emulator, final Path stateFile, final StringWriter out) {
        return new Deployer(new StateStore(stateFile), Connection.local(emulator, IvsRealTimeEmulator.DEFAULT_REGION),
            new Printer(new PrintWriter(out, true), new Secrets()));
    }

    static IvsRealTimeClient client(final IvsRealTimeEmulator emulator) {
        return IvsRealTimeClient.builder().endpointOverride(emulator.endpoint())
            .region(Region.of(IvsRealTimeEmulator.DEFAULT_REGION))
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)))
            .build();
    }

    /** What the endpoint holds: ARN to name, per kind (stage, storage, encoder, key, ingest). */
    static Map<String, Map<String, String>> inventory(final IvsRealTimeClient ivs) {
        final Map<String, Map<String, String>> all = new TreeMap<>();
        final Map<String, String> stages = new TreeMap<>();
        ivs.listStagesPaginator(r -> { }).stream().flatMap(p -> p.stages().stream())
            .forEach(s -> stages.put(s.arn(), s.name()));
        all.put("stage", stages);
        final Map<String, String> storage = new TreeMap<>();
        ivs.listStorageConfigurationsPaginator(r -> { }).stream()
            .flatMap(p -> p.storageConfigurations().stream()).forEach(s -> storage.put(s.arn(), s.name()));
        all.put("storage", storage);
        final Map<String, String> encoders = new TreeMap<>();
        ivs.listEncoderConfigurationsPaginator(r -> { }).stream()
            .flatMap(p -> p.encoderConfigurations().stream()).forEach(s -> encoders.put(s.arn(), s.name()));
        all.put("encoder", encoders);
        final Map<String, String> keys = new TreeMap<>();
        ivs.listPublicKeysPaginator(r -> { }).stream().flatMap(p -> p.publicKeys().stream())
            .forEach(s -> keys.put(s.arn(), s.name()));
        all.put("key", keys);
        final Map<String, String> ingest = new TreeMap<>();
        ivs.listIngestConfigurationsPaginator(r -> { }).stream()
            .flatMap(p -> p.ingestConfigurations().stream()).forEach(s -> ingest.put(s.arn(), s.name()));
        all.put("ingest", ingest);
        return all;
    }

    /** The number of resources the endpoint holds, all kinds together. */
    static int count(final IvsRealTimeClient ivs) {
        return inventory(ivs).values().stream().mapToInt(Map::size).sum();
    }

    /** The endpoint's call counts since the last clear, then clears them. */
    static Map<String, Long> takeCalls(final IvsRealTimeEmulator emulator) {
        final Map<String, Long> counts = new TreeMap<>(emulator.calls().counts());
        emulator.calls().clear();
        return counts;
    }
}
