package community.ivsrealtime.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import software.amazon.cloudformation.LambdaWrapper;

/**
 * Calls a HandlerWrapper the way Lambda does ({@code handleRequest(InputStream, OutputStream, Context)}) and
 * parses what it writes. A fresh wrapper per call, like a cold start.
 */
public final class Invoker {

    private final Supplier<? extends LambdaWrapper<?, ?, ?>> wrapper;

    public Invoker(final Supplier<? extends LambdaWrapper<?, ?, ?>> wrapper) {
        this.wrapper = wrapper;
    }

    /** A new wrapper instance. */
    public LambdaWrapper<?, ?, ?> wrapper() {
        return wrapper.get();
    }

    public HandlerResponse invoke(final HandlerRequests request) {
        return invoke(request.bytes());
    }

    public HandlerResponse invoke(final byte[] request) {
        final TestLambdaContext context = new TestLambdaContext();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            wrapper.get().handleRequest(new ByteArrayInputStream(request), out, context);
            return new HandlerResponse((ObjectNode) HandlerRequests.JSON.readTree(out.toByteArray()), context.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The testEntrypoint flavour: {@code payload} is a ResourceHandlerTestPayload. */
    public static HandlerResponse invokeTestEntrypoint(final TestEntrypoint entrypoint, final byte[] payload) {
        final TestLambdaContext context = new TestLambdaContext();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            entrypoint.call(new ByteArrayInputStream(payload), out, context);
            return new HandlerResponse((ObjectNode) HandlerRequests.JSON.readTree(out.toByteArray()), context.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wrapper's testEntrypoint method. */
    @FunctionalInterface
    public interface TestEntrypoint {
        void call(java.io.InputStream in, java.io.OutputStream out, com.amazonaws.services.lambda.runtime.Context context)
            throws IOException;
    }
}
