package community.ivsrealtime.encoderconfiguration;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import community.ivsrealtime.common.IvsHandlerWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;

/** Lambda entry points of Community::IVSRealTime::EncoderConfiguration: {@code handleRequest} and {@code testEntrypoint}. */
public final class HandlerWrapper extends IvsHandlerWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    private static final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>>
        REQUEST_TYPE = new TypeReference<>() { };
    private static final TypeReference<ResourceModel> MODEL_TYPE = new TypeReference<>() { };
    private static final TypeReference<ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel>>
        TEST_PAYLOAD_TYPE = new TypeReference<>() { };
    private static final JSONObject SCHEMA = loadSchema("community-ivsrealtime-encoderconfiguration.json");

    public HandlerWrapper() {
        super(Translator.TYPE_NAME, Map.of(
            Action.CREATE, new CreateHandler(),
            Action.READ, new ReadHandler(),
            Action.UPDATE, new UpdateHandler(),
            Action.DELETE, new DeleteHandler(),
            Action.LIST, new ListHandler()), CallbackContext::new);
    }

    public void testEntrypoint(final InputStream inputStream, final OutputStream outputStream, final Context context)
        throws IOException {
        runTestEntrypoint(inputStream, outputStream, context, TEST_PAYLOAD_TYPE);
    }

    @Override
    public JSONObject provideResourceSchemaJSONObject() {
        return SCHEMA;
    }

    @Override
    protected Map<String, String> resourceTags(final ResourceModel resourceModel) {
        return Translator.tagMap(resourceModel);
    }

    @Override
    protected TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> getTypeReference() {
        return REQUEST_TYPE;
    }

    @Override
    protected TypeReference<ResourceModel> getModelTypeReference() {
        return MODEL_TYPE;
    }
}
