package community.ivsrealtime.cdk;

import java.util.List;

/**
 * What individual participant recording records for each participant (the schema's {@code MediaTypes}).
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_AutoParticipantRecordingConfiguration.html">AutoParticipantRecordingConfiguration</a>
 */
public final class RecordingMediaType extends Choice {
    /** Audio and video (IVS's default). */
    public static final RecordingMediaType AUDIO_VIDEO = new RecordingMediaType("AUDIO_VIDEO");

    /** Audio only. */
    public static final RecordingMediaType AUDIO_ONLY = new RecordingMediaType("AUDIO_ONLY");

    /** Nothing: recording stays configured but records no media. */
    public static final RecordingMediaType NONE = new RecordingMediaType("NONE");

    /** The values the schema allows. */
    static final List<String> VALUES = List.of("AUDIO_VIDEO", "AUDIO_ONLY", "NONE");

    private RecordingMediaType(String value) {
        super(value);
    }

    /**
     * Escape hatch for a value this library does not know yet; synthesis rejects a value the schema does not
     * allow.
     *
     * @param value the value as IVS spells it
     * @return the choice
     */
    public static RecordingMediaType of(String value) {
        return new RecordingMediaType(value);
    }
}
