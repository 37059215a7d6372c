package community.ivsrealtime.ingestconfiguration;

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

/** One CreateIngestConfiguration carrying all tags; its response is the whole ingest configuration. */
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
                    c.injectCredentialsAndInvokeV2(req, c.client()::createIngestConfiguration))
                .handleError(Errors::toProgress)
                .done(res -> {
                    logger.log("CreateIngestConfiguration created " + res.ingestConfiguration().arn());
                    return ProgressEvent.defaultSuccessHandler(
                        Translator.fromService(res.ingestConfiguration(), Translator.tagMap(desired)));
                }));
    }
}
