package community.ivsrealtime.emulator.protocol;

/**
 * Who signed a request.
 *
 * @param accessKeyId the access key of the signature, or null for an unsigned request
 * @param accountId   the account of that key (the default account when unknown and not verified)
 * @param region      the region of the credential scope (the default region when unsigned)
 */
public record Caller(String accessKeyId, String accountId, String region) {
}
