package community.ivsrealtime.encoderconfiguration;

import community.ivsrealtime.common.Errors;
import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.Tagging;
import java.util.Map;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** One CreateEncoderConfiguration carrying all tags; its response is the whole encoder configuration. */
final class CreateHandler extends IvsHandler<ResourceModel, CallbackContext> {

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy, final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext, final ProxyClient<IvsRealTimeClient> client, final Logger logger) {
        final ResourceModel desired = request.getDesiredResourceState();
        final Map<String, String> tags = Tagging.desiredTags(request);
        return ProgressEvent.progress(desired, callbackContext)
            .then(p -> proxy.initiate(Translator.CALL_GRAPH + "::Create", client, p.getResourceModel(),
                    p.getCallbackContext())
                .translateToServiceRequest(model -> Translator.create(model, tags))
                .makeServiceCall((req, c) ->
                    c.injectCredentialsAndInvokeV2(req, c.client()::createEncoderConfiguration))
                .handleError(Errors::toProgress)
                .done(res -> {
                    logger.log("CreateEncoderConfiguration created " + res.encoderConfiguration().arn());
                    return ProgressEvent.defaultSuccessHandler(
                        Translator.fromService(res.encoderConfiguration(), Translator.tagMap(desired)));
                }));
    }
}
