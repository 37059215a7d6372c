package community.ivsrealtime.bench.baseline;

import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStageResponse;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** The template's CreateHandler: the create call through the call chain, then the ReadHandler. */
public class CreateHandler extends BaseHandlerStd {

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext,
        final ProxyClient<IvsRealTimeClient> proxyClient,
        final Logger logger) {
        return ProgressEvent.progress(request.getDesiredResourceState(), callbackContext)
            .then(progress -> proxy.initiate("Bench-IVSRealTime-Stage::Create", proxyClient,
                    progress.getResourceModel(), progress.getCallbackContext())
                .translateToServiceRequest(model -> Translator.translateToCreateRequest(model,
                    Translator.tags(request.getDesiredResourceTags(), request.getSystemTags())))
                .makeServiceCall((awsRequest, client) -> {
                    final CreateStageResponse response =
                        client.injectCredentialsAndInvokeV2(awsRequest, client.client()::createStage);
                    logger.log(ResourceModel.TYPE_NAME + " successfully created.");
                    return response;
                })
                .done((awsRequest, awsResponse, client, model, context) -> {
                    model.setArn(awsResponse.stage().arn());
                    return ProgressEvent.progress(model, context);
                }))
            .then(progress -> new ReadHandler().handleRequest(proxy, request, callbackContext, proxyClient, logger));
    }
}
