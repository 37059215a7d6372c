package community.ivsrealtime.emulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The business logic of the endpoint: one call per operation, after the protocol layer has routed the
 * request and validated the input against the service model.
 */
public interface OperationHandler {

    /**
     * Runs one operation.
     *
     * @param operation model operation name, for example {@code CreateStage}
     * @param input     the validated input, members under their JSON names; members bound to the URI or
     *                  query ({@code resourceArn}, {@code tagKeys}) are merged in under those names
     * @param ctx       caller and region
     * @return the JSON response body (an empty object for operations with empty output)
     * @throws IvsException for any modelled error
     */
    ObjectNode invoke(String operation, ObjectNode input, CallContext ctx);
}
