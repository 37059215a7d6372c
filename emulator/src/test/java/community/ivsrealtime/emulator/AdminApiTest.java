package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import community.ivsrealtime.emulator.TestSupport.Raw;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
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
