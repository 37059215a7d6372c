package community.ivsrealtime.common;

import java.util.function.Function;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * READ of any type: exactly one get call (GetStage, ...), tags included. Returns the resource as the service
 * stores it, defaults included; its Tags as {@link Tagging#reportedTags} decides.
 *
 * @param <M> the type's ResourceModel
 * @param <S> the SDK shape of the resource
 * @param <C> the type's CallbackContext
 */
public final class ReadHandler<M, S, C extends StdCallbackContext> extends IvsHandler<M, S, C> {

    public ReadHandler(final ResourceOps<M, S> ops) {
        super(ops, true);
    }

    @Override
    protected ProgressEvent<M, C> handle(final Invocation<M, C> in) {
        final M model = in.request().getDesiredResourceState();
        return call(in, ProgressEvent.progress(model, in.context()), "::Read", ops.get(), Function.identity(),
            current -> ProgressEvent.defaultSuccessHandler(ops.fromService(current,
                Tagging.reportedTags(ops.serviceTags(current), in.request(), ops.modelTags(model)))));
    }
}
