package community.ivsrealtime.contract;

import java.util.Objects;

/**
 * Who the handler requests come from: the account and region of the requests and the caller credentials the
 * handlers sign their IVS calls with (temporary credentials: CloudFormation always sends a session token).
 * {@link #toString()} shows the access key id only.
 */
public record Caller(String accountId, String region, String accessKeyId, String secretAccessKey,
                     String sessionToken) {

    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    @Override
    public String toString() {
        return "Caller[account " + accountId + ", region " + region + ", access key " + accessKeyId + "]";
    }
}
