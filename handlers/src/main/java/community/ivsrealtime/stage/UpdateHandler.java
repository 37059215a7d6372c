package community.ivsrealtime.stage;

import community.ivsrealtime.common.Errors;
import community.ivsrealtime.common.IvsHandler;
import community.ivsrealtime.common.TagCalls;
import community.ivsrealtime.common.Tagging;
import java.util.Map;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * UPDATE: UpdateStage only if Name or AutoParticipantRecordingConfiguration changed;
 * TagResource / UntagResource only for the tags that changed. One GetStage when no other call is
 * needed (it proves the stage exists and returns it) or when the request has no previous state
 * (it provides that state). A changed createOnly property fails NotUpdatable (CloudFormation replaces instead).
 */
final class UpdateHandler extends IvsHandler<ResourceModel, CallbackContext> {

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy, final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext, final ProxyClient<IvsRealTimeClient> client, final Logger logger) {
        final ResourceModel desired = request.getDesiredResourceState();
        if (desired == null || desired.getArn() == null) {
            return missingArn(Translator.TYPE_NAME);
        }
        final ResourceModel previous = request.getPreviousResourceState();
        if (previous != null) {
            return update(proxy, client, request, callbackContext, previous, Tagging.previousTags(request), false);
        }
        return proxy.initiate(Translator.CALL_GRAPH + "::Update::Current", client, desired, callbackContext)
            .translateToServiceRequest(Translator::get)
            .makeServiceCall((req, c) -> c.injectCredentialsAndInvokeV2(req, c.client()::getStage))
            .handleError(Errors::toProgress)
            .done(res -> update(proxy, client, request, callbackContext, Translator.fromService(res.stage(), null),
                Translator.serviceTags(res.stage()), true));
    }

    private ProgressEvent<ResourceModel, CallbackContext> update(final AmazonWebServicesClientProxy proxy,
                                                                 final ProxyClient<IvsRealTimeClient> client,
                                                                 final ResourceHandlerRequest<ResourceModel> request,
                                                                 final CallbackContext callbackContext,
                                                                 final ResourceModel previous,
                                                                 final Map<String, String> previousTags,
                                                                 final boolean previousFromService) {
        final ResourceModel desired = request.getDesiredResourceState();
        final String createOnly = changedCreateOnlyProperty(previous, desired, Translator.CREATE_ONLY,
            Translator.WRITE_ONLY, previousFromService);
        if (createOnly != null) {
            return notUpdatable(Translator.TYPE_NAME, createOnly);
        }
        final Tagging.Diff tags = Tagging.diff(previousTags, Tagging.desiredTags(request));
        final boolean updateCall = Translator.updateNeeded(previous, desired);

        ProgressEvent<ResourceModel, CallbackContext> progress = ProgressEvent.progress(desired, callbackContext);
        if (updateCall) {
            progress = progress.then(p -> proxy.initiate(Translator.CALL_GRAPH + "::Update", client,
                    p.getResourceModel(), p.getCallbackContext())
                .translateToServiceRequest(model -> Translator.update(previous, model))
                .makeServiceCall((req, c) -> c.injectCredentialsAndInvokeV2(req, c.client()::updateStage))
                .handleError(Errors::toProgress)
                .done(res -> ProgressEvent.progress(
                    Translator.fromService(res.stage(), Translator.tagMap(desired)), callbackContext)));
        }
        progress = TagCalls.apply(proxy, client, progress, Translator.CALL_GRAPH + "::Update", desired.getArn(), tags);
        if (!updateCall && tags.isEmpty() && !previousFromService) {
            progress = progress.then(p -> proxy.initiate(Translator.CALL_GRAPH + "::Update::Read", client,
                    p.getResourceModel(), p.getCallbackContext())
                .translateToServiceRequest(Translator::get)
                .makeServiceCall((req, c) -> c.injectCredentialsAndInvokeV2(req, c.client()::getStage))
                .handleError(Errors::toProgress)
                .done(res -> ProgressEvent.progress(
                    Translator.fromService(res.stage(), Translator.tagMap(desired)), callbackContext)));
        }
        return progress.then(p -> ProgressEvent.defaultSuccessHandler(
            Translator.withReadOnly(p.getResourceModel(), previous)));
    }
}
