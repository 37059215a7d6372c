package community.ivsrealtime.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.TestSupport;
import community.ivsrealtime.emulator.TestSupport.EchoHandler;
import community.ivsrealtime.emulator.faults.RecordedCall;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
        RecordedCall last = ivs.calls().all().get(ivs.calls().all().size() - 1);
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
    @Test
    void regionOfTheScopeMustBeAWellFormedRegionName() {
        // correctly signed for the region it names, so only the region's form is wrong
        TestSupport.Raw upper = TestSupport.send(signedPost("EU-WEST-1", List.of("host", "x-amz-date"), Map.of()));
        assertThat(upper.status()).as(upper.body()).isEqualTo(403);
        assertThat(upper.header("x-amzn-ErrorType")).isEqualTo("InvalidSignatureException");
        assertThat(upper.json().get("message").asText())
                .isEqualTo("Credential should be scoped to a valid region, not 'EU-WEST-1'. ");
        for (String bad : List.of("us_east_1", "useast1", "local", "us-east-", "-us-east-1", "us-east-1x")) {
            TestSupport.Raw r = TestSupport.send(signedPost(bad, List.of("host", "x-amz-date"), Map.of()));
            assertThat(r.status()).as(bad).isEqualTo(403);
            assertThat(r.json().get("message").asText()).as(bad).contains("'" + bad + "'");
        }
        // the SDK does not lower-case a region it is given
        try (IvsRealTimeClient client = client(ivs.emulator(), Region.of("EU-WEST-1"))) {
            IvsRealTimeException e = catchThrowableOfType(IvsRealTimeException.class,
                    () -> client.createStage(r -> r.name("unreachable")));
            assertThat(e).as("refused").isNotNull();
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("valid region").contains("'EU-WEST-1'");
        }
        assertThat(HANDLER.operations).doesNotContain("CreateStage");
        for (String good : List.of("us-east-1", "us-gov-west-1", "cn-north-1", "ap-southeast-4", "eu-isoe-west-1")) {
            assertThat(TestSupport.send(signedPost(good, List.of("host", "x-amz-date"), Map.of())).status())
                    .as(good).isEqualTo(200);
            try (IvsRealTimeClient client = client(ivs.emulator(), Region.of(good))) {
                client.listStages(r -> { });
            }
            assertThat(HANDLER.contexts.get(HANDLER.contexts.size() - 1).region()).isEqualTo(good);
        }
    }

    @Test
    void badRegionIsRefusedAlsoWithoutVerificationSinceItWouldEndUpInTheArns() {
        EchoHandler handler = new EchoHandler();
        try (IvsRealTimeEmulator lax = IvsRealTimeEmulator.builder().verifySignatures(false).handler(handler).start();
             IvsRealTimeClient upper = client(lax, Region.of("EU-WEST-1"));
             IvsRealTimeClient lower = client(lax, Region.EU_WEST_1)) {
            IvsRealTimeException e = catchThrowableOfType(IvsRealTimeException.class,
                    () -> upper.createStage(r -> r.name("unreachable")));
            assertThat(e).as("refused").isNotNull();
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("'EU-WEST-1'");
            assertThat(handler.operations).isEmpty();
            lower.createStage(r -> r.name("reachable"));
            assertThat(handler.contexts).extracting(c -> c.region()).containsExactly("eu-west-1");
        }
    }

    @Test
    void hostMustBeSigned() {
        TestSupport.Raw control = TestSupport.send(signedPost("us-east-1", List.of("host", "x-amz-date"), Map.of()));
        assertThat(control.status()).as(control.body()).isEqualTo(200);
        // a correct signature over the other headers, host left out
        TestSupport.Raw r = TestSupport.send(signedPost("us-east-1", List.of("content-type", "x-amz-date"), Map.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.header("x-amzn-ErrorType")).isEqualTo("IncompleteSignatureException");
        assertThat(r.json().get("message").asText())
                .isEqualTo("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void xAmzDateMustBeSignedWhenItIsSent() {
        TestSupport.Raw r = TestSupport.send(signedPost("us-east-1", List.of("content-type", "host"), Map.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.header("x-amzn-ErrorType")).isEqualTo("IncompleteSignatureException");
        assertThat(r.json().get("message").asText())
                .isEqualTo("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        // signing more than needed is fine
        TestSupport.Raw extra = TestSupport.send(signedPost("us-east-1",
                List.of("content-type", "host", "x-amz-date", "x-extra"), Map.of("X-Extra", "1")));
        assertThat(extra.status()).as(extra.body()).isEqualTo(200);
    }

    private static IvsRealTimeClient client(IvsRealTimeEmulator emulator, Region region) {
        return IvsRealTimeClient.builder().endpointOverride(emulator.endpoint()).region(region)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(software.amazon.awssdk.core.retry.RetryPolicy.none()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)))
                .build();
    }

    /**
     * {@code POST /ListStages {}} with a correct SigV4 signature (default key pair, service ivs) over exactly the
     * given headers ({@link RawSigner}), so that any header set and any scope region can be signed (the SDK's signer
     * always signs host). X-Amz-Date is always sent; {@code more} are extra headers.
     */
    private static HttpRequest signedPost(String region, List<String> signed, Map<String, String> more) {
        return RawSigner.post(ivs.endpoint(), "/ListStages", "{}").withRegion(region).withSigned(signed, more).build();
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
