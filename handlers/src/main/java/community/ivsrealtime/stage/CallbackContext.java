package community.ivsrealtime.stage;

import software.amazon.cloudformation.proxy.StdCallbackContext;

/** Nothing of our own: every handler finishes in one invocation (no IN_PROGRESS). */
public class CallbackContext extends StdCallbackContext {
}
