package community.ivsrealtime.publickey;

import community.ivsrealtime.common.IvsHandlerWrapper;

/**
 * Lambda entry points of Community::IVSRealTime::PublicKey: {@code handleRequest} and {@code testEntrypoint}, both
 * inherited; the type itself is {@link Translator#OPS}.
 */
public final class HandlerWrapper extends IvsHandlerWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapper() {
        super(Translator.OPS, CallbackContext::new);
    }
}
