package community.ivsrealtime.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * CREATE of any type: exactly one create call (CreateStage, ImportPublicKey, ...) carrying all tags (resource +
 * stack + system tags); its response is the whole resource, so there is no Get and no TagResource. Returns the
 * created resource with the desired model's Tags. A tag key given twice, or more tags than IVS allows
 * ({@link Tagging#overLimit}), fail InvalidRequest without a call.
 *
 * <p>Nothing lost, nothing doubled. The IVS create calls take no client token, so a create sent twice makes two
 * resources. The create call is therefore made with one SDK attempt, and sent again by the handler only when the
 * service throttled it (it refused before acting, {@link IvsHandler#callOnce}).
 * When the call gets no clear answer (a lost connection, a timeout, a 5xx: the resource may exist), the handler
 * looks for the resource by the system tags CloudFormation gives every resource it creates
 * ({@code aws:cloudformation:stack-id} and {@code aws:cloudformation:logical-id}, which the create call carried):
 * List (the summaries carry the tags; an ingest configuration's do not, so each one listed is read) and Get of
 * each match. One match whose createOnly values are the desired ones (an older resource of the same logical id,
 * which a replacement leaves until cleanup, differs in one) is adopted: SUCCESS with it. None: IN_PROGRESS with
 * the callback context counting the attempt, so CloudFormation invokes again after
 * {@link IvsHandler#RETRY_DELAY_SECONDS}; that invocation looks again first (a slow create may have completed
 * meanwhile) and only then creates. More than one: FAILED ResourceConflict naming them. Without system tags in the
 * request (a direct invocation) nothing can be found: the failure is returned as it is.
 *
 * @param <M> the type's ResourceModel
 * @param <S> the SDK shape of the resource
 * @param <C> the type's CallbackContext
 */
public final class CreateHandler<M, S, C extends StdCallbackContext> extends IvsHandler<M, S, C> {

    static final String STACK_ID_TAG = "aws:cloudformation:stack-id";
    static final String LOGICAL_ID_TAG = "aws:cloudformation:logical-id";
    /** Most LIST pages read to find a resource (of 100 each). */
    static final int MAX_FIND_PAGES = 100;

    public CreateHandler(final ResourceOps<M, S> ops) {
        super(ops, false);
    }

    /** What a search found: the resource to adopt (or null), or why the search failed. */
    private record Found<M, C>(M model, ProgressEvent<M, C> failure) {
    }

    @Override
    protected ProgressEvent<M, C> handle(final Invocation<M, C> in) {
        final ProgressEvent<M, C> tagsProblem = tagsProblem(in);
        if (tagsProblem != null) {
            return tagsProblem;
        }
        final M desired = in.request().getDesiredResourceState();
        final Map<String, String> tags = Tagging.desiredTags(in.request());
        final Map<String, String> system = in.request().getSystemTags();
        final boolean findable = system != null && system.get(STACK_ID_TAG) != null
            && system.get(LOGICAL_ID_TAG) != null;
        final int before = attemptsMade(in, "Create");
        final int attempt = before + 1;
        attemptsMade(in, "Create", attempt);
        if (before > 0 && findable) {
            final Found<M, C> found = find(in, desired, system);
            if (found.model() != null) {
                return adopted(in, found.model());
            }
            if (found.failure() != null) {
                return ambiguous(found.failure()) ? retryLater(in, desired, attempt, found.failure()) : found.failure();
            }
        }
        final ProgressEvent<M, C> result = callOnce(in, ProgressEvent.progress(desired, in.context()), "::Create",
            ops.create(), model -> new ResourceOps.Creation<>(model, tags), created -> {
                final M model = ops.fromService(created, ops.modelTags(desired));
                in.logger().log(ops.typeName() + " created " + ops.arn(model));
                return ProgressEvent.defaultSuccessHandler(model);
            });
        if (result.isFailed() && result.getErrorCode() == HandlerErrorCode.NotFound) {
            return badReference(desired, result); // the resource does not exist yet: the 404 is about a reference
        }
        if (!ambiguous(result) || !findable) {
            return result;
        }
        if (!in.budget().spent()) {
            final Found<M, C> found = find(in, desired, system);
            if (found.model() != null) {
                return adopted(in, found.model());
            }
            if (found.failure() != null && !ambiguous(found.failure())) {
                return found.failure();
            }
        }
        return retryLater(in, desired, attempt, result);
    }

    private ProgressEvent<M, C> adopted(final Invocation<M, C> in, final M model) {
        in.logger().log(ops.typeName() + " " + ops.arn(model) + " was created by an earlier attempt: adopted");
        return ProgressEvent.defaultSuccessHandler(model);
    }

    /** The resource of this stack and logical id that {@code desired} describes; see the class comment. */
    private Found<M, C> find(final Invocation<M, C> in, final M desired, final Map<String, String> system) {
        try {
            final List<String> candidates = new ArrayList<>();
            String token = null;
            for (int page = 0; page < MAX_FIND_PAGES; page++) {
                final ResourceOps.Page<M> listed = ops.list().direct(in.client(), in.budget(), token);
                if (listed.tags() != null) {
                    listed.tags().forEach((arn, tags) -> {
                        if (sameResource(tags, system)) {
                            candidates.add(arn);
                        }
                    });
                } else {
                    listed.models().forEach(m -> candidates.add(ops.arn(m)));
                }
                token = listed.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
            final List<M> matches = new ArrayList<>();
            for (final String arn : candidates) {
                final S resource;
                try {
                    resource = ops.get().direct(in.client(), in.budget(), ops.withArn(arn));
                } catch (ResourceNotFoundException gone) {
                    continue; // deleted since it was listed
                }
                final M current = ops.fromService(resource, null);
                if (sameResource(ops.serviceTags(resource), system)
                    && changedCreateOnlyProperty(current, desired, ops, true) == null) {
                    matches.add(ops.fromService(resource, ops.modelTags(desired)));
                }
            }
            if (matches.size() > 1) {
                final List<String> arns = matches.stream().map(ops::arn).toList();
                return new Found<>(null, ProgressEvent.failed(null, null, HandlerErrorCode.ResourceConflict,
                    ops.typeName() + ": " + arns.size() + " resources carry the system tags of logical id "
                        + system.get(LOGICAL_ID_TAG) + " in stack " + system.get(STACK_ID_TAG) + ": " + arns
                        + "; delete all but one"));
            }
            return new Found<>(matches.isEmpty() ? null : matches.get(0), null);
        } catch (RuntimeException e) {
            final Errors.Failure failure = Errors.classify(null, e);
            return new Found<>(null, ProgressEvent.failed(null, null, failure.code(),
                ops.typeName() + ": looking for a resource an earlier create attempt made: " + failure.message()));
        }
    }

    private static boolean sameResource(final Map<String, String> tags, final Map<String, String> system) {
        return tags != null && Objects.equals(tags.get(STACK_ID_TAG), system.get(STACK_ID_TAG))
            && Objects.equals(tags.get(LOGICAL_ID_TAG), system.get(LOGICAL_ID_TAG));
    }
}
