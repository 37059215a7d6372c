package community.ivsrealtime.common;

import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.IvsRealTimeRequest;

/**
 * The time one handler invocation may spend on IVS calls: what the Lambda context says is left when the request
 * arrives, less a reserve for writing the response. Every call gets the time still left as the SDK's
 * {@code apiCallTimeout} and {@code apiCallAttemptTimeout}
 * (https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/best-practices.html#bestpractice5), so a hung
 * or very slow IVS never keeps a handler past its Lambda timeout: the call fails in time, and the handler answers
 * (IN_PROGRESS with a callback context for CREATE, UPDATE and DELETE; a NetworkFailure naming the time for READ
 * and LIST).
 */
public final class Budget {

    /** Below this, no call is sent: it could not finish. */
    static final Duration MIN_CALL = Duration.ofMillis(100);
    /** The reserve: a fifth of the time, at least 200 ms, at most 10 s. */
    static final Duration MIN_RESERVE = Duration.ofMillis(200);
    static final Duration MAX_RESERVE = Duration.ofSeconds(10);

    private final long deadlineNanos;

    private Budget(final long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** The budget of an invocation whose Lambda context has {@code remainingMillis} left now. */
    public static Budget ofRemaining(final long remainingMillis) {
        final long reserve = Math.min(MAX_RESERVE.toMillis(), Math.max(MIN_RESERVE.toMillis(), remainingMillis / 5));
        return new Budget(System.nanoTime() + Math.max(0L, remainingMillis - reserve) * 1_000_000L);
    }

    /** The time left for calls (zero when spent). */
    public Duration left() {
        return Duration.ofNanos(Math.max(0L, deadlineNanos - System.nanoTime()));
    }

    /** True when no call can be sent any more. */
    public boolean spent() {
        return left().compareTo(MIN_CALL) < 0;
    }

    /** {@code request} with the time left as its call and attempt timeouts (other overrides kept). */
    @SuppressWarnings("unchecked")
    public <R extends IvsRealTimeRequest> R bound(final R request) {
        final Duration left = left().isZero() ? Duration.ofMillis(1) : left();
        final AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
            .map(AwsRequestOverrideConfiguration::toBuilder).orElseGet(AwsRequestOverrideConfiguration::builder);
        return (R) request.toBuilder()
            .overrideConfiguration(override.apiCallTimeout(left).apiCallAttemptTimeout(left).build())
            .build();
    }

    @Override
    public String toString() {
        return left().toMillis() + " ms left";
    }
}
