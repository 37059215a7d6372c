package community.ivsrealtime.emulator.service;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Configurable service quotas of the local endpoint. Every quota applies per account and region (as in
 * IVS: "All quotas are enforced on a per-account basis in a specific AWS region"). Exceeding one makes the
 * creating call fail with {@code ServiceQuotaExceededException} (HTTP 402).
 *
 * <table>
 *   <caption>Quota names and defaults</caption>
 *   <tr><th>name</th><th>default</th><th>counts</th><th>source of the default</th></tr>
 *   <tr><td>{@value #STAGES}</td><td>1,000,000</td><td>stages</td><td>generous, so benchmarks and bulk tests can hold 100,000 stages; IVS's own default is 100 per region
 *       (adjustable; IVS Real-Time User Guide, "Service Quotas"): set it to 100 to test against that</td></tr>
 *   <tr><td>{@value #ENCODER_CONFIGURATIONS}</td><td>20</td><td>encoder configurations</td>
 *       <td>IVS Real-Time User Guide, "Service Quotas", Other Quotas: EncoderConfigurations 20</td></tr>
 *   <tr><td>{@value #STORAGE_CONFIGURATIONS}</td><td>10,000</td><td>storage configurations</td><td>generous</td></tr>
 *   <tr><td>{@value #PUBLIC_KEYS}</td><td>10,000</td><td>public keys</td><td>generous</td></tr>
 *   <tr><td>{@value #INGEST_CONFIGURATIONS}</td><td>10,000</td><td>ingest configurations</td><td>generous</td></tr>
 *   <tr><td>{@value #COMPOSITIONS}</td><td>5</td><td>concurrent (not stopped) compositions</td>
 *       <td>IVS Real-Time User Guide, "Service Quotas", Other Quotas: Compositions 5</td></tr>
 *   <tr><td>{@value #PARTICIPANTS_PER_STAGE}</td><td>25,000</td><td>connected participants of a stage session</td><td>generous; IVS documents
 *       10,000 subscribers per stage (adjustable) plus 12 publishers</td></tr>
 *   <tr><td>{@value #PUBLISHERS_PER_STAGE}</td><td>12</td><td>participants publishing at once in a stage</td>
 *       <td>IVS Real-Time documentation: up to 12 publishers per stage</td></tr>
 * </table>
 * Thread-safe; changes take effect on the next call.
 */
public final class Quotas {
    public static final String STAGES = "stages";
    public static final String ENCODER_CONFIGURATIONS = "encoderConfigurations";
    public static final String STORAGE_CONFIGURATIONS = "storageConfigurations";
    public static final String PUBLIC_KEYS = "publicKeys";
    public static final String INGEST_CONFIGURATIONS = "ingestConfigurations";
    public static final String COMPOSITIONS = "compositions";
    public static final String PARTICIPANTS_PER_STAGE = "participantsPerStage";
    public static final String PUBLISHERS_PER_STAGE = "publishersPerStage";

    private static final Map<String, Integer> DEFAULTS = Map.of(
            STAGES, 1_000_000,
            ENCODER_CONFIGURATIONS, 20,
            STORAGE_CONFIGURATIONS, 10_000,
            PUBLIC_KEYS, 10_000,
            INGEST_CONFIGURATIONS, 10_000,
            COMPOSITIONS, 5,
            PARTICIPANTS_PER_STAGE, 25_000,
            PUBLISHERS_PER_STAGE, 12);

    private final Map<String, Integer> values = new ConcurrentHashMap<>(DEFAULTS);

    /** The documented defaults (see the class comment). */
    public static Quotas defaults() {
        return new Quotas();
    }

    /** All quota names. */
    public static Set<String> names() {
        return DEFAULTS.keySet();
    }

    /**
     * @throws IllegalArgumentException for an unknown quota name
     */
    public int get(String name) {
        Integer v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown quota: " + name + " (known: " + new TreeMap<>(DEFAULTS).keySet() + ")");
        }
        return v;
    }

    /**
     * Sets a quota.
     *
     * @throws IllegalArgumentException for an unknown name or a negative value
     */
    public Quotas set(String name, int value) {
        if (!DEFAULTS.containsKey(name)) {
            throw new IllegalArgumentException("unknown quota: " + name + " (known: " + new TreeMap<>(DEFAULTS).keySet() + ")");
        }
        if (value < 0) {
            throw new IllegalArgumentException("quota " + name + " must be >= 0, got " + value);
        }
        values.put(name, value);
        return this;
    }

    /** Puts every quota back to its default. */
    public Quotas restoreDefaults() {
        values.putAll(DEFAULTS);
        return this;
    }

    /** The current values, sorted by name. */
    public Map<String, Integer> asMap() {
        return new TreeMap<>(values);
    }
}
