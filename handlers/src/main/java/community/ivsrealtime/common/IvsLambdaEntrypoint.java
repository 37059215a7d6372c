package community.ivsrealtime.common;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The common base of every type's generated {@code LambdaEntrypoint}, the class the RegisterType packages name as
 * the Lambda handler ({@code <package>.LambdaEntrypoint::handleRequest}). The subclass's static initializer runs
 * {@link ColdStart#prepare} when Lambda loads it; each request then goes, unchanged, to the type's
 * {@code HandlerWrapper} (the plugin's {@code LambdaWrapper}), which does all the work.
 */
public abstract class IvsLambdaEntrypoint implements RequestStreamHandler {

    private final IvsHandlerWrapper<?, ?, ?> wrapper;

    protected IvsLambdaEntrypoint(final IvsHandlerWrapper<?, ?, ?> wrapper) {
        this.wrapper = wrapper;
    }

    /** The wrapper every request goes to. */
    public IvsHandlerWrapper<?, ?, ?> wrapper() {
        return wrapper;
    }

    @Override
    public void handleRequest(final InputStream input, final OutputStream output, final Context context)
        throws IOException {
        wrapper.handleRequest(input, output, context);
    }
}
