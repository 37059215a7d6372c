package community.ivsrealtime.emulator.faults;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The log of calls the endpoint answered, in arrival order. It keeps the most recent {@link #capacity()} calls
 * (so a long-running endpoint does not grow without bound); the per-operation counts cover every call since the
 * last {@link #clear()}. Thread-safe.
 */
public final class CallLog {
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final ArrayDeque<RecordedCall> calls = new ArrayDeque<>();
    private final Map<String, Long> counts = new TreeMap<>();

    public CallLog() {
        this(DEFAULT_CAPACITY);
    }

    public CallLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public synchronized void record(RecordedCall call) {
        if (calls.size() == capacity) {
            calls.removeFirst();
        }
        calls.addLast(call);
        counts.merge(call.operation(), 1L, Long::sum);
    }

    /** The recorded calls, oldest first. */
    public synchronized List<RecordedCall> all() {
        return List.copyOf(calls);
    }

    /** Calls of one operation, whatever their outcome. */
    public synchronized long count(String operation) {
        return counts.getOrDefault(operation, 0L);
    }

    /** Number of calls per operation, sorted by operation name. */
    public synchronized Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    public synchronized void clear() {
        calls.clear();
        counts.clear();
    }

    public int capacity() {
        return capacity;
    }
}
