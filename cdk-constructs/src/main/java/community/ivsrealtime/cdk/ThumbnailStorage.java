package community.ivsrealtime.cdk;

import java.util.List;

/**
 * How thumbnails of individual participant recordings are stored.
 */
public final class ThumbnailStorage extends Choice {
    /** Every thumbnail, in order (IVS's default). */
    public static final ThumbnailStorage SEQUENTIAL = new ThumbnailStorage("SEQUENTIAL");

    /** Only the latest thumbnail, overwritten each time. */
    public static final ThumbnailStorage LATEST = new ThumbnailStorage("LATEST");

    /** The values the schema allows. */
    static final List<String> VALUES = List.of("SEQUENTIAL", "LATEST");

    private ThumbnailStorage(String value) {
        super(value);
    }

    /**
     * Escape hatch for a value this library does not know yet; synthesis rejects a value the schema does not
     * allow.
     *
     * @param value the value as IVS spells it
     * @return the choice
     */
    public static ThumbnailStorage of(String value) {
        return new ThumbnailStorage(value);
    }
}
