package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One API operation of the registry: its model name, whether it only reads (it then shares the account and
 * region's lock with other reads) or writes (it holds the lock alone, and the state is saved after it), and its
 * body.
 *
 * @param name   model operation name, for example {@code CreateStage}
 * @param access {@link Access#READ} or {@link Access#WRITE}
 * @param body   the business logic
 */
record Operation(String name, Access access, Body body) {

    /** How an operation uses the state of its account and region. */
    enum Access { READ, WRITE }

    /** The business logic of one operation, run with the lock of the account and region held. */
    @FunctionalInterface
    interface Body {
        /**
         * @param in    validated input (URI and query members merged in under their member names)
         * @param store state of the caller's account and region
         * @param now   the service's current time
         * @return the output body
         */
        ObjectNode run(ObjectNode in, RegionStore store, Instant now);
    }
}
