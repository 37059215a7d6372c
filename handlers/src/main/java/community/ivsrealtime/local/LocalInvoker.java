package community.ivsrealtime.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.common.IvsHandlerWrapper;
import community.ivsrealtime.registry.ResourceType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a type's {@code HandlerWrapper} the way Lambda does ({@code handleRequest(InputStream, OutputStream,
 * Context)}) and parses what it writes. Each call uses a new wrapper, like a cold start.
 *
 * <p>Only {@link IvsHandlerWrapper}s are accepted: outside Lambda they neither empty {@code java.io.tmpdir} (the
 * plugin's {@code scrubFiles()}) nor publish to CloudWatch, so any JVM may call them. Where the handlers send
 * their IVS calls is up to the caller: the SDK's standard endpoint settings (e.g. the system property
 * {@code aws.endpointUrlIvsRealTime}), see {@code IvsClients}.
 */
public final class LocalInvoker {

    /** Most invocations {@link #invokeUntilDone} makes for one request (CloudFormation has its own limits). */
    public static final int MAX_INVOCATIONS = 100;

    private final Supplier<? extends IvsHandlerWrapper<?, ?, ?>> wrapper;
    private final long timeoutMillis;
    private final boolean waits;

    public LocalInvoker(final Supplier<? extends IvsHandlerWrapper<?, ?, ?>> wrapper) {
        this(wrapper, LocalLambdaContext.REMAINING_MILLIS, true);
    }

    private LocalInvoker(final Supplier<? extends IvsHandlerWrapper<?, ?, ?>> wrapper, final long timeoutMillis,
                         final boolean waits) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.timeoutMillis = timeoutMillis;
        this.waits = waits;
    }

    /** The same invoker, re-invoking at once instead of after the callbackDelaySeconds (for tests). */
    public LocalInvoker withoutWaiting() {
        return new LocalInvoker(wrapper, timeoutMillis, false);
    }

    /**
     * The same invoker for a function whose timeout is {@code timeout} (each invocation's context counts down
     * from it; the handlers bound their service calls by the time left).
     */
    public LocalInvoker withTimeout(final java.time.Duration timeout) {
        return new LocalInvoker(wrapper, timeout.toMillis(), waits);
    }

    /** The type names this module has handlers for (those of the {@link ResourceType} registry). */
    public static java.util.Set<String> typeNames() {
        final java.util.Set<String> names = new java.util.TreeSet<>();
        for (ResourceType type : ResourceType.values()) {
            names.add(type.typeName());
        }
        return names;
    }

    /** The invoker of a type, by name ({@code Community::IVSRealTime::Stage}, ...). */
    public static LocalInvoker forType(final String typeName) {
        if (!ResourceType.isKnown(typeName)) {
            throw new IllegalArgumentException("no handler for type \"" + typeName + "\"; known: " + typeNames());
        }
        return forType(ResourceType.of(typeName));
    }

    /** The invoker of a registered type. */
    public static LocalInvoker forType(final ResourceType type) {
        return new LocalInvoker(type.wrapperFactory());
    }

    /** A new wrapper instance. */
    public IvsHandlerWrapper<?, ?, ?> wrapper() {
        return wrapper.get();
    }

    public HandlerResponse invoke(final HandlerRequest request) {
        return invoke(request.bytes());
    }

    /** Runs the wrapper on a request given as JSON bytes. */
    public HandlerResponse invoke(final byte[] request) {
        final IvsHandlerWrapper<?, ?, ?> instance = wrapper.get();
        return run((in, out, context) -> instance.handleRequest(in, out, context), request, timeoutMillis);
    }

    /**
     * Invokes as CloudFormation does: while the handler answers IN_PROGRESS, waits its callbackDelaySeconds and
     * invokes again with the same request and the returned callbackContext, at most {@value #MAX_INVOCATIONS} times.
     * {@code each} sees every response; the last one is returned.
     */
    public HandlerResponse invokeUntilDone(final HandlerRequest request,
                                           final java.util.function.Consumer<HandlerResponse> each) {
        HandlerResponse response = invoke(request);
        each.accept(response);
        for (int n = 1; "IN_PROGRESS".equals(response.status()) && n < MAX_INVOCATIONS; n++) {
            if (waits) {
                sleepSeconds(response.callbackDelaySeconds());
            }
            request.callbackContext(response.json().get("callbackContext"));
            response = invoke(request);
            each.accept(response);
        }
        return response;
    }

    private static void sleepSeconds(final int seconds) {
        if (seconds <= 0) {
            return;
        }
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to re-invoke", e);
        }
    }

    /** The testEntrypoint flavour: {@code payload} is a ResourceHandlerTestPayload. */
    public static HandlerResponse invokeTestEntrypoint(final Entrypoint entrypoint, final byte[] payload) {
        return run(entrypoint, payload, LocalLambdaContext.REMAINING_MILLIS);
    }

    private static HandlerResponse run(final Entrypoint entrypoint, final byte[] request, final long timeoutMillis) {
        final LocalLambdaContext context = new LocalLambdaContext("local-handler", timeoutMillis);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            entrypoint.call(new ByteArrayInputStream(request), out, context);
            final JsonNode response = HandlerRequest.JSON.readTree(out.toByteArray());
            if (!(response instanceof ObjectNode)) {
                throw new IllegalStateException("the handler wrote no JSON object: " + out);
            }
            return new HandlerResponse((ObjectNode) response, context.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Lambda entrypoint: a wrapper's {@code handleRequest} or {@code testEntrypoint}. */
    @FunctionalInterface
    public interface Entrypoint {
        void call(InputStream in, OutputStream out, Context context) throws IOException;
    }
}
