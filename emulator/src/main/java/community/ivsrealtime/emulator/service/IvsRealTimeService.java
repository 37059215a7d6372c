package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.core.IvsException;
import community.ivsrealtime.emulator.core.OperationHandler;
import java.time.Clock;

/** PLACEHOLDER (being written): the in-memory business logic of all 39 operations. */
public final class IvsRealTimeService implements OperationHandler {
    private final Clock clock;
    private final Quotas quotas;

    public IvsRealTimeService(Clock clock, Quotas quotas) {
        this.clock = clock;
        this.quotas = quotas;
    }

    public IvsRealTimeService() {
        this(Clock.systemUTC(), Quotas.defaults());
    }

    @Override
    public ObjectNode invoke(String operation, ObjectNode input, CallContext ctx) {
        throw IvsException.internal("not implemented yet: " + operation);
    }

    /** Simulation and other admin actions (participants joining, publishing, leaving, ...). */
    public ObjectNode admin(String action, ObjectNode body, CallContext ctx) {
        throw IvsException.validation("unknown admin action: " + action);
    }

    public Quotas quotas() {
        return quotas;
    }

    /** Forgets all state of all accounts and regions (quotas are kept). */
    public void reset() {
    }
}
