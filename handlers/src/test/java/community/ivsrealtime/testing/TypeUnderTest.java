package community.ivsrealtime.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.LocalInvoker;
import community.ivsrealtime.registry.ResourceType;
import community.ivsrealtime.schema.TypeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The five resource types as the handler tests see them: the invoker (main code, {@link LocalInvoker}), the service operations each action
 * calls, and the contract inputs ({@code src/package/<type>/inputs/inputs_<set>_*.json}, shipped in the
 * RegisterType zips).
 */
public enum TypeUnderTest {
    STAGE("CreateStage", "GetStage", "UpdateStage", "DeleteStage", "ListStages"),
    ENCODER_CONFIGURATION("CreateEncoderConfiguration", "GetEncoderConfiguration", null, "DeleteEncoderConfiguration",
        "ListEncoderConfigurations"),
    STORAGE_CONFIGURATION("CreateStorageConfiguration", "GetStorageConfiguration", null, "DeleteStorageConfiguration",
        "ListStorageConfigurations"),
    PUBLIC_KEY("ImportPublicKey", "GetPublicKey", null, "DeletePublicKey", "ListPublicKeys"),
    INGEST_CONFIGURATION("CreateIngestConfiguration", "GetIngestConfiguration", "UpdateIngestConfiguration",
        "DeleteIngestConfiguration", "ListIngestConfigurations");

    public final String directory;
    public final String typeName;
    public final String createOp;
    public final String getOp;
    /** Null for types without an update API. */
    public final String updateOp;
    public final String deleteOp;
    public final String listOp;

    TypeUnderTest(final String createOp, final String getOp, final String updateOp, final String deleteOp,
                  final String listOp) {
        this.directory = files().lowerName();
        this.typeName = files().typeName();
        this.createOp = createOp;
        this.getOp = getOp;
        this.updateOp = updateOp;
        this.deleteOp = deleteOp;
        this.listOp = listOp;
    }

    /** The stack every test request comes from. */
    public static final String STACK_ID =
        "arn:aws:cloudformation:us-east-1:123456789012:stack/test-stack/11111111-2222-3333-4444-555555555555";

    /** The system tags CloudFormation adds to a resource of {@link #STACK_ID}. */
    public static Map<String, String> systemTagsFor(final String logicalId) {
        return HandlerRequest.systemTags(STACK_ID, logicalId);
    }

    public LocalInvoker invoker() {
        Loopback.confine();
        return LocalInvoker.forType(typeName);
    }

    /**
     * A request of {@link #STACK_ID} signed with the local endpoint's default credential pair (no
     * providerCredentials / providerLogGroupName: those would make the plugin publish to CloudWatch).
     */
    public HandlerRequest request(final String action) {
        Loopback.confine();
        return HandlerRequest.of(action, typeName)
            .awsAccountId(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID)
            .region(IvsRealTimeEmulator.DEFAULT_REGION)
            .stackId(STACK_ID)
            .logicalResourceId("MyResource")
            .callerCredentials(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID,
                IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY, "test-session-token");
    }

    /** The same type as the schema tests see it: its files in the repository (constants of the same names). */
    public ResourceType files() {
        return ResourceType.valueOf(name());
    }

    /** Every (type, input set) pair ({@link TypeFiles#INPUT_SETS}), for parameterized tests. */
    public static Stream<Arguments> withInputSets() {
        return Arrays.stream(values()).flatMap(t -> TypeFiles.INPUT_SETS.stream().map(set -> Arguments.of(t, set)));
    }

    public ObjectNode createInput() {
        return createInput(1);
    }

    public ObjectNode createInput(final int set) {
        return input(set, "create");
    }

    public ObjectNode updateInput() {
        return updateInput(1);
    }

    public ObjectNode updateInput(final int set) {
        return input(set, "update");
    }

    public ObjectNode invalidInput() {
        return input(1, "invalid");
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

    private ObjectNode input(final int set, final String kind) {
        final Path path = TypeFiles.inputFile(files(), set, kind);
        try {
            return (ObjectNode) HandlerRequest.JSON.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("contract input " + path.toAbsolutePath(), e);
        }
    }
}
