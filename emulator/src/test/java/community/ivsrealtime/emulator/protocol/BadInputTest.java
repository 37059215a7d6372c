package community.ivsrealtime.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.TestSupport;
import community.ivsrealtime.emulator.TestSupport.EchoHandler;
import community.ivsrealtime.emulator.TestSupport.Raw;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

/** Bad input never crashes the endpoint: every case gets a clean 4xx in the IVS error format. */
class BadInputTest {
    static final EchoHandler HANDLER = new EchoHandler();
    @RegisterExtension
    static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create(
            IvsRealTimeEmulator.builder().verifySignatures(false).handler(HANDLER).maxBodyBytes(64 * 1024));

    static void assertIvsError(Raw r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("x-amzn-ErrorType")).isEqualTo(code);
        assertThat(r.header("x-amzn-RequestId")).isNotBlank();
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = r.json();
        assertThat(body.get("__type").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("exceptionMessage").asText()).isEqualTo(body.get("message").asText());
    }

    @Test
    void malformedJsonIsSerializationException() {
        Raw r = TestSupport.send(ivs, "POST", "/CreateStage", "{\"name\": ", "application/json");
        assertIvsError(r, 400, "SerializationException");
        assertIvsError(TestSupport.send(ivs, "POST", "/CreateStage", "not json", "application/json"), 400,
                "SerializationException");
        assertIvsError(TestSupport.send(ivs, "POST", "/CreateStage", "[1,2]", "application/json"), 400,
                "SerializationException");
        assertIvsError(TestSupport.send(ivs, "POST", "/CreateStage", "\"text\"", "application/json"), 400,
                "SerializationException");
    }

    @Test
    void dataAfterTheJsonObjectIsSerializationException() {
        for (String body : new String[] {"{\"maxResults\":5}{\"x\":1}", "{}{}", "{} 1", "{}]", "{} x", "{}\n{}"}) {
            Raw r = TestSupport.send(ivs, "POST", "/ListStages", body, "application/json");
            assertIvsError(r, 400, "SerializationException");
            assertThat(r.json().get("message").asText()).as(body).startsWith("Request body is not valid JSON: ");
        }
        Raw trailing = TestSupport.send(ivs, "POST", "/ListStages", "{\"maxResults\":5}{\"x\":1}", "application/json");
        assertThat(trailing.json().get("message").asText())
                .isEqualTo("Request body is not valid JSON: unexpected data after the JSON value at line 1, column 17");
        // white space after the object is fine
        assertThat(TestSupport.send(ivs, "POST", "/ListStages", "{\"maxResults\":5} \r\n\t", "application/json")
                .status()).isEqualTo(200);
        // the admin API reads its bodies the same way
        assertIvsError(TestSupport.send(ivs, "POST", "/_emulator/faults", "{}{\"status\":500}", "application/json"),
                400, "SerializationException");
    }

    @Test
    void aMemberNameTwiceKeepsItsLastValue() {
        Raw r = TestSupport.send(ivs, "POST", "/CreateStage", "{\"name\":\"a\",\"name\":\"b\"}", "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("stage").path("name").asText()).isEqualTo("b");
    }

    @Test
    void emptyBodyAndOtherContentTypesAreReadAsJson() {
        assertThat(TestSupport.send(ivs, "POST", "/ListStages", null, null).status()).isEqualTo(200);
        assertThat(TestSupport.send(ivs, "POST", "/ListStages", "  ", "text/plain").status()).isEqualTo(200);
        assertThat(TestSupport.send(ivs, "POST", "/ListStages", "{\"maxResults\":5}", "application/x-amz-json-1.1")
                .status()).isEqualTo(200);
        assertIvsError(TestSupport.send(ivs, "POST", "/ListStages", "a=b", "application/x-www-form-urlencoded"),
                400, "SerializationException");
    }

    @Test
    void hugeBodyIs413() {
        String huge = "{\"name\":\"" + "a".repeat(200 * 1024) + "\"}";
        assertIvsError(TestSupport.send(ivs, "POST", "/CreateStage", huge, "application/json"), 413,
                "RequestEntityTooLargeException");
        // the endpoint is still fine afterwards
        assertThat(TestSupport.send(ivs, "POST", "/ListStages", "{}", "application/json").status()).isEqualTo(200);
    }

    @Test
    void hugeChunkedBodyWithoutLengthIs413() {
        byte[] huge = ("{\"name\":\"" + "a".repeat(200 * 1024) + "\"}").getBytes();
        Raw r = TestSupport.send(HttpRequest.newBuilder(URI.create(ivs.endpoint() + "/CreateStage"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build());
        assertIvsError(r, 413, "RequestEntityTooLargeException");
    }

    @Test
    void unknownOperationsAndWrongMethodsAre404UnknownOperation() {
        assertIvsError(TestSupport.send(ivs, "POST", "/CreateChannel", "{}", "application/json"), 404,
                "UnknownOperationException");
        assertIvsError(TestSupport.send(ivs, "GET", "/CreateStage", null, null), 404, "UnknownOperationException");
        assertIvsError(TestSupport.send(ivs, "POST", "/", "{}", "application/json"), 404,
                "UnknownOperationException");
        assertIvsError(TestSupport.send(ivs, "PUT", "/tags/arn%3Aaws%3Aivs%3Aus-east-1%3A123456789012%3Astage%2Fa",
                "{}", "application/json"), 404, "UnknownOperationException");
        assertIvsError(TestSupport.send(ivs, "GET", "/tags/a/b", null, null), 404, "UnknownOperationException");
        assertIvsError(TestSupport.send(ivs, "GET", "/_emulator/nothing", null, null), 404,
                "UnknownOperationException");
    }

    @Test
    void badPercentEncodingIsValidationException() {
        Raw invalidUtf8 = TestSupport.send(ivs, "GET", "/tags/%C3%28", null, null);
        assertIvsError(invalidUtf8, 400, "ValidationException");
        assertThat(invalidUtf8.json().get("message").asText()).contains("%C3%28");
        assertIvsError(TestSupport.send(ivs, "DELETE",
                "/tags/arn%3Aaws%3Aivs%3Aus-east-1%3A123456789012%3Astage%2Fabc?tagKeys=%FF", null, null), 400,
                "ValidationException");
    }

    @Test
    void unparseableEscapesInThePathOrQueryAreValidationExceptionsAndTheEndpointCarriesOn() {
        // sent on a raw socket: HTTP clients refuse to send these targets
        String[][] cases = {
                {"GET", "/tags/arn%3Aaws%ZZ"},                                  // not hex, in the path
                {"GET", "/tags/arn%3"},                                         // trailing incomplete escape
                {"GET", "/tags/arn%"},                                          // trailing bare percent
                {"POST", "/ListStages?x=%G1"},                                  // not hex, in the query
                {"POST", "/ListStages?x=%"},                                    // trailing bare percent, in the query
                {"DELETE", "/tags/arn%3Aaws%3Aivs%3Aus-east-1%3A123456789012%3Astage%2Fabc?tagKeys=a%2"}};
        for (String[] c : cases) {
            Raw r = TestSupport.sendSocket(ivs, c[0], c[1]);
            assertIvsError(r, 400, "ValidationException");
            assertThat(r.json().get("message").asText()).as(c[1]).containsIgnoringCase("percent-encoding");
        }
        assertThat(TestSupport.send(ivs, "POST", "/ListStages", "{}", "application/json").status()).isEqualTo(200);
    }

    @Test
    void malformedRequestLinesAndHeadersAreValidationExceptions() {
        Raw badVersion = TestSupport.sendRawSocket(ivs,
                "GET /ListStages HTTP/9x\r\nHost: 127.0.0.1\r\n\r\n");
        assertIvsError(badVersion, 400, "ValidationException");
        assertThat(badVersion.json().get("message").asText()).startsWith("Malformed HTTP request: ");
        Raw badLength = TestSupport.sendRawSocket(ivs,
                "POST /ListStages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: lots\r\n\r\n{}");
        assertIvsError(badLength, 400, "ValidationException");
        Raw hugeLine = TestSupport.sendRawSocket(ivs,
                "GET /" + "a".repeat(70 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertIvsError(hugeLine, 400, "ValidationException");
        assertThat(TestSupport.send(ivs, "POST", "/ListStages", "{}", "application/json").status()).isEqualTo(200);
    }

    @Test
    void anUnsupportedExpectationIsAnIvsFormat417AndTheEndpointCarriesOn() {
        Raw r = TestSupport.sendRawSocket(ivs, "POST /ListStages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Expect: 200-ok\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertIvsError(r, 417, "ExpectationFailedException");
        assertThat(r.json().get("message").asText()).contains("Expect").contains("100-continue");
        assertThat(TestSupport.send(ivs, "POST", "/ListStages", "{}", "application/json").status()).isEqualTo(200);
    }

    @Test
    void absoluteFormTargetsAreRoutedOnTheirPath() {
        Raw r = TestSupport.sendSocket(ivs, "POST", ivs.endpoint() + "/ListStages?maxResults=5");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    void wrongJsonTypesAreValidationExceptionsNamingTheMember() {
        Raw r = TestSupport.send(ivs, "POST", "/CreateEncoderConfiguration",
                "{\"name\":5,\"video\":{\"width\":\"wide\",\"height\":720.5,\"framerate\":true},\"tags\":[]}",
                "application/json");
        assertIvsError(r, 400, "ValidationException");
        assertThat(r.json().get("message").asText()).startsWith("5 validation errors detected: ")
                .contains("Value '5' at 'name' failed to satisfy constraint: Member must be a string")
                .contains("Value 'wide' at 'video.width' failed to satisfy constraint: Member must be an integer")
                .contains("Value '720.5' at 'video.height' failed to satisfy constraint: Member must be an integer")
                .contains("at 'video.framerate' failed to satisfy constraint: Member must be a number")
                .contains("Value '[]' at 'tags' failed to satisfy constraint: Member must be a map");
    }

    @Test
    void hugeNumbersAndDeepNestingAreHandled() {
        Raw r = TestSupport.send(ivs, "POST", "/CreateParticipantToken",
                "{\"stageArn\":\"arn:aws:ivs:us-east-1:123456789012:stage/abc\",\"duration\":1e400}", "application/json");
        assertThat(r.status()).isEqualTo(400);
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Raw d = TestSupport.send(ivs, "POST", "/CreateStage", "{\"name\":" + deep + "}", "application/json");
        assertThat(d.status()).isBetween(400, 499);
        assertThat(d.json().get("__type").asText()).isIn("ValidationException", "SerializationException");
    }

    @Test
    void nullMembersCountAsAbsentAndUnknownMembersAreIgnored() {
        Raw r = TestSupport.send(ivs, "POST", "/GetStage", "{\"arn\":null,\"extra\":1}", "application/json");
        assertIvsError(r, 400, "ValidationException");
        assertThat(r.json().get("message").asText()).isEqualTo(
                "1 validation error detected: Value null at 'arn' failed to satisfy constraint: Member must not be null");
        assertThat(TestSupport.send(ivs, "POST", "/ListStages", "{\"unknown\":{\"x\":[1]}}", "application/json")
                .status()).isEqualTo(200);
    }

    @Test
    void theSdkRaisesTypedValidationExceptionWithTheIvsMessage() {
        try (IvsRealTimeEmulator signed = IvsRealTimeEmulator.builder().handler(new EchoHandler()).start();
             IvsRealTimeClient client = TestSupport.client(signed)) {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> client.createStage(r -> r.name("my stage")));
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.exceptionMessage()).isEqualTo("1 validation error detected: Value 'my stage' at 'name' failed "
                    + "to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]*");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(e.exceptionMessage());
            ValidationException nested = catchThrowableOfType(ValidationException.class,
                    () -> client.createEncoderConfiguration(r -> r.video(v -> v.width(99999).framerate(61f))));
            assertThat(nested.exceptionMessage()).isEqualTo("2 validation errors detected: Value '99999' at "
                    + "'video.width' failed to satisfy constraint: Member must have value less than or equal to 1920; "
                    + "Value '61.0' at 'video.framerate' failed to satisfy constraint: Member must have value less than "
                    + "or equal to 60");
        }
    }
}
