package community.ivsrealtime.cdk;

import java.util.List;

/**
 * The {@code SimulcastLayer} dimension of the per-participant {@code PublishBitrate} metric.
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeUserGuide/stage-health.html">Monitoring IVS Real-Time Streaming</a>
 */
public final class SimulcastLayer extends Choice {
    /** The high layer. */
    public static final SimulcastLayer HI = new SimulcastLayer("hi");

    /** The middle layer. */
    public static final SimulcastLayer MID = new SimulcastLayer("mid");

    /** The low layer. */
    public static final SimulcastLayer LOW = new SimulcastLayer("low");

    /** No simulcast. */
    public static final SimulcastLayer NONE = new SimulcastLayer("none");

    /** The values the schema allows. */
    static final List<String> VALUES = List.of("hi", "mid", "low", "none");

    private SimulcastLayer(String value) {
        super(value);
    }

    /**
     * Escape hatch for a value this library does not know yet; synthesis rejects a value the schema does not
     * allow.
     *
     * @param value the value as IVS spells it
     * @return the choice
     */
    public static SimulcastLayer of(String value) {
        return new SimulcastLayer(value);
    }
}
