package community.ivsrealtime.common;

import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IvsRealTimeRequest;
import software.amazon.awssdk.services.ivsrealtime.model.IvsRealTimeResponse;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * One typed IVS Real-Time operation of a resource type: how to build its request from an input, which client
 * method sends it (e.g. {@code IvsRealTimeClient::createStage}) and what to take from its response.
 *
 * <p>{@link #invoke} is the one place where a service call is made (by the handlers and {@link TagCalls}): through
 * the plugin's call chain, with the caller's credentials injected and every error mapped by
 * {@link Errors#toProgress}.
 *
 * @param <I>   what the request is built from (the model, a {@link ResourceOps.Creation}, a next token, ...)
 * @param <Req> the SDK request
 * @param <Res> the SDK response
 * @param <O>   what the handlers use from the response (the service's resource, a page of models, ...)
 */
public record Call<I, Req extends IvsRealTimeRequest, Res extends IvsRealTimeResponse, O>(
    Function<I, Req> request, BiFunction<IvsRealTimeClient, Req, Res> operation, Function<Res, O> result) {

    /** The same as the constructor, reads better at the call site. */
    public static <I, Req extends IvsRealTimeRequest, Res extends IvsRealTimeResponse, O> Call<I, Req, Res, O> of(
        final Function<I, Req> request, final BiFunction<IvsRealTimeClient, Req, Res> operation,
        final Function<Res, O> result) {
        return new Call<>(request, operation, result);
    }

    /**
     * Makes the call for {@code model} (the call chain's model; {@code input} turns it into this call's input)
     * under the call-graph name {@code callGraph}, within {@code budget} (nothing is sent when it is spent: FAILED
     * NetworkFailure); {@code done} turns the result into the next event.
     */
    public <M, C extends StdCallbackContext> ProgressEvent<M, C> invoke(
        final AmazonWebServicesClientProxy proxy, final ProxyClient<IvsRealTimeClient> client, final Budget budget,
        final String callGraph, final M model, final C context, final Function<M, I> input,
        final Function<O, ProgressEvent<M, C>> done) {
        if (budget.spent()) {
            return ProgressEvent.failed(null, null, HandlerErrorCode.NetworkFailure,
                Errors.describeCall(request.apply(input.apply(model))) + " not sent: " + Errors.NO_TIME_LEFT);
        }
        return proxy.initiate(callGraph, client, model, context)
            .translateToServiceRequest(m -> request.apply(input.apply(m)))
            .makeServiceCall((req, c) -> c.injectCredentialsAndInvokeV2(req,
                r -> operation.apply(c.client(), budget.bound(r))))
            .handleError(Errors::toProgress)
            .done(res -> done.apply(result.apply(res)));
    }

    /**
     * Makes the call outside the plugin's call chain (nothing memoized in the callback context) with the caller's
     * credentials, within {@code budget}; SDK exceptions are thrown, see {@link Errors#classify}.
     */
    public O direct(final ProxyClient<IvsRealTimeClient> client, final Budget budget, final I input) {
        final Req req = request.apply(input);
        if (budget.spent()) {
            throw new Errors.OutOfTime(Errors.describeCall(req) + " not sent: " + Errors.NO_TIME_LEFT);
        }
        return result.apply(client.injectCredentialsAndInvokeV2(req, r -> operation.apply(client.client(), budget.bound(r))));
    }
}
