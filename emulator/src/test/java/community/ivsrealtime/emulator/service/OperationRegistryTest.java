package community.ivsrealtime.emulator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.ivsrealtime.emulator.protocol.ServiceModel;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The operation registry holds exactly the model's operations, each marked read or write where it is registered. */
class OperationRegistryTest {
    private final OperationRegistry registry = new IvsRealTimeService().registry();

    @Test
    void registryKeysAreExactlyTheModelsOperations() {
        assertThat(new TreeSet<>(registry.operations().keySet()))
                .isEqualTo(new TreeSet<>(ServiceModel.get().operations().keySet()))
                .hasSize(39);
    }

    @Test
    void getAndListOperationsAreReadsAndEverythingElseWrites() {
        Map<String, Operation.Access> access = registry.operations().values().stream()
                .collect(Collectors.toMap(Operation::name, Operation::access));
        access.forEach((name, a) -> assertThat(a).as(name)
                .isEqualTo(name.startsWith("Get") || name.startsWith("List") ? Operation.Access.READ
                        : Operation.Access.WRITE));
        assertThat(access.values().stream().filter(a -> a == Operation.Access.READ)).hasSize(19);
    }

    @Test
    void anOperationRegisteredTwiceIsRefused() {
        assertThatThrownBy(() -> new OperationRegistry(new TagOperations(), new TagOperations()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("registered twice");
    }
}
