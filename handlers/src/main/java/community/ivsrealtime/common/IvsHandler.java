package community.ivsrealtime.common;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Base of every Create/Read/Update/Delete/List handler: the signature the wrapper calls, plus the small
 * results that are the same for all types.
 *
 * @param <M> the type's ResourceModel
 * @param <C> the type's CallbackContext
 */
public abstract class IvsHandler<M, C extends StdCallbackContext> {

    /** Largest page every IVS Real-Time List* operation of the five types accepts (model: maxResults 1..100). */
    public static final int MAX_LIST_RESULTS = 100;

    /**
     * Handles one request. {@code client} injects the caller's credentials into every call; {@code logger}
     * must only ever get operation names and ARNs, never request or response bodies.
     */
    public abstract ProgressEvent<M, C> handleRequest(AmazonWebServicesClientProxy proxy,
                                                      ResourceHandlerRequest<M> request,
                                                      C callbackContext,
                                                      ProxyClient<IvsRealTimeClient> client,
                                                      Logger logger);

    /** FAILED NotFound without a call: the model has no primary identifier (Arn). */
    protected static <M, C> ProgressEvent<M, C> missingArn(final String typeName) {
        return ProgressEvent.failed(null, null, HandlerErrorCode.NotFound,
            typeName + ": the model has no Arn, so there is no resource to act on");
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
     * are compared (used when "previous" is the service's state: defaults included, write-only values absent).
     * A {@code writeOnly} property missing from {@code previous} is not compared either: handlers never return
     * write-only values, so a previous state built from a handler's output lacks them.
     */
    public static <M> String changedCreateOnlyProperty(final M previous, final M desired,
                                                       final Map<String, Function<M, ?>> createOnly,
                                                       final java.util.Set<String> writeOnly,
                                                       final boolean desiredOnly) {
        if (previous == null || desired == null) {
            return null;
        }
        for (final Map.Entry<String, Function<M, ?>> property : createOnly.entrySet()) {
            final Object before = property.getValue().apply(previous);
            final Object after = property.getValue().apply(desired);
            if (desiredOnly && (after == null || before == null)) {
                continue;
            }
            if (before == null && writeOnly.contains(property.getKey())) {
                continue; // a write-only value is absent from a previous state CloudFormation got from a handler
            }
            if (!Objects.equals(before, after)) {
                return property.getKey();
            }
        }
        return null;
    }

    /** FAILED NotUpdatable naming the property. */
    protected static <M, C> ProgressEvent<M, C> notUpdatable(final String typeName, final String property) {
        return ProgressEvent.failed(null, null, HandlerErrorCode.NotUpdatable,
            typeName + ": property " + property + " cannot be updated (createOnly); CloudFormation replaces the "
                + "resource when it changes");
    }
}
