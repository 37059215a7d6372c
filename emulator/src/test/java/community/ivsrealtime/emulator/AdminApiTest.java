package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import community.ivsrealtime.emulator.TestSupport.Raw;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException;

/** The admin API wired to the real business logic: simulate, quotas and reset. */
class AdminApiTest {
    /** Reset by the admin API (below), not by the extension. */
    @RegisterExtension
    static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create().resetBeforeEach(false);
    static IvsRealTimeClient client;

    @BeforeAll
    static void start() {
        client = TestSupport.client(ivs);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void reset() {
        assertThat(TestSupport.send(ivs, "POST", "/_emulator/reset", null, null).status()).isEqualTo(200);
    }

    @Test
    void callLogNamesTheResourceEachCallIsAbout() {
        String stageArn = client.createStage(r -> r.name("logged")).stage().arn();
        String ingestArn = client.createIngestConfiguration(r -> r.stageArn(stageArn).ingestProtocol("RTMPS"))
                .ingestConfiguration().arn();
        String detachedArn = client.createIngestConfiguration(r -> r.stageArn("").ingestProtocol("RTMPS"))
                .ingestConfiguration().arn();
        client.createParticipantToken(r -> r.stageArn(stageArn));

        assertThat(ivs.calls().all())
                .extracting(c -> c.operation() + " " + c.resourceArn())
                .containsExactly(
                        "CreateStage " + stageArn,
                        "CreateIngestConfiguration " + ingestArn,     // the created resource, not its stage
                        "CreateIngestConfiguration " + detachedArn,   // stageArn "" does not count
                        "CreateParticipantToken " + stageArn);        // no resource returned: the stage
    }

    @Test
    void simulateIsForwardedToTheServiceForTheCallersAccountAndRegion() {
        String stageArn = client.createStage(r -> r.name("admin")).stage().arn();
        Raw joined = TestSupport.send(ivs, "POST",
                "/_emulator/simulate/join?accountId=123456789012&region=us-east-1",
                "{\"stageArn\":\"" + stageArn + "\",\"userId\":\"alice\"}", "application/json");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        String sessionId = client.getStage(r -> r.arn(stageArn)).stage().activeSessionId();
        assertThat(sessionId).startsWith("st-");
        assertThat(client.listParticipants(r -> r.stageArn(stageArn).sessionId(sessionId)).participants())
                .singleElement().satisfies(p -> assertThat(p.userId()).isEqualTo("alice"));

        Raw unknownStage = TestSupport.send(ivs, "POST", "/_emulator/simulate/join",
                "{\"stageArn\":\"arn:aws:ivs:us-east-1:123456789012:stage/nothere\"}", "application/json");
        assertThat(unknownStage.status()).isEqualTo(404);
        assertThat(unknownStage.header("x-amzn-ErrorType")).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void simulateRefusesWronglyTypedAndUnknownMembersNamingMemberAndType() {
        String stageArn = client.createStage(r -> r.name("typed")).stage().arn();
        String stage = "\"stageArn\":\"" + stageArn + "\"";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("join {" + stage + ",\"capabilities\":\"PUBLISH\"}",
                "join member capabilities must be a list of PUBLISH or SUBSCRIBE strings, got \"PUBLISH\"");
        refused.put("join {" + stage + ",\"capabilities\":[\"PUBLSH\"]}",
                "join member capabilities must be a list of PUBLISH or SUBSCRIBE strings, got [\"PUBLSH\"]");
        refused.put("join {" + stage + ",\"publish\":\"yes\"}", "join member publish must be true or false, got \"yes\"");
        refused.put("join {" + stage + ",\"attributes\":{\"a\":{\"b\":1}}}",
                "join member attributes must be an object with string values, got {\"a\":{\"b\":1}}");
        refused.put("join {\"stageArn\":123}", "join member stageArn must be a string, got 123");
        refused.put("join {" + stage + ",\"userId\":null}", "join member userId must be a string, got null");
        refused.put("join {" + stage + ",\"protocol\":\"SRT\"}",
                "join member protocol must be one of [UNKNOWN, WHIP, RTMP, RTMPS], got \"SRT\"");
        refused.put("join {" + stage + ",\"osName\":7}", "join member osName must be a string, got 7");
        refused.put("join {" + stage + ",\"capabilites\":[]}", "unknown join member 'capabilites'; known: [");
        refused.put("publish {" + stage + ",\"participantId\":5}", "publish member participantId must be a string, got 5");
        refused.put("subscribe {" + stage + ",\"participantId\":\"p\",\"remoteParticipantId\":[\"q\"]}",
                "subscribe member remoteParticipantId must be a string, got [\"q\"]");
        refused.put("leave {" + stage + ",\"participantId\":\"p\",\"force\":true}", "unknown leave member 'force'");
        refused.put("ingestStart {\"ingestConfigurationArn\":false}",
                "ingestStart member ingestConfigurationArn must be a string, got false");
        refused.put("ingestStop {\"arn\":\"x\"}", "unknown ingestStop member 'arn'; known: [ingestConfigurationArn]");
        refused.put("advanceTime {\"seconds\":\"60\"}", "advanceTime member seconds must be a number, got \"60\"");
        refused.put("now {\"seconds\":1}", "unknown now member 'seconds'; known: []");
        refused.forEach((request, message) -> {
            int space = request.indexOf(' ');
            Raw r = TestSupport.send(ivs, "POST", "/_emulator/simulate/" + request.substring(0, space),
                    request.substring(space + 1), "application/json");
            assertThat(r.status()).as(request + " -> " + r.body()).isEqualTo(400);
            assertThat(r.header("x-amzn-ErrorType")).as(request).isEqualTo("ValidationException");
            assertThat(r.json().get("__type").asText()).as(request).isEqualTo("ValidationException");
            assertThat(r.json().get("message").asText()).as(request).startsWith(message);
        });
        // nothing happened: no session was opened
        assertThat(client.getStage(r -> r.arn(stageArn)).stage().activeSessionId()).isNull();
        // well typed members still work
        Raw joined = TestSupport.send(ivs, "POST", "/_emulator/simulate/join", "{" + stage + ",\"capabilities\":"
                + "[\"SUBSCRIBE\"],\"publish\":false,\"attributes\":{\"a\":\"b\"},\"protocol\":\"RTMPS\","
                + "\"osName\":\"Linux\",\"userId\":\"u\"}", "application/json");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        assertThat(joined.json().at("/participant/protocol").asText()).isEqualTo("RTMPS");
        assertThat(joined.json().at("/participant/attributes/a").asText()).isEqualTo("b");
    }

    @Test
    void simulateRefusesAnAccountOrRegionNoApiCallCanReach() {
        Raw region = TestSupport.send(ivs, "POST", "/_emulator/simulate/now?region=EU-WEST-1", "{}", "application/json");
        assertThat(region.status()).isEqualTo(400);
        assertThat(region.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
        assertThat(region.json().get("message").asText()).contains("'EU-WEST-1'");
        Raw account = TestSupport.send(ivs, "POST", "/_emulator/simulate/now?accountId=12345", "{}", "application/json");
        assertThat(account.status()).isEqualTo(400);
        assertThat(account.json().get("message").asText()).contains("'12345'");
        assertThat(TestSupport.send(ivs, "POST", "/_emulator/simulate/now?accountId=210987654321&region=ap-southeast-4",
                "{}", "application/json").status()).isEqualTo(200);
    }

    @Test
    void quotasSetThroughTheAdminApiAreEnforced() {
        int before = ivs.service().quotas().get("stages");
        try {
            Raw set = TestSupport.send(ivs, "PUT", "/_emulator/quotas", "{\"stages\":1}", "application/json");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().get("stages").asInt()).isEqualTo(1);
            client.createStage(r -> r.name("one"));
            ServiceQuotaExceededException e = catchThrowableOfType(ServiceQuotaExceededException.class,
                    () -> client.createStage(r -> r.name("two")));
            assertThat(e.statusCode()).isEqualTo(402);
            Raw unknown = TestSupport.send(ivs, "PUT", "/_emulator/quotas", "{\"noSuchQuota\":1}",
                    "application/json");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("message").asText()).contains("noSuchQuota");
        } finally {
            ivs.service().quotas().set("stages", before);
        }
    }

    @Test
    void resetForgetsResources() {
        client.createStage(r -> r.name("gone"));
        assertThat(client.listStages(r -> { }).stages()).hasSize(1);
        TestSupport.send(ivs, "POST", "/_emulator/reset", null, null);
        assertThat(client.listStages(r -> { }).stages()).isEmpty();
        assertThat(ivs.calls().counts()).containsOnlyKeys("ListStages");
    }
}
