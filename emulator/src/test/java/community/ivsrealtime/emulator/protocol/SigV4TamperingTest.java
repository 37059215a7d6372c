package community.ivsrealtime.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.emulator.TestSupport;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signature covers the body that arrived, the scope's date and terminator: requests changed after signing or
 * signed with a bad scope are refused with the 403 code AWS returns
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html), and nothing happens.
 */
class SigV4TamperingTest {
    @RegisterExtension
    static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create();

    private static final String SIGNED = "{\"name\":\"a\"}";
    private static final String TAMPERED = "{\"name\":\"b\"}";

    private RawSigner createStage(String body) {
        return RawSigner.post(ivs.endpoint(), "/CreateStage", body);
    }

    private static void assertRefused(TestSupport.Raw r, String code, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.header("x-amzn-ErrorType")).isEqualTo(code);
        assertThat(r.json().get("message").asText()).isEqualTo(message);
    }

    private void assertNoStage() {
        TestSupport.Raw list = TestSupport.sendSigned(ivs, "POST", "/ListStages", "{}");
        assertThat(list.json().get("stages")).isEmpty();
    }

    @Test
    void theUntamperedRequestPasses() {
        TestSupport.Raw r = TestSupport.send(createStage(SIGNED).build());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/stage/name").asText()).isEqualTo("a");
    }

    @Test
    void aBodyChangedAfterSigningFailsTheSignature() {
        assertRefused(TestSupport.send(createStage(SIGNED).withSentBody(TAMPERED).build()),
                "InvalidSignatureException", SigV4Verifier.SIGNATURE_MISMATCH);
        assertNoStage();
    }

    @Test
    void theDeclaredContentHashIsNotTrusted() {
        // the signed x-amz-content-sha256 is the hash of the signed body; the tampered body arrives
        String signedHash = SigV4Verifier.hexSha256(SIGNED.getBytes(StandardCharsets.UTF_8));
        assertRefused(TestSupport.send(createStage(SIGNED).withPayloadHash(signedHash).withSentBody(TAMPERED).build()),
                "InvalidSignatureException", SigV4Verifier.SIGNATURE_MISMATCH);
        // UNSIGNED-PAYLOAD is an S3 convention: a signature over it does not cover the body, so it is not accepted
        assertRefused(TestSupport.send(createStage(SIGNED).withPayloadHash("UNSIGNED-PAYLOAD").withSentBody(TAMPERED)
                .build()), "InvalidSignatureException", SigV4Verifier.SIGNATURE_MISMATCH);
        assertNoStage();
        // the declared hash matching the body is fine
        TestSupport.Raw ok = TestSupport.send(createStage(SIGNED).withPayloadHash(signedHash).build());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }

    @Test
    void anXAmzDateThatDisagreesWithTheScopeDateIsRefused() {
        assertRefused(TestSupport.send(createStage(SIGNED).withAmzDate("20260102T000000Z").build()),
                "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                        + "of date from HTTP: '20260101' != '20260102', from '20260102T000000Z'.");
        assertNoStage();
    }

    @Test
    void aWrongScopeTerminatorIsRefused() {
        assertRefused(TestSupport.send(createStage(SIGNED).withTerminator("aws4_requestx").build()),
                "InvalidSignatureException",
                "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_requestx'. ");
        assertNoStage();
    }
}
