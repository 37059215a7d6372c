package community.ivsrealtime.emulator.faults;

import java.time.Instant;

/**
 * One call the endpoint answered (or dropped).
 *
 * @param time        when the call arrived
 * @param operation   model operation name
 * @param resourceArn the ARN the call was about (input {@code arn}/{@code stageArn}/{@code resourceArn}, or the
 *                    {@code arn} a create returned), or null
 * @param accessKeyId the access key that signed it, or null when unsigned
 * @param status      HTTP status sent (0 when the connection was dropped, before or after the service acted)
 * @param errorCode   the error code sent, or null on success
 */
public record RecordedCall(Instant time, String operation, String resourceArn, String accessKeyId, int status,
                   String errorCode) {

    /** The error code recorded for a call whose connection was dropped by an injected fault. */
    public static final String DROPPED = "ConnectionDropped";
    /** The error code recorded for a call the service carried out whose response was then dropped by a fault. */
    public static final String DROPPED_AFTER_ACTING = "ConnectionDroppedAfterActing";

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
