package community.ivsrealtime.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Lambda {@link Context} of a handler run outside Lambda: its logger keeps every line (see {@link #log()}),
 * the remaining time counts down from the function's timeout ({@value #REMAINING_MILLIS} ms, Lambda's maximum of
 * 15 minutes, unless another is given) and the memory is 512 MB.
 */
public final class LocalLambdaContext implements Context {

    public static final int REMAINING_MILLIS = 900_000;

    private final String functionName;
    private final long timeoutMillis;
    private final long startNanos = System.nanoTime();
    private final String requestId = UUID.randomUUID().toString();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(final String message) {
            lines.add(message);
        }

        @Override
        public void log(final byte[] message) {
            lines.add(new String(message, StandardCharsets.UTF_8));
        }
    };

    /** A context of a function named {@code local-handler}. */
    public LocalLambdaContext() {
        this("local-handler");
    }

    public LocalLambdaContext(final String functionName) {
        this(functionName, REMAINING_MILLIS);
    }

    /** A context of a function whose timeout is {@code timeoutMillis}: the remaining time counts down from it. */
    public LocalLambdaContext(final String functionName, final long timeoutMillis) {
        if (timeoutMillis < 1 || timeoutMillis > REMAINING_MILLIS) {
            throw new IllegalArgumentException("a Lambda function's timeout is 1 to " + REMAINING_MILLIS + " ms, got "
                + timeoutMillis);
        }
        this.functionName = functionName;
        this.timeoutMillis = timeoutMillis;
    }

    /** Everything logged through this context so far. */
    public List<String> logLines() {
        return List.copyOf(lines);
    }

    /** All log lines as one string. */
    public String log() {
        return String.join("\n", lines);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        final long elapsed = (System.nanoTime() - startNanos) / 1_000_000L;
        return (int) Math.max(0L, timeoutMillis - elapsed);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
