package community.ivsrealtime.common;

import java.util.Map;
import java.util.function.Function;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * UPDATE of any type, in this order:
 * <ol>
 *   <li>A tag key given twice, or more tags than IVS allows (resource + stack tags), fail InvalidRequest without
 *       a call.</li>
 *   <li>No previous state in the request: one get call first, to learn the state to compare with.</li>
 *   <li>A changed createOnly property fails NotUpdatable without a call (CloudFormation replaces instead).</li>
 *   <li>The update call (UpdateStage, UpdateIngestConfiguration; other types have none) only if an updatable
 *       property changed ({@link ResourceOps#updateNeeded}).</li>
 *   <li>TagResource / UntagResource only for the tags that changed ({@link TagCalls}).</li>
 *   <li>One get call at the end when no update or get call was made and either nothing changed (it proves
 *       the resource exists, so UPDATE of a missing resource fails NotFound, and returns it) or the previous
 *       state lacks a read-only value the service always returns (Stage Endpoints, PublicKey Fingerprint,
 *       IngestConfiguration ParticipantId/StreamKey/State), which the returned model must carry. A tags-only
 *       update whose previous state has them makes no get call.</li>
 * </ol>
 * Returns the desired model (or the resource as the last update/get call returned it, with the desired
 * Tags), with the read-only values it lacks taken from the previous state. A call without a clear answer (no
 * response, a timeout, a 5xx after the SDK's retries) gives IN_PROGRESS: CloudFormation invokes again and the
 * calls, which set the desired state, are made again until they answer ({@link IvsHandler#MAX_ATTEMPTS}).
 *
 * @param <M> the type's ResourceModel
 * @param <S> the SDK shape of the resource
 * @param <C> the type's CallbackContext
 */
public final class UpdateHandler<M, S, C extends StdCallbackContext> extends IvsHandler<M, S, C> {

    public UpdateHandler(final ResourceOps<M, S> ops) {
        super(ops, true);
    }

    @Override
    protected ProgressEvent<M, C> handle(final Invocation<M, C> in) {
        final ProgressEvent<M, C> tagsProblem = tagsProblem(in);
        if (tagsProblem != null) {
            return tagsProblem;
        }
        final int attempt = attemptsMade(in, "Update") + 1;
        attemptsMade(in, "Update", attempt);
        final M previous = in.request().getPreviousResourceState();
        final ProgressEvent<M, C> result = previous != null
            ? update(in, previous, Tagging.previousTags(in.request()), false)
            : call(in, ProgressEvent.progress(in.request().getDesiredResourceState(), in.context()),
                "::Update::Current", ops.get(), Function.identity(),
                current -> update(in, ops.fromService(current, null), ops.serviceTags(current), true));
        // the update and tag calls set the desired state: made again, they converge on it
        return ambiguous(result) ? retryLater(in, in.request().getDesiredResourceState(), attempt, result) : result;
    }

    private ProgressEvent<M, C> update(final Invocation<M, C> in, final M previous,
                                       final Map<String, String> previousTags, final boolean previousFromService) {
        final M desired = in.request().getDesiredResourceState();
        final String createOnly = changedCreateOnlyProperty(previous, desired, ops, previousFromService);
        if (createOnly != null) {
            return notUpdatable(ops.typeName(), createOnly);
        }
        final Tagging.Diff tags = Tagging.diff(previousTags, Tagging.desiredTags(in.request()));
        final boolean updateCall = ops.updateNeeded(previous, desired);
        final Function<S, ProgressEvent<M, C>> returned = resource -> ProgressEvent.progress(
            ops.fromService(resource, ops.modelTags(desired)), in.context());

        ProgressEvent<M, C> progress = ProgressEvent.progress(desired, in.context());
        if (updateCall) {
            progress = progress.then(p -> {
                final ProgressEvent<M, C> updated = call(in, p, "::Update", ops.update(),
                    model -> new ResourceOps.Change<>(previous, model), returned);
                if (!updated.isFailed() || updated.getErrorCode() != HandlerErrorCode.NotFound) {
                    return updated;
                }
                // NotFound only if the resource itself is missing: else the 404 is about a resource it refers to
                final ProgressEvent<M, C> exists = call(in, ProgressEvent.progress(desired, in.context()),
                    "::Update::Exists", ops.get(), Function.identity(), current -> badReference(desired, updated));
                return exists.isFailed() && exists.getErrorCode() == HandlerErrorCode.NotFound ? updated : exists;
            });
        }
        progress = TagCalls.apply(in.proxy(), in.client(), in.budget(), progress, ops.callGraph() + "::Update", ops.arn(desired),
            tags);
        if (!updateCall && !previousFromService && (tags.isEmpty() || ops.lacksReadOnly(previous))) {
            progress = progress.then(p -> call(in, p, "::Update::Read", ops.get(), Function.identity(), returned));
        }
        return progress.then(p -> ProgressEvent.defaultSuccessHandler(ops.withReadOnly(p.getResourceModel(), previous)));
    }
}
