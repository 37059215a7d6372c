package community.ivsrealtime.cdk;

import java.util.List;

/**
 * Whether individual participant recording takes thumbnails.
 */
public final class ThumbnailRecordingMode extends Choice {
    /** A thumbnail every {@code thumbnailInterval}. */
    public static final ThumbnailRecordingMode INTERVAL = new ThumbnailRecordingMode("INTERVAL");

    /** No thumbnails (IVS's default). */
    public static final ThumbnailRecordingMode DISABLED = new ThumbnailRecordingMode("DISABLED");

    /** The values the schema allows. */
    static final List<String> VALUES = List.of("INTERVAL", "DISABLED");

    private ThumbnailRecordingMode(String value) {
        super(value);
    }

    /**
     * Escape hatch for a value this library does not know yet; synthesis rejects a value the schema does not
     * allow.
     *
     * @param value the value as IVS spells it
     * @return the choice
     */
    public static ThumbnailRecordingMode of(String value) {
        return new ThumbnailRecordingMode(value);
    }
}
