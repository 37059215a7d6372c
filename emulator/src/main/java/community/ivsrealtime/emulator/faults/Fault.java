package community.ivsrealtime.emulator.faults;

import community.ivsrealtime.emulator.protocol.ServiceModel;
import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject: for one operation (or any), an error response (status, error code, message), a delay, or
 * a dropped connection (the socket is closed without a response) before the service acts ({@link #dropConnection()})
 * or after it acted ({@link #dropConnectionAfterActing()}: the operation is applied, the response is lost), for the
 * next N calls and/or a fraction of calls. Immutable; every method returns a changed copy.
 *
 * <pre>{@code
 * emulator.faults().inject(Fault.operation("GetStage").status(429).errorCode("ThrottlingException")
 *         .message("Rate exceeded").times(3));
 * emulator.faults().inject(Fault.anyOperation().delay(Duration.ofMillis(200)).fraction(0.5));
 * }</pre>
 *
 * <p>A fault with only a delay slows the call down and then lets it run normally. A fault with a status or an
 * error code answers with that error (after the delay, if any). Without {@link #times(int)} a fault stays until
 * {@link FaultInjector#clear()}.
 */
public final class Fault {
    private static final String BOTH_DROPS = "a fault drops the connection either before the service acts "
            + "(dropConnection) or after (dropConnectionAfterActing), not both";
    private final String operation;
    private final Integer status;
    private final String errorCode;
    private final String message;
    private final Duration delay;
    private final boolean dropConnection;
    private final boolean dropAfterActing;
    private final Integer times;
    private final double fraction;

    private Fault(String operation, Integer status, String errorCode, String message, Duration delay,
                  boolean dropConnection, boolean dropAfterActing, Integer times, double fraction) {
        this.operation = operation;
        this.status = status;
        this.errorCode = errorCode;
        this.message = message;
        this.delay = delay;
        this.dropConnection = dropConnection;
        this.dropAfterActing = dropAfterActing;
        this.times = times;
        this.fraction = fraction;
    }

    /**
     * A fault for one operation, by its model name (for example {@code GetStage}).
     *
     * @throws IllegalArgumentException if the model has no such operation (a typo would otherwise never fire)
     */
    public static Fault operation(String operation) {
        Objects.requireNonNull(operation, "operation");
        if (!ServiceModel.get().operations().containsKey(operation)) {
            throw new IllegalArgumentException("no operation '" + operation + "' in the IVS Real-Time model: use an "
                    + "operation name such as GetStage or CreateStage, or anyOperation()");
        }
        return new Fault(operation, null, null, null, Duration.ZERO, false, false, null, 1.0);
    }

    /** A fault for every operation. */
    public static Fault anyOperation() {
        return new Fault(null, null, null, null, Duration.ZERO, false, false, null, 1.0);
    }

    public Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("fault status must be 400-599, got " + status);
        }
        return new Fault(operation, status, errorCode, message, delay, dropConnection, dropAfterActing, times, fraction);
    }

    public Fault errorCode(String errorCode) {
        return new Fault(operation, status, errorCode, message, delay, dropConnection, dropAfterActing, times, fraction);
    }

    public Fault message(String message) {
        return new Fault(operation, status, errorCode, message, delay, dropConnection, dropAfterActing, times, fraction);
    }

    public Fault delay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive");
        }
        return new Fault(operation, status, errorCode, message, delay, dropConnection, dropAfterActing, times, fraction);
    }

    /** Closes the connection without a response BEFORE the service acts: the call has no effect. */
    public Fault dropConnection() {
        if (dropAfterActing) {
            throw new IllegalArgumentException(BOTH_DROPS);
        }
        return new Fault(operation, status, errorCode, message, delay, true, false, times, fraction);
    }

    /**
     * Lets the service act (the operation is applied: a create creates, a delete deletes), then closes the connection
     * without a response: the client sees a lost response (a connection reset) for a call that took effect, as when a
     * network fails on the way back.
     */
    public Fault dropConnectionAfterActing() {
        if (dropConnection) {
            throw new IllegalArgumentException(BOTH_DROPS);
        }
        return new Fault(operation, status, errorCode, message, delay, false, true, times, fraction);
    }

    /** Applies to the next {@code n} matching calls only. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + n);
        }
        return new Fault(operation, status, errorCode, message, delay, dropConnection, dropAfterActing, n, fraction);
    }

    /** Applies to each matching call with this probability (0 to 1). */
    public Fault fraction(double fraction) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1, got " + fraction);
        }
        return new Fault(operation, status, errorCode, message, delay, dropConnection, dropAfterActing, times, fraction);
    }

    /** The operation this fault applies to, or null for any. */
    public String operation() {
        return operation;
    }

    public boolean matches(String op) {
        return operation == null || operation.equals(op);
    }

    /** Whether this fault answers with an error (rather than only delaying or dropping). */
    public boolean isError() {
        return !dropConnection && !dropAfterActing && (status != null || errorCode != null);
    }

    /** The HTTP status of the error: as set, or derived from the error code. */
    public int effectiveStatus() {
        if (status != null) {
            return status;
        }
        return switch (errorCode == null ? "" : errorCode) {
            case "ThrottlingException", "TooManyRequestsException" -> 429;
            case "ValidationException" -> 400;
            case "AccessDeniedException", "PendingVerification" -> 403;
            case "ServiceQuotaExceededException" -> 402;
            case "ResourceNotFoundException" -> 404;
            case "ConflictException" -> 409;
            case "ServiceUnavailableException", "ServiceUnavailable" -> 503;
            default -> 500;
        };
    }

    /** The wire error code: as set, or derived from the status. */
    public String effectiveErrorCode() {
        if (errorCode != null) {
            return errorCode;
        }
        return switch (effectiveStatus()) {
            case 429 -> "ThrottlingException";
            case 400 -> "ValidationException";
            case 402 -> "ServiceQuotaExceededException";
            case 403 -> "AccessDeniedException";
            case 404 -> "ResourceNotFoundException";
            case 409 -> "ConflictException";
            case 503 -> "ServiceUnavailableException";
            default -> "InternalServerException";
        };
    }

    public String effectiveMessage() {
        return message != null ? message : "Injected fault: " + effectiveErrorCode();
    }

    public Duration delay() {
        return delay;
    }

    /** Whether the connection is closed before the service acts. */
    public boolean drops() {
        return dropConnection;
    }

    /** Whether the service acts and then the connection is closed without the response. */
    public boolean dropsAfterActing() {
        return dropAfterActing;
    }

    /** The number of calls this fault applies to, or null for unlimited. */
    public Integer times() {
        return times;
    }

    public double fraction() {
        return fraction;
    }

    @Override
    public String toString() {
        return "Fault[operation=" + (operation == null ? "*" : operation)
                + (isError() ? ", status=" + effectiveStatus() + ", errorCode=" + effectiveErrorCode() : "")
                + (delay.isZero() ? "" : ", delay=" + delay) + (dropConnection ? ", dropConnection" : "")
                + (dropAfterActing ? ", dropConnectionAfterActing" : "")
                + (times == null ? "" : ", times=" + times) + (fraction < 1.0 ? ", fraction=" + fraction : "") + "]";
    }
}
