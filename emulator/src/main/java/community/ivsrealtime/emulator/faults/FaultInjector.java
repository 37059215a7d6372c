package community.ivsrealtime.emulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The injected faults. For each call the first active fault that matches the operation (in injection order)
 * and wins its fraction draw applies, and one of its remaining {@code times} is used up. Thread-safe.
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

    public synchronized FaultInjector inject(Fault fault) {
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

    /** Picks the fault for a call of {@code operation} and uses it up, or empty when none applies. */
    public synchronized Optional<Fault> next(String operation) {
        for (int i = 0; i < active.size(); i++) {
            Active a = active.get(i);
            if (!a.fault.matches(operation)) {
                continue;
            }
            if (a.fault.fraction() < 1.0 && random.getAsDouble() >= a.fault.fraction()) {
                continue;
            }
            if (a.remaining > 0 && --a.remaining == 0) {
                active.remove(i);
            }
            return Optional.of(a.fault);
        }
        return Optional.empty();
    }
}
