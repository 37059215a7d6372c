package community.ivsrealtime.bench.baseline;

import software.amazon.cloudformation.proxy.StdCallbackContext;

/** The template's callback context. */
public class CallbackContext extends StdCallbackContext {
}
