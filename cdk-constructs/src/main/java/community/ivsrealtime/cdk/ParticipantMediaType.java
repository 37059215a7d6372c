package community.ivsrealtime.cdk;

import java.util.List;

/**
 * The {@code MediaType} dimension of the per-participant bitrate metrics.
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeUserGuide/stage-health.html">Monitoring IVS Real-Time Streaming</a>
 */
public final class ParticipantMediaType extends Choice {
    /** Video. */
    public static final ParticipantMediaType VIDEO = new ParticipantMediaType("video");

    /** Audio. */
    public static final ParticipantMediaType AUDIO = new ParticipantMediaType("audio");

    /** The values the schema allows. */
    static final List<String> VALUES = List.of("video", "audio");

    private ParticipantMediaType(String value) {
        super(value);
    }

    /**
     * Escape hatch for a value this library does not know yet; synthesis rejects a value the schema does not
     * allow.
     *
     * @param value the value as IVS spells it
     * @return the choice
     */
    public static ParticipantMediaType of(String value) {
        return new ParticipantMediaType(value);
    }
}
