package community.ivsrealtime.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import software.amazon.cloudformation.LambdaWrapper;

/**
 * The five resource types as the handler tests see them: the wrapper, the service operations each action
 * calls, and the contract inputs ({@code src/package/<type>/inputs/inputs_1_*.json}, shipped in the
 * RegisterType zips).
 */
public enum TypeUnderTest {
    STAGE("stage", "Community::IVSRealTime::Stage", community.ivsrealtime.stage.HandlerWrapper::new,
        "CreateStage", "GetStage", "UpdateStage", "DeleteStage", "ListStages"),
    ENCODER_CONFIGURATION("encoderconfiguration", "Community::IVSRealTime::EncoderConfiguration",
        community.ivsrealtime.encoderconfiguration.HandlerWrapper::new,
        "CreateEncoderConfiguration", "GetEncoderConfiguration", null, "DeleteEncoderConfiguration",
        "ListEncoderConfigurations"),
    STORAGE_CONFIGURATION("storageconfiguration", "Community::IVSRealTime::StorageConfiguration",
        community.ivsrealtime.storageconfiguration.HandlerWrapper::new,
        "CreateStorageConfiguration", "GetStorageConfiguration", null, "DeleteStorageConfiguration",
        "ListStorageConfigurations"),
    PUBLIC_KEY("publickey", "Community::IVSRealTime::PublicKey", community.ivsrealtime.publickey.HandlerWrapper::new,
        "ImportPublicKey", "GetPublicKey", null, "DeletePublicKey", "ListPublicKeys"),
    INGEST_CONFIGURATION("ingestconfiguration", "Community::IVSRealTime::IngestConfiguration",
        community.ivsrealtime.ingestconfiguration.HandlerWrapper::new,
        "CreateIngestConfiguration", "GetIngestConfiguration", "UpdateIngestConfiguration",
        "DeleteIngestConfiguration", "ListIngestConfigurations");

    public final String directory;
    public final String typeName;
    public final String createOp;
    public final String getOp;
    /** Null for types without an update API. */
    public final String updateOp;
    public final String deleteOp;
    public final String listOp;
    private final Supplier<? extends LambdaWrapper<?, ?, ?>> wrapper;

    TypeUnderTest(final String directory, final String typeName, final Supplier<? extends LambdaWrapper<?, ?, ?>> wrapper,
                  final String createOp, final String getOp, final String updateOp, final String deleteOp,
                  final String listOp) {
        this.directory = directory;
        this.typeName = typeName;
        this.wrapper = wrapper;
        this.createOp = createOp;
        this.getOp = getOp;
        this.updateOp = updateOp;
        this.deleteOp = deleteOp;
        this.listOp = listOp;
    }

    public Invoker invoker() {
        return new Invoker(wrapper);
    }

    public HandlerRequests request(final String action) {
        return HandlerRequests.request(action, typeName);
    }

    public ObjectNode createInput() {
        return input("inputs_1_create.json");
    }

    public ObjectNode updateInput() {
        return input("inputs_1_update.json");
    }

    public ObjectNode invalidInput() {
        return input("inputs_1_invalid.json");
    }

    /** An ARN of this type that does not exist. */
    public String missingArn() {
        final String kind = switch (this) {
            case STAGE -> "stage";
            case ENCODER_CONFIGURATION -> "encoder-configuration";
            case STORAGE_CONFIGURATION -> "storage-configuration";
            case PUBLIC_KEY -> "public-key";
            case INGEST_CONFIGURATION -> "ingest-configuration";
        };
        return "arn:aws:ivs:us-east-1:123456789012:" + kind + "/neverCreated1";
    }

    private ObjectNode input(final String file) {
        final Path path = Path.of("src", "package", directory, "inputs", file);
        try {
            return (ObjectNode) HandlerRequests.JSON.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("contract input " + path.toAbsolutePath(), e);
        }
    }
}
