package community.ivsrealtime.cdk;

import java.util.List;

/**
 * The protocol an encoder uses to publish into a stage through an ingest configuration.
 */
public final class IngestProtocol extends Choice {
    /** RTMP, unencrypted: needs {@code insecureIngest}. */
    public static final IngestProtocol RTMP = new IngestProtocol("RTMP");

    /** RTMP over TLS. */
    public static final IngestProtocol RTMPS = new IngestProtocol("RTMPS");

    /** The values the schema allows. */
    static final List<String> VALUES = List.of("RTMP", "RTMPS");

    private IngestProtocol(String value) {
        super(value);
    }

    /**
     * Escape hatch for a value this library does not know yet; synthesis rejects a value the schema does not
     * allow.
     *
     * @param value the value as IVS spells it
     * @return the choice
     */
    public static IngestProtocol of(String value) {
        return new IngestProtocol(value);
    }
}
