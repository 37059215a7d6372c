package community.ivsrealtime.emulator.protocol;

/**
 * An access key the endpoint accepts, and the account it belongs to.
 *
 * @param accessKeyId     the access key id (for example AKIAIOSFODNN7EXAMPLE)
 * @param secretAccessKey the secret used to verify SigV4 signatures (never logged)
 * @param accountId       the 12-digit account the key belongs to
 */
public record Credential(String accessKeyId, String secretAccessKey, String accountId) {
    public Credential {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("access key id and secret access key must not be empty");
        }
        if (accountId == null || !accountId.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("account id must be 12 digits, got '" + accountId + "'");
        }
    }

    @Override
    public String toString() {
        return "Credential[accessKeyId=" + accessKeyId + ", accountId=" + accountId + "]";
    }
}
