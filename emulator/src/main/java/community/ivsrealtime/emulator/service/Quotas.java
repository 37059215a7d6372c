package community.ivsrealtime.emulator.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** PLACEHOLDER (being written): configurable service quotas, per account and region. */
public final class Quotas {
    private final Map<String, Integer> values = new ConcurrentHashMap<>();

    public static Quotas defaults() {
        return new Quotas();
    }

    public int get(String name) {
        return values.getOrDefault(name, Integer.MAX_VALUE);
    }

    public Quotas set(String name, int value) {
        values.put(name, value);
        return this;
    }

    public Map<String, Integer> asMap() {
        return new TreeMap<>(values);
    }
}
