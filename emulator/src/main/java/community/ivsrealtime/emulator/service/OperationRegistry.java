package community.ivsrealtime.emulator.service;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The endpoint's operations by model name, filled by one class per resource family ({@link StageOperations},
 * {@link ConfigurationOperations}, {@link PublicKeyOperations}, {@link IngestConfigurationOperations},
 * {@link CompositionOperations}, {@link ParticipantOperations}, {@link TagOperations}). Each family marks every
 * operation it registers as a read or a write, next to the operation.
 */
final class OperationRegistry {
    /** A resource family registers its operations here. */
    interface Family {
        void register(OperationRegistry registry);
    }

    private final Map<String, Operation> operations = new TreeMap<>();

    OperationRegistry(Family... families) {
        for (Family family : families) {
            family.register(this);
        }
    }

    /** Registers an operation that only reads state. */
    void read(String name, Operation.Body body) {
        add(new Operation(name, Operation.Access.READ, body));
    }

    /** Registers an operation that changes state. */
    void write(String name, Operation.Body body) {
        add(new Operation(name, Operation.Access.WRITE, body));
    }

    private void add(Operation operation) {
        if (operations.putIfAbsent(operation.name(), operation) != null) {
            throw new IllegalStateException("operation " + operation.name() + " registered twice");
        }
    }

    /** The operation, or null. */
    Operation get(String name) {
        return operations.get(name);
    }

    /** All operations, sorted by name. */
    Map<String, Operation> operations() {
        return Collections.unmodifiableMap(operations);
    }
}
