package community.ivsrealtime.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.TestSupport;
import community.ivsrealtime.emulator.TestSupport.EchoHandler;
import community.ivsrealtime.emulator.faults.Call;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IvsRealTimeException;

/** SigV4 verification with the real Java SDK v2 client and with raw requests. */
class SigV4Test {
    static final EchoHandler HANDLER = new EchoHandler();
    @RegisterExtension
    static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create(IvsRealTimeEmulator.builder().handler(HANDLER)
            .credentials(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY,
                    IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID)
            .credentials("AKIAOTHERACCOUNT0001", "other-secret", "210987654321"));

    @Test
    void goodCredentialsPassAndGiveAccountAndRegion() {
        try (IvsRealTimeClient client = TestSupport.client(ivs)) {
            assertThat(client.getStage(r -> r.arn("arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh")).stage().arn())
                    .isEqualTo("arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh");
        }
        try (IvsRealTimeClient other = IvsRealTimeClient.builder().endpointOverride(ivs.endpoint())
                .region(Region.EU_WEST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAOTHERACCOUNT0001",
                                "other-secret"))).build()) {
            other.listStages(r -> r.maxResults(5));
        }
        var ctx = HANDLER.contexts.get(HANDLER.contexts.size() - 1);
        assertThat(ctx.accountId()).isEqualTo("210987654321");
        assertThat(ctx.region()).isEqualTo("eu-west-1");
        assertThat(ctx.accessKeyId()).isEqualTo("AKIAOTHERACCOUNT0001");
        assertThat(ctx.requestId()).isNotBlank();
    }

    @Test
    void taggingPathWithEncodedArnAndRepeatedQueryIsVerified() {
        String arn = "arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh";
        try (IvsRealTimeClient client = TestSupport.client(ivs)) {
            client.tagResource(r -> r.resourceArn(arn).tags(Map.of("a b", "1", "c/d", "2")));
            client.untagResource(r -> r.resourceArn(arn).tagKeys("a b", "c/d", "z~*+"));
            client.listTagsForResource(r -> r.resourceArn(arn));
        }
        var untag = HANDLER.inputs.get(HANDLER.operations.lastIndexOf("UntagResource"));
        assertThat(untag.get("resourceArn").asText()).isEqualTo(arn);
        assertThat(untag.get("tagKeys").toString()).isEqualTo("[\"a b\",\"c/d\",\"z~*+\"]");
    }

    @Test
    void sessionCredentialsWithAnyTokenPassWhenTheKeyPairMatches() {
        try (IvsRealTimeClient client = IvsRealTimeClient.builder().endpointOverride(ivs.endpoint())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY,
                        "some-session-token"))).build()) {
            assertThat(client.listStages(r -> { }).stages()).isEmpty();
        }
    }

    @Test
    void wrongSecretIsInvalidSignature() {
        try (IvsRealTimeClient client = TestSupport.client(ivs, IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID,
                "not-the-secret")) {
            IvsRealTimeException e = catchThrowableOfType(IvsRealTimeException.class,
                    () -> client.listStages(r -> { }));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.getMessage()).contains("The request signature we calculated does not match");
            assertThat(e.requestId()).isNotBlank();
        }
        Call last = ivs.calls().all().get(ivs.calls().all().size() - 1);
        assertThat(last.errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(last.status()).isEqualTo(403);
    }

    @Test
    void unknownKeyIsUnrecognizedClient() {
        try (IvsRealTimeClient client = TestSupport.client(ivs, "AKIAUNKNOWNKEY000000", "whatever")) {
            IvsRealTimeException e = catchThrowableOfType(IvsRealTimeException.class,
                    () -> client.listStages(r -> { }));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        }
    }

    @Test
    void unsignedRawRequestIsMissingAuthenticationToken() {
        TestSupport.Raw r = TestSupport.send(ivs, "POST", "/ListStages", "{}", "application/json");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
        assertThat(r.json().get("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(r.header("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    void rawRequestSignedByTheSdkSignerPassesAndTamperedBodyFails() {
        TestSupport.Raw ok = TestSupport.sendSigned(ivs, "POST", "/ListStages", "{\"maxResults\":3}");
        assertThat(ok.status()).isEqualTo(200);
        TestSupport.Raw tags = TestSupport.sendSigned(ivs, "DELETE",
                "/tags/arn%3Aaws%3Aivs%3Aus-east-1%3A123456789012%3Astage%2FabcdABCDefgh?tagKeys=b%20c&tagKeys=a", null);
        assertThat(tags.status()).isEqualTo(200);
    }

    @Test
    void malformedAuthorizationHeaderIsRejected() {
        TestSupport.Raw r = TestSupport.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(ivs.endpoint() + "/ListStages"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("x-amzn-ErrorType")).isEqualTo("IncompleteSignatureException");
    }

    @Test
    void wrongServiceInTheScopeIsRejected() {
        String auth = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/ivsrealtime/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0000";
        TestSupport.Raw r = TestSupport.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(ivs.endpoint() + "/ListStages"))
                .header("Authorization", auth).header("X-Amz-Date", "20250101T000000Z")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("x-amzn-ErrorType")).isEqualTo("InvalidSignatureException");
        assertThat(r.json().get("message").asText()).contains("'ivs'");
    }

    @Test
    void verificationOffAcceptsWrongAndMissingSignatures() {
        EchoHandler handler = new EchoHandler();
        try (IvsRealTimeEmulator lax = IvsRealTimeEmulator.builder().verifySignatures(false).handler(handler).start();
             IvsRealTimeClient client = TestSupport.client(lax, "AKIAUNKNOWNKEY000000", "wrong")) {
            client.listStages(r -> { });
            assertThat(handler.contexts.get(0).accountId()).isEqualTo(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID);
            assertThat(handler.contexts.get(0).accessKeyId()).isEqualTo("AKIAUNKNOWNKEY000000");
            TestSupport.Raw r = TestSupport.send(lax, "POST", "/ListStages", "{}", "application/json");
            assertThat(r.status()).isEqualTo(200);
            assertThat(handler.contexts.get(1).region()).isEqualTo(IvsRealTimeEmulator.DEFAULT_REGION);
        }
    }
}
