package community.ivsrealtime.publickey;

import community.ivsrealtime.common.Errors;
import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.Tagging;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * One GetPublicKey: the public key as the service stores it, defaults included
 * (Tags: see {@link Tagging#reportedTags}).
 */
final class ReadHandler extends IvsHandler<ResourceModel, CallbackContext> {

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy, final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext, final ProxyClient<IvsRealTimeClient> client, final Logger logger) {
        final ResourceModel model = request.getDesiredResourceState();
        if (model == null || model.getArn() == null) {
            return missingArn(Translator.TYPE_NAME);
        }
        return proxy.initiate(Translator.CALL_GRAPH + "::Read", client, model, callbackContext)
            .translateToServiceRequest(Translator::get)
            .makeServiceCall((req, c) -> c.injectCredentialsAndInvokeV2(req, c.client()::getPublicKey))
            .handleError(Errors::toProgress)
            .done(res -> ProgressEvent.defaultSuccessHandler(Translator.fromService(res.publicKey(), Tagging.reportedTags(
                Translator.serviceTags(res.publicKey()), request, Translator.tagMap(model)))));
    }
}
