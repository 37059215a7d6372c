package community.ivsrealtime.emulator.core;

/**
 * Who is calling and where: the account is derived from the (verified) access key, the region from the
 * SigV4 credential scope. State is kept per account and region.
 *
 * @param accountId   12-digit account of the caller
 * @param region      region of the SigV4 scope (for example us-east-1)
 * @param accessKeyId access key that signed the request (never the secret)
 * @param requestId   the x-amzn-RequestId of this call
 */
public record CallContext(String accountId, String region, String accessKeyId, String requestId) {
}
