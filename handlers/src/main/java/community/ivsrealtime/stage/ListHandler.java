package community.ivsrealtime.stage;

import community.ivsrealtime.common.Errors;
import community.ivsrealtime.common.IvsHandler;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** One ListStages per page (largest page), nextToken passed through, no per-item calls. */
final class ListHandler extends IvsHandler<ResourceModel, CallbackContext> {

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy, final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext, final ProxyClient<IvsRealTimeClient> client, final Logger logger) {
        final ResourceModel model = request.getDesiredResourceState() != null
            ? request.getDesiredResourceState() : new ResourceModel();
        return proxy.initiate(Translator.CALL_GRAPH + "::List", client, model, callbackContext)
            .translateToServiceRequest(m -> Translator.list(request.getNextToken()))
            .makeServiceCall((req, c) -> c.injectCredentialsAndInvokeV2(req, c.client()::listStages))
            .handleError(Errors::toProgress)
            .done(res -> listed(Translator.fromList(res), res.nextToken()));
    }
}
