package community.ivsrealtime.common;

import java.util.Map;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * CREATE of any type: exactly one create call (CreateStage, ImportPublicKey, ...) carrying all tags (resource +
 * stack + system tags); its response is the whole resource, so there is no Get and no TagResource. Returns the
 * created resource with the desired model's Tags. A tag key given twice, or more tags than IVS allows
 * ({@link Tagging#overLimit}), fail InvalidRequest without a call.
 *
 * @param <M> the type's ResourceModel
 * @param <S> the SDK shape of the resource
 * @param <C> the type's CallbackContext
 */
public final class CreateHandler<M, S, C extends StdCallbackContext> extends IvsHandler<M, S, C> {

    public CreateHandler(final ResourceOps<M, S> ops) {
        super(ops, false);
    }

    @Override
    protected ProgressEvent<M, C> handle(final Invocation<M, C> in) {
        final ProgressEvent<M, C> tagsProblem = tagsProblem(in);
        if (tagsProblem != null) {
            return tagsProblem;
        }
        final M desired = in.request().getDesiredResourceState();
        final Map<String, String> tags = Tagging.desiredTags(in.request());
        return ProgressEvent.progress(desired, in.context())
            .then(p -> call(in, p, "::Create", ops.create(), model -> new ResourceOps.Creation<>(model, tags),
                created -> {
                    final M model = ops.fromService(created, ops.modelTags(desired));
                    in.logger().log(ops.typeName() + " created " + ops.arn(model));
                    return ProgressEvent.defaultSuccessHandler(model);
                }));
    }
}
