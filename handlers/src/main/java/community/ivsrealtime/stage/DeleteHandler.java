package community.ivsrealtime.stage;

import community.ivsrealtime.common.Errors;
import community.ivsrealtime.common.IvsHandler;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * One DeleteStage (the service disconnects all participants).
 * SUCCESS without a model.
 */
final class DeleteHandler extends IvsHandler<ResourceModel, CallbackContext> {

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy, final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext, final ProxyClient<IvsRealTimeClient> client, final Logger logger) {
        final ResourceModel model = request.getDesiredResourceState();
        if (model == null || model.getArn() == null) {
            return missingArn(Translator.TYPE_NAME);
        }
        return proxy.initiate(Translator.CALL_GRAPH + "::Delete", client, model, callbackContext)
            .translateToServiceRequest(Translator::delete)
            .makeServiceCall((req, c) -> c.injectCredentialsAndInvokeV2(req, c.client()::deleteStage))
            .handleError(Errors::toProgress)
            .done(res -> {
                logger.log("DeleteStage deleted " + model.getArn());
                return deleted();
            });
    }
}
