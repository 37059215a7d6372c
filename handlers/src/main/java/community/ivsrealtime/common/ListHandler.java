package community.ivsrealtime.common;

import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * LIST of any type: one list call per page with the largest page the API allows
 * ({@link IvsHandler#MAX_LIST_RESULTS}), the request's nextToken passed through, no per-item calls. The models
 * carry what the summaries have.
 *
 * @param <M> the type's ResourceModel
 * @param <S> the SDK shape of the resource
 * @param <C> the type's CallbackContext
 */
public final class ListHandler<M, S, C extends StdCallbackContext> extends IvsHandler<M, S, C> {

    public ListHandler(final ResourceOps<M, S> ops) {
        super(ops, false);
    }

    @Override
    protected ProgressEvent<M, C> handle(final Invocation<M, C> in) {
        final M desired = in.request().getDesiredResourceState();
        final M model = desired != null ? desired : ops.newModel();
        return call(in, ProgressEvent.progress(model, in.context()), "::List", ops.list(),
            m -> in.request().getNextToken(), page -> listed(page.models(), page.nextToken()));
    }
}
