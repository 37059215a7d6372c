package community.ivsrealtime.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import community.ivsrealtime.stage.CallbackContext;
import community.ivsrealtime.stage.HandlerWrapper;
import community.ivsrealtime.stage.ResourceModel;
import community.ivsrealtime.stage.TypeConfigurationModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/** What IvsHandlerWrapper derives from a type's wrapper class instead of per-type code. */
class WrapperTypesTest {

    @Test
    void typeReferencesAreTheWrappersOwnClasses() {
        final HandlerWrapper wrapper = new HandlerWrapper();

        assertThat(wrapper.getModelTypeReference().getType()).isEqualTo(ResourceModel.class);
        final JavaType request = TypeFactory.defaultInstance().constructType(wrapper.getTypeReference());
        assertThat(request.getRawClass()).isEqualTo(HandlerRequest.class);
        assertThat(request.getBindings().getTypeParameters()).extracting(JavaType::getRawClass)
            .containsExactly(ResourceModel.class, CallbackContext.class, TypeConfigurationModel.class);
        assertThat(wrapper.getTypeReference().getType().getTypeName()).isEqualTo(HandlerRequest.class.getName()
            + "<" + ResourceModel.class.getName() + ", " + CallbackContext.class.getName() + ", "
            + TypeConfigurationModel.class.getName() + ">");
    }

    @Test
    void aWrapperWithoutConcreteTypeArgumentsIsRefused() {
        assertThatThrownBy(() -> WrapperTypes.typeArguments(Generic.class))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(Generic.class.getName());
    }

    @Test
    void theSchemaFileIsNamedAfterTheType() {
        assertThat(IvsHandlerWrapper.schemaFileName("Community::IVSRealTime::PublicKey"))
            .isEqualTo("community-ivsrealtime-publickey.json");
        assertThat(new HandlerWrapper().provideResourceSchemaJSONObject().getString("typeName"))
            .isEqualTo(ResourceModel.TYPE_NAME);
    }

    /** The ARN form the handlers check identifiers against is the schema's Arn pattern, for every type. */
    @Test
    void theArnFormIsTheSchemasArnPattern() {
        for (final IvsHandlerWrapper<?, ?, ?> wrapper : List.of(new HandlerWrapper(),
            new community.ivsrealtime.encoderconfiguration.HandlerWrapper(),
            new community.ivsrealtime.storageconfiguration.HandlerWrapper(),
            new community.ivsrealtime.publickey.HandlerWrapper(),
            new community.ivsrealtime.ingestconfiguration.HandlerWrapper())) {
            assertThat(wrapper.ops().arnPattern()).isEqualTo(wrapper.provideResourceSchemaJSONObject()
                .getJSONObject("properties").getJSONObject("Arn").getString("pattern"));
        }
    }

    /** Never instantiated: only its declaration matters. */
    private abstract static class Generic<M> extends IvsHandlerWrapper<M, StdCallbackContext, Object> {
        Generic() {
            super(null, StdCallbackContext::new);
        }
    }
}
