package community.ivsrealtime.bench.baseline;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.json.JSONObject;
import org.json.JSONTokener;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.LambdaWrapper;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.RequestData;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The wrapper {@code cfn generate} writes for a Java resource type (plugin 2.x), for the baseline's CREATE and READ:
 * handlers by action, static type references, the schema read from the jar, {@code transform} as generated.
 */
public class HandlerWrapper extends LambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    private static final String SCHEMA_FILENAME = "/bench-ivsrealtime-stage.json";
    private static final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>>
        REQUEST_REFERENCE = new TypeReference<>() { };
    private static final TypeReference<ResourceModel> TYPE_REFERENCE = new TypeReference<>() { };

    private final Map<Action, BaseHandlerStd> handlers = new HashMap<>();
    private JSONObject resourceSchema;

    public HandlerWrapper() {
        handlers.put(Action.CREATE, new CreateHandler());
        handlers.put(Action.READ, new ReadHandler());
    }

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> invokeHandler(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final Action action,
        final CallbackContext callbackContext,
        final TypeConfigurationModel typeConfiguration) {
        final String actionName = action == null ? "<null>" : action.toString();
        if (!handlers.containsKey(action)) {
            throw new RuntimeException("Unknown action " + actionName);
        }
        loggerProxy.log(String.format("[%s] invoking handler...", actionName));
        final ProgressEvent<ResourceModel, CallbackContext> result =
            handlers.get(action).handleRequest(proxy, request, callbackContext, loggerProxy);
        loggerProxy.log(String.format("[%s] handler invoked", actionName));
        return result;
    }

    @Override
    public JSONObject provideResourceSchemaJSONObject() {
        if (resourceSchema == null) {
            try (InputStream in = getClass().getResourceAsStream(SCHEMA_FILENAME)) {
                resourceSchema = new JSONObject(new JSONTokener(in));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return resourceSchema;
    }

    @Override
    public Map<String, String> provideResourceDefinedTags(final ResourceModel resourceModel) {
        if (resourceModel == null || resourceModel.getTags() == null) {
            return null;
        }
        return resourceModel.getTags().stream().collect(Collectors.toMap(Tag::getKey, Tag::getValue, (a, b) -> b));
    }

    @Override
    protected ResourceHandlerRequest<ResourceModel> transform(
        final HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel> request) throws IOException {
        final RequestData<ResourceModel, TypeConfigurationModel> requestData = request.getRequestData();
        return ResourceHandlerRequest.<ResourceModel>builder()
            .clientRequestToken(request.getBearerToken())
            .desiredResourceState(requestData.getResourceProperties())
            .previousResourceState(requestData.getPreviousResourceProperties())
            .desiredResourceTags(getDesiredResourceTags(request))
            .previousResourceTags(getPreviousResourceTags(request))
            .systemTags(requestData.getSystemTags())
            .previousSystemTags(requestData.getPreviousSystemTags())
            .awsAccountId(request.getAwsAccountId())
            .logicalResourceIdentifier(requestData.getLogicalResourceId())
            .nextToken(request.getNextToken())
            .region(request.getRegion())
            .build();
    }

    @Override
    protected TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> getTypeReference() {
        return REQUEST_REFERENCE;
    }

    @Override
    protected TypeReference<ResourceModel> getModelTypeReference() {
        return TYPE_REFERENCE;
    }
}
