package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.core.IvsException;
import community.ivsrealtime.emulator.core.OperationHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;

/**
 * The in-memory IVS Real-Time service, per account and region: runs the operations of its
 * {@link OperationRegistry} (one class per resource family) and the {@link Simulation}. Input has been validated
 * against the model before {@link #invoke} is called; the families apply the business and cross-field rules of
 * the API reference. Thread-safe: one read-write lock per account and region; an operation registered as a read
 * shares it, a write holds it alone.
 *
 * <p>Lists are in creation order; {@code maxResults} defaults to 100 for compositions, encoder and storage
 * configurations and to 50 for the rest (API reference, ListCompositions etc.).
 */
public final class IvsRealTimeService implements OperationHandler {
    /** The latest service time {@code advanceTime} may reach (the end of the 4-digit years of ISO-8601). */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Clock clock;
    private final Quotas quotas;
    private final OperationRegistry registry;
    private final Simulation simulation;
    private final Map<String, RegionStore> stores = new ConcurrentHashMap<>();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final StateFile state;

    public IvsRealTimeService(Clock clock, Quotas quotas) {
        this(clock, quotas, null);
    }

    /**
     * A service that saves its resources in {@code stateDir} ({@link StateFile}) after each write operation and
     * loads them now, if the directory holds a saved state.
     *
     * @param stateDir where the state is kept, or null to keep it in memory only
     * @throws IllegalStateException naming the file when the saved state cannot be read
     */
    public IvsRealTimeService(Clock clock, Quotas quotas, Path stateDir) {
        this.clock = clock;
        this.quotas = quotas;
        Sessions sessions = new Sessions(quotas);
        this.registry = new OperationRegistry(
                new StageOperations(quotas, sessions),
                new ConfigurationOperations(quotas),
                new PublicKeyOperations(quotas),
                new IngestConfigurationOperations(quotas, sessions),
                new CompositionOperations(quotas),
                new ParticipantOperations(sessions),
                new TagOperations());
        this.simulation = new Simulation(this, sessions);
        this.state = stateDir == null ? null : new StateFile(stateDir);
        if (state != null) {
            StateFile.Loaded loaded = state.load();
            if (loaded != null) {
                stores.putAll(loaded.stores());
                offset.set(loaded.offset());
            }
        }
    }

    public IvsRealTimeService() {
        this(Clock.systemUTC(), Quotas.defaults());
    }

    public Quotas quotas() {
        return quotas;
    }

    /** Forgets all state of all accounts and regions and any {@code advanceTime} (quotas are kept). */
    public void reset() {
        stores.clear();
        offset.set(Duration.ZERO);
        save();
    }

    /** The file the state is saved in, or null when it is kept in memory only. */
    public Path stateFile() {
        return state == null ? null : state.path();
    }

    /**
     * Saves the state now (it is also saved after each write operation); does nothing without a state directory.
     * Saves run one at a time, each reading every account and region under its read lock.
     */
    public void save() {
        if (state != null) {
            saveNow();
        }
    }

    private synchronized void saveNow() {
        state.save(stores, offset.get());
    }

    /** The service's current time: the clock plus any {@code advanceTime}, at millisecond precision. */
    public Instant now() {
        return clock.instant().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public ObjectNode invoke(String operation, ObjectNode input, CallContext ctx) {
        Operation op = registry.get(operation);
        if (op == null) {
            throw IvsException.validation("Unknown operation: " + operation);
        }
        RegionStore store = store(ctx);
        Lock lock = op.access() == Operation.Access.READ ? store.lock.readLock() : store.lock.writeLock();
        ObjectNode output;
        lock.lock();
        try {
            output = op.body().run(input, store, now());
        } finally {
            lock.unlock();
        }
        if (op.access() == Operation.Access.WRITE) {
            save(); // after the lock is released: a save reads every store
        }
        return output;
    }

    /** Simulation actions ({@link Simulation}; also {@code POST /_emulator/simulate/{action}}). */
    public ObjectNode admin(String action, ObjectNode body, CallContext ctx) {
        return simulation.run(action, body, ctx);
    }

    OperationRegistry registry() {
        return registry;
    }

    RegionStore store(CallContext ctx) {
        return stores.computeIfAbsent(ctx.accountId() + " " + ctx.region(),
                k -> new RegionStore(ctx.accountId(), ctx.region()));
    }

    /** Moves the service clock forward by {@code seconds} (a JSON number >= 0); returns the new time. */
    Instant advance(JsonNode seconds) {
        if (seconds == null || seconds.asDouble() < 0) {
            throw IvsException.validation("advanceTime member seconds must be a number >= 0, got " + seconds);
        }
        long millis = (long) (seconds.asDouble() * 1000); // saturates at Long.MAX_VALUE
        offset.updateAndGet(d -> {
            // keep the service time within 4-digit years: later instants are not ISO-8601 timestamps the SDKs
            // parse, and past Instant.MAX every call would fail
            Instant target;
            try {
                target = clock.instant().plus(d).plusMillis(millis);
            } catch (DateTimeException | ArithmeticException e) {
                target = null;
            }
            if (target == null || target.isAfter(LATEST)) {
                throw IvsException.validation("advanceTime: seconds " + seconds.asText()
                        + " would move the clock past " + LATEST);
            }
            return d.plusMillis(millis);
        });
        save();
        return now();
    }
}
