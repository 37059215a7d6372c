package community.ivsrealtime.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * Base of the shared Create/Read/Update/Delete/List handlers: the signature the wrapper calls, the Arn guard,
 * the one way a handler makes a service call ({@link #call}), plus the small results that are the same for all
 * types. A handler is built once per wrapper and keeps no state of its own between requests.
 *
 * @param <M> the type's ResourceModel
 * @param <S> the SDK shape of the resource
 * @param <C> the type's CallbackContext
 */
public abstract class IvsHandler<M, S, C extends StdCallbackContext> {

    /** Turns model objects into trees for {@link #setValuesEqual} (the generated classes carry the schema names). */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Largest page every IVS Real-Time List* operation of the five types accepts (model: maxResults 1..100). */
    public static final int MAX_LIST_RESULTS = 100;

    /**
     * Seconds CloudFormation waits before invoking again after an IN_PROGRESS answer given because a call could not
     * complete (time spent, an answer lost): long enough for a slow call the service still completes to be seen.
     */
    public static final int RETRY_DELAY_SECONDS = 3;

    /** Most invocations one CREATE, UPDATE or DELETE makes attempts in before it gives up with the last failure. */
    public static final int MAX_ATTEMPTS = 5;

    /**
     * One request being handled: what its service calls need. {@code unrepeated} is the client whose SDK retries
     * throttling only (create and delete calls); {@code budget} the time the calls may take.
     */
    protected record Invocation<M, C extends StdCallbackContext>(AmazonWebServicesClientProxy proxy,
                                                                 ResourceHandlerRequest<M> request,
                                                                 C context,
                                                                 ProxyClient<IvsRealTimeClient> client,
                                                                 ProxyClient<IvsRealTimeClient> unrepeated,
                                                                 Budget budget,
                                                                 Logger logger) {
    }

    /** The type this handler drives. */
    protected final ResourceOps<M, S> ops;

    private final boolean needsArn;

    /** {@code needsArn}: the action acts on one existing resource, so the desired model must carry its Arn. */
    protected IvsHandler(final ResourceOps<M, S> ops, final boolean needsArn) {
        this.ops = ops;
        this.needsArn = needsArn;
    }

    /**
     * Handles one request. {@code client} injects the caller's credentials into every call; {@code logger}
     * must only ever get operation names and ARNs, never request or response bodies. Fails NotFound without a
     * call when the action needs an Arn and the desired model has none, or one that is not of this type.
     */
    public final ProgressEvent<M, C> handleRequest(final AmazonWebServicesClientProxy proxy,
                                                   final ResourceHandlerRequest<M> request,
                                                   final C callbackContext,
                                                   final ProxyClient<IvsRealTimeClient> client,
                                                   final Logger logger) {
        return handleRequest(proxy, request, callbackContext, client, client, Budget.ofRemaining(900_000L), logger);
    }

    /** The same with the client for unrepeated calls and the invocation's time budget. */
    public final ProgressEvent<M, C> handleRequest(final AmazonWebServicesClientProxy proxy,
                                                   final ResourceHandlerRequest<M> request,
                                                   final C callbackContext,
                                                   final ProxyClient<IvsRealTimeClient> client,
                                                   final ProxyClient<IvsRealTimeClient> unrepeated,
                                                   final Budget budget,
                                                   final Logger logger) {
        final M desired = request.getDesiredResourceState();
        if (needsArn && (desired == null || ops.arn(desired) == null)) {
            return missingArn(ops.typeName());
        }
        final String notOurs = needsArn ? ops.notAnArnOfThisType(ops.arn(desired)) : null;
        if (notOurs != null) {
            return ProgressEvent.failed(null, null, HandlerErrorCode.NotFound, ops.typeName() + ": " + notOurs);
        }
        return handle(new Invocation<>(proxy, request, callbackContext, client, unrepeated, budget, logger));
    }

    /** The action itself. */
    protected abstract ProgressEvent<M, C> handle(Invocation<M, C> invocation);

    /**
     * Makes {@code call} from {@code progress}'s model (turned into the call's input by {@code input}) through the
     * plugin's call chain, under the call-graph name {@code <callGraph><step>}; {@code done} turns the result into
     * the next event. Errors become FAILED events ({@link Errors#toProgress}).
     */
    protected <I, O> ProgressEvent<M, C> call(final Invocation<M, C> invocation, final ProgressEvent<M, C> progress,
                                              final String step, final Call<I, ?, ?, O> call,
                                              final Function<M, I> input,
                                              final Function<O, ProgressEvent<M, C>> done) {
        return call.invoke(invocation.proxy(), invocation.client(), invocation.budget(), ops.callGraph() + step,
            progress.getResourceModel(), progress.getCallbackContext(), input, done);
    }

    /**
     * The same through the client whose SDK makes one attempt (create and delete calls): sent again here only when
     * the service throttled it (it refused before acting), up to {@link #THROTTLING_ATTEMPTS} times with
     * exponential backoff while the time allows.
     */
    protected <I, O> ProgressEvent<M, C> callOnce(final Invocation<M, C> invocation, final ProgressEvent<M, C> progress,
                                                  final String step, final Call<I, ?, ?, O> call,
                                                  final Function<M, I> input,
                                                  final Function<O, ProgressEvent<M, C>> done) {
        long backoff = THROTTLING_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            final ProgressEvent<M, C> result = call.invoke(invocation.proxy(), invocation.unrepeated(),
                invocation.budget(), ops.callGraph() + step, progress.getResourceModel(),
                progress.getCallbackContext(), input, done);
            if (!result.isFailed() || result.getErrorCode() != HandlerErrorCode.Throttling
                || attempt >= THROTTLING_ATTEMPTS
                || invocation.budget().left().toMillis() < backoff + Budget.MIN_CALL.toMillis()) {
                return result;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            backoff *= 2;
        }
    }

    /** Attempts of a throttled create or delete call within one invocation (the SDK's standard is 3). */
    static final int THROTTLING_ATTEMPTS = 3;
    /** The first backoff after throttling; it doubles. */
    static final long THROTTLING_BACKOFF_MILLIS = 200;

    /**
     * True for a failure after which the service may or may not have acted: no answer (a lost connection, a
     * timeout, no time left to send) or a 5xx.
     */
    protected static boolean ambiguous(final ProgressEvent<?, ?> event) {
        return event.isFailed() && (event.getErrorCode() == HandlerErrorCode.NetworkFailure
            || event.getErrorCode() == HandlerErrorCode.ServiceInternalError);
    }

    /**
     * How many invocations of this request made {@code action}'s call so far (the callback context keeps the count;
     * StdCallbackContext's counter starts at 1, for 0 attempts).
     */
    protected int attemptsMade(final Invocation<M, C> in, final String action) {
        return in.context().attempts(ops.callGraph() + "::" + action + "::attempts") - 1;
    }

    /** Records that {@code n} attempts were made. */
    protected void attemptsMade(final Invocation<M, C> in, final String action, final int n) {
        in.context().attempts(ops.callGraph() + "::" + action + "::attempts", n + 1);
    }

    /**
     * After an ambiguous failure of attempt {@code attempt}: IN_PROGRESS with the callback context (which counts the
     * attempts) and {@link #RETRY_DELAY_SECONDS}, so that CloudFormation invokes again; the failure itself once
     * {@link #MAX_ATTEMPTS} invocations tried.
     */
    protected ProgressEvent<M, C> retryLater(final Invocation<M, C> in, final M model, final int attempt,
                                             final ProgressEvent<M, C> failure) {
        if (attempt >= MAX_ATTEMPTS) {
            return failure;
        }
        in.logger().log(ops.typeName() + ": attempt " + attempt + " got no clear answer (" + failure.getErrorCode()
            + "); invoke again in " + RETRY_DELAY_SECONDS + " s");
        return ProgressEvent.defaultInProgressHandler(in.context(), RETRY_DELAY_SECONDS, model);
    }

    /** FAILED NotFound without a call: the model has no primary identifier (Arn). */
    protected static <M, C> ProgressEvent<M, C> missingArn(final String typeName) {
        return ProgressEvent.failed(null, null, HandlerErrorCode.NotFound,
            typeName + ": the model has no Arn, so there is no resource to act on");
    }

    /**
     * CREATE and UPDATE: FAILED InvalidRequest when the model's Tags give a key twice (one would silently win) or
     * the resource would carry more tags than IVS allows; else null.
     */
    protected ProgressEvent<M, C> tagsProblem(final Invocation<M, C> in) {
        final M desired = in.request().getDesiredResourceState();
        final Set<String> repeated = ops.repeatedTagKeys(desired);
        final String problem = !repeated.isEmpty()
            ? "Tags: each key can have one value, but " + String.join(", ", repeated)
                + (repeated.size() == 1 ? " is" : " are") + " given more than once"
            : Tagging.overLimit(in.request(), ops.modelTags(desired));
        return problem == null ? null
            : ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, ops.typeName() + ": " + problem);
    }

    /** DELETE's SUCCESS: no model. */
    protected static <M, C> ProgressEvent<M, C> deleted() {
        return ProgressEvent.<M, C>builder().status(OperationStatus.SUCCESS).build();
    }

    /** LIST's SUCCESS: the page's models and the token of the next page (null on the last page). */
    protected static <M, C> ProgressEvent<M, C> listed(final List<M> models, final String nextToken) {
        return ProgressEvent.<M, C>builder()
            .status(OperationStatus.SUCCESS)
            .resourceModels(models)
            .nextToken(nextToken == null || nextToken.isEmpty() ? null : nextToken)
            .build();
    }

    /**
     * UPDATE guard: the first createOnly property whose value differs between {@code previous} and
     * {@code desired}, or null. CloudFormation replaces the resource instead of calling UPDATE for such a
     * change; this guard covers direct invocations. With {@code desiredOnly}, only properties both models set
     * are compared, and inside an object only the members {@code desired} sets ({@link #setValuesEqual}): used
     * when "previous" is the service's state (defaults included, write-only values absent).
     * A {@code writeOnly} property missing from {@code previous} is not compared either: handlers never return
     * write-only values, so a previous state built from a handler's output lacks them.
     * Otherwise the values are compared as the service stores them ({@link ResourceOps#createOnlyAsStored}): a
     * template that leaves a property out and the model READ returned, defaults included, are the same resource.
     */
    public static <M> String changedCreateOnlyProperty(final M previous, final M desired,
                                                       final ResourceOps<M, ?> ops,
                                                       final boolean desiredOnly) {
        if (previous == null || desired == null) {
            return null;
        }
        for (final Map.Entry<String, Function<M, ?>> property : ops.createOnly().entrySet()) {
            final Object before = property.getValue().apply(previous);
            final Object after = property.getValue().apply(desired);
            if (desiredOnly) {
                if (after != null && before != null && !setValuesEqual(after, before)) {
                    return property.getKey();
                }
                continue;
            }
            if (before == null && ops.writeOnly().contains(property.getKey())) {
                continue; // a write-only value is absent from a previous state CloudFormation got from a handler
            }
            final Function<M, ?> asStored = ops.createOnlyAsStored().get(property.getKey());
            if (!Objects.equals(asStored.apply(previous), asStored.apply(desired))) {
                return property.getKey();
            }
        }
        return null;
    }

    /**
     * True when every value {@code desired} sets equals the one in {@code current} (the service's state, with its
     * defaults filled in): scalars, lists, sets and maps compare whole; an object of the model (e.g. an encoder
     * configuration's Video) compares only the members the template sets, recursively, so {@code Video: {Width:
     * 1920, Height: 1080}} equals the stored {@code {1920, 1080, Framerate 30, Bitrate 2500000}}.
     */
    static boolean setValuesEqual(final Object desired, final Object current) {
        if (desired instanceof Map || desired instanceof java.util.Collection || desired instanceof CharSequence
            || desired instanceof Number || desired instanceof Boolean) {
            return Objects.equals(desired, current);
        }
        return covers(JSON.valueToTree(desired), JSON.valueToTree(current));
    }

    private static boolean covers(final JsonNode desired, final JsonNode current) {
        if (desired == null || desired.isNull()) {
            return true;
        }
        if (desired.isObject() && current != null && current.isObject()) {
            final Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
            while (fields.hasNext()) {
                final Map.Entry<String, JsonNode> field = fields.next();
                if (!covers(field.getValue(), current.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return desired.equals(current);
    }

    /**
     * The FAILED event of a 404 that is not about the resource itself (CREATE: it does not exist yet; UPDATE: it was
     * just found) but about one {@code desired} refers to: InvalidRequest naming the reference properties and their
     * ARNs, and what the service said. CloudFormation reads NotFound as "this resource is gone".
     */
    protected ProgressEvent<M, C> badReference(final M desired, final ProgressEvent<M, C> notFound) {
        final Map<String, String> references = ops.referencesOf(desired);
        final StringBuilder which = new StringBuilder();
        references.forEach((property, arn) -> which.append(which.length() == 0 ? "" : ", ").append(property)
            .append(' ').append(arn));
        return ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, ops.typeName() + ": "
            + (references.isEmpty() ? "a resource the model refers to does not exist"
                : "no such resource: " + which + (references.size() == 1 ? "" : " (one of them)"))
            + " (" + notFound.getMessage() + ")");
    }

    /** FAILED NotUpdatable naming the property. */
    protected static <M, C> ProgressEvent<M, C> notUpdatable(final String typeName, final String property) {
        return ProgressEvent.failed(null, null, HandlerErrorCode.NotUpdatable,
            typeName + ": property " + property + " cannot be updated (createOnly); CloudFormation replaces the "
                + "resource when it changes");
    }
}
