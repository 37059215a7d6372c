package community.ivsrealtime.emulator.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The injected faults. For each call the active faults that match the operation are tried in injection order;
 * each one that wins its fraction draw uses up one of its remaining {@code times}. Delay-only faults add their
 * delay and let the search go on; the first error or dropped-connection fault ends it and applies after the
 * delays gathered so far. So {@code anyOperation().delay(...)} followed by {@code operation("GetStage").status(500)}
 * slows every call and fails GetStage. Thread-safe.
 */
public final class FaultInjector {

    private static final class Active {
        final Fault fault;
        int remaining;

        Active(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times() == null ? -1 : fault.times();
        }
    }

    private final List<Active> active = new ArrayList<>();
    private final DoubleSupplier random;

    public FaultInjector() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a seeded source of random numbers, for reproducible fractions. */
    public FaultInjector(Random random) {
        this(random::nextDouble);
    }

    private FaultInjector(DoubleSupplier random) {
        this.random = random;
    }

    /**
     * Adds a fault after those already active.
     *
     * @throws IllegalArgumentException if the fault would do nothing (no status, error code, delay or dropped
     *                                  connection): it would only use up calls
     */
    public synchronized FaultInjector inject(Fault fault) {
        if (!fault.isError() && !fault.drops() && !fault.dropsAfterActing() && fault.delay().isZero()) {
            throw new IllegalArgumentException("a fault needs a status, an error code, a delay, dropConnection or "
                    + "dropConnectionAfterActing; got "
                    + fault);
        }
        active.add(new Active(fault));
        return this;
    }

    public synchronized void clear() {
        active.clear();
    }

    /** The faults still active (with their configured, not remaining, counts). */
    public synchronized List<Fault> active() {
        return active.stream().map(a -> a.fault).toList();
    }

    /**
     * Picks what happens to a call of {@code operation} and uses it up: the error or dropped-connection fault
     * that applies (with the delays of delay-only faults before it added to its own), a delay-only fault with the
     * total delay, or empty when none applies.
     */
    public synchronized Optional<Fault> next(String operation) {
        Duration delay = Duration.ZERO;
        for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
            Active a = it.next();
            if (!a.fault.matches(operation)) {
                continue;
            }
            if (a.fault.fraction() < 1.0 && random.getAsDouble() >= a.fault.fraction()) {
                continue;
            }
            if (a.remaining > 0 && --a.remaining == 0) {
                it.remove();
            }
            if (a.fault.isError() || a.fault.drops() || a.fault.dropsAfterActing()) {
                return Optional.of(delay.isZero() ? a.fault : a.fault.delay(a.fault.delay().plus(delay)));
            }
            delay = delay.plus(a.fault.delay());
        }
        return delay.isZero() ? Optional.empty() : Optional.of(Fault.anyOperation().delay(delay));
    }
}
