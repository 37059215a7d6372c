package community.ivsrealtime.common;

import java.util.function.Function;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * DELETE of any type: one delete call (DeleteStage disconnects the stage's participants;
 * DeleteIngestConfiguration is sent with force=true, see that type's Translator). SUCCESS without a model.
 *
 * <p>A resource that does not exist fails NotFound, as the resource contract requires of a delete handler
 * (https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-test-contract.html; CloudFormation
 * treats it as deleted). The call is not repeated by the SDK (only throttling is): when it gets no clear answer
 * (a lost response, a timeout, a 5xx) it is sent again, in this invocation while the time allows, else after an
 * IN_PROGRESS; a NotFound then means an earlier attempt deleted the resource: SUCCESS.
 *
 * @param <M> the type's ResourceModel
 * @param <S> the SDK shape of the resource
 * @param <C> the type's CallbackContext
 */
public final class DeleteHandler<M, S, C extends StdCallbackContext> extends IvsHandler<M, S, C> {

    /** Attempts within one invocation. */
    static final int ATTEMPTS_PER_INVOCATION = 2;

    public DeleteHandler(final ResourceOps<M, S> ops) {
        super(ops, true);
    }

    @Override
    protected ProgressEvent<M, C> handle(final Invocation<M, C> in) {
        final M model = in.request().getDesiredResourceState();
        ProgressEvent<M, C> result = null;
        for (int here = 0; here < ATTEMPTS_PER_INVOCATION && (here == 0 || !in.budget().spent()); here++) {
            final int before = attemptsMade(in, "Delete");
            attemptsMade(in, "Delete", before + 1);
            result = callOnce(in, ProgressEvent.progress(model, in.context()), "::Delete", ops.delete(),
                Function.identity(), nothing -> {
                    in.logger().log(ops.typeName() + " deleted " + ops.arn(model));
                    return deleted();
                });
            if (before > 0 && result.isFailed() && result.getErrorCode() == HandlerErrorCode.NotFound) {
                in.logger().log(ops.typeName() + " " + ops.arn(model) + " is gone: an earlier attempt deleted it");
                return deleted();
            }
            if (!ambiguous(result)) {
                return result;
            }
        }
        return retryLater(in, model, attemptsMade(in, "Delete"), result);
    }
}
