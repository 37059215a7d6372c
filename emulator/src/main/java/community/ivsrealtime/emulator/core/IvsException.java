package community.ivsrealtime.emulator.core;

/**
 * An error as IVS Real-Time returns it: an HTTP status and a wire error code (see the API reference §2).
 * Business logic throws these; the protocol layer serializes them (x-amzn-ErrorType, __type, message,
 * exceptionMessage).
 */
public final class IvsException extends RuntimeException {
    private final int status;
    private final String code;

    public IvsException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static IvsException validation(String message) {
        return new IvsException(400, "ValidationException", message);
    }

    public static IvsException accessDenied(String message) {
        return new IvsException(403, "AccessDeniedException", message);
    }

    public static IvsException pendingVerification(String message) {
        return new IvsException(403, "PendingVerification", message);
    }

    public static IvsException quotaExceeded(String message) {
        return new IvsException(402, "ServiceQuotaExceededException", message);
    }

    public static IvsException notFound(String message) {
        return new IvsException(404, "ResourceNotFoundException", message);
    }

    public static IvsException conflict(String message) {
        return new IvsException(409, "ConflictException", message);
    }

    public static IvsException internal(String message) {
        return new IvsException(500, "InternalServerException", message);
    }
}
