package community.ivsrealtime.common;

import java.util.function.Function;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * DELETE of any type: exactly one delete call (DeleteStage disconnects the stage's participants;
 * DeleteIngestConfiguration is sent with force=true, see that type's Translator). SUCCESS without a model.
 *
 * @param <M> the type's ResourceModel
 * @param <S> the SDK shape of the resource
 * @param <C> the type's CallbackContext
 */
public final class DeleteHandler<M, S, C extends StdCallbackContext> extends IvsHandler<M, S, C> {

    public DeleteHandler(final ResourceOps<M, S> ops) {
        super(ops, true);
    }

    @Override
    protected ProgressEvent<M, C> handle(final Invocation<M, C> in) {
        final M model = in.request().getDesiredResourceState();
        return call(in, ProgressEvent.progress(model, in.context()), "::Delete", ops.delete(), Function.identity(),
            nothing -> {
                in.logger().log(ops.typeName() + " deleted " + ops.arn(model));
                return deleted();
            });
    }
}
