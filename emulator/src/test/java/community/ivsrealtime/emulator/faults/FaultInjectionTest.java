package community.ivsrealtime.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.TestSupport;
import community.ivsrealtime.emulator.TestSupport.EchoHandler;
import community.ivsrealtime.emulator.TestSupport.Raw;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.InternalServerException;
import software.amazon.awssdk.services.ivsrealtime.model.IvsRealTimeException;

/** Fault injection and the call log, through the Java API and the admin HTTP API, seen by the real SDK. */
class FaultInjectionTest {
    static final String STAGE = "arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh";
    @RegisterExtension
    static final IvsRealTimeExtension ivs =
            IvsRealTimeExtension.create(IvsRealTimeEmulator.builder().handler(new EchoHandler()));
    static IvsRealTimeClient client;

    @BeforeAll
    static void start() {
        client = TestSupport.client(ivs);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void throttlingForTheNextNCallsThenSuccess() {
        ivs.faults().inject(Fault.operation("GetStage").status(429).errorCode("ThrottlingException")
                .message("Rate exceeded").times(2));
        for (int i = 0; i < 2; i++) {
            IvsRealTimeException e = catchThrowableOfType(IvsRealTimeException.class,
                    () -> client.getStage(r -> r.arn(STAGE)));
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        }
        assertThat(client.getStage(r -> r.arn(STAGE)).stage().arn()).isEqualTo(STAGE);
        client.listStages(r -> { }); // other operations were never affected
        assertThat(ivs.faults().active()).isEmpty();
        assertThat(ivs.calls().count("GetStage")).isEqualTo(3);
        assertThat(ivs.calls().counts()).containsEntry("GetStage", 3L).containsEntry("ListStages", 1L);
        List<RecordedCall> calls = ivs.calls().all();
        assertThat(calls).extracting(RecordedCall::status).containsExactly(429, 429, 200, 200);
        assertThat(calls).extracting(RecordedCall::errorCode).containsExactly("ThrottlingException", "ThrottlingException",
                null, null);
        assertThat(calls.get(0).resourceArn()).isEqualTo(STAGE);
        assertThat(calls.get(0).accessKeyId()).isEqualTo(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
    }

    @Test
    void theSdkRetriesThrottlingAndSucceeds() {
        ivs.faults().inject(Fault.operation("GetStage").errorCode("ThrottlingException").times(2));
        try (IvsRealTimeClient retrying = IvsRealTimeClient.builder().endpointOverride(ivs.endpoint())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)))
                .build()) {
            assertThat(retrying.getStage(r -> r.arn(STAGE)).stage().arn()).isEqualTo(STAGE);
        }
        assertThat(ivs.calls().count("GetStage")).isEqualTo(3);
    }

    @Test
    void typedErrorsForModelledCodesAndAnyOperation() {
        ivs.faults().inject(Fault.anyOperation().status(500).times(1));
        InternalServerException e = catchThrowableOfType(InternalServerException.class,
                () -> client.listStages(r -> { }));
        assertThat(e.statusCode()).isEqualTo(500);
        client.listStages(r -> { });
    }

    @Test
    void aFractionOfCallsFails() {
        ivs.faults().inject(Fault.operation("ListStages").status(503).fraction(0.5));
        int failed = 0;
        for (int i = 0; i < 100; i++) {
            try {
                client.listStages(r -> { });
            } catch (IvsRealTimeException e) {
                assertThat(e.statusCode()).isEqualTo(503);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailableException");
                failed++;
            }
        }
        // the chance that 100 fair draws all land on one side is 2^-99
        assertThat(failed).isBetween(1, 99);
        assertThat(ivs.calls().count("ListStages")).isEqualTo(100);
    }

    @Test
    void delayOnlyFaultsAddUpAndDoNotHideALaterError() {
        FaultInjector injector = new FaultInjector();
        injector.inject(Fault.anyOperation().delay(Duration.ofMillis(200)));
        injector.inject(Fault.operation("GetStage").delay(Duration.ofMillis(50)).times(1));
        injector.inject(Fault.operation("GetStage").status(500).delay(Duration.ofMillis(5)));

        Fault first = injector.next("GetStage").orElseThrow();
        assertThat(first.isError()).isTrue();
        assertThat(first.effectiveStatus()).isEqualTo(500);
        assertThat(first.delay()).isEqualTo(Duration.ofMillis(255));

        Fault second = injector.next("GetStage").orElseThrow(); // the times(1) delay is used up
        assertThat(second.delay()).isEqualTo(Duration.ofMillis(205));

        Fault other = injector.next("ListStages").orElseThrow(); // only the delay applies
        assertThat(other.isError()).isFalse();
        assertThat(other.drops()).isFalse();
        assertThat(other.delay()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void faultsThatCouldNeverFireAreRefused() {
        assertThatThrownBy(() -> Fault.operation("GetStages"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'GetStages'");
        assertThatThrownBy(() -> new FaultInjector().inject(Fault.operation("GetStage").times(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a status");

        for (String spec : List.of("{\"operation\":\"GetStages\",\"status\":500}", "{}",
                "{\"operation\":\"GetStage\",\"status\":500,\"fraction\":\"abc\"}",
                "{\"operation\":\"GetStage\",\"status\":500.5}",
                "{\"operation\":\"GetStage\",\"status\":500,\"times\":1.5}",
                "{\"operation\":\"GetStage\",\"dropConnection\":\"yes\"}",
                "{\"operation\":\"GetStage\",\"status\":500,\"time\":2}")) {
            Raw refused = TestSupport.send(ivs, "POST", "/_emulator/faults", spec, "application/json");
            assertThat(refused.status()).as(spec).isEqualTo(400);
            assertThat(refused.header("x-amzn-ErrorType")).as(spec).isEqualTo("ValidationException");
        }
        assertThat(ivs.faults().active()).isEmpty();
    }

    @Test
    void fractionIsExactWithASeededRandom() {
        FaultInjector injector = new FaultInjector(new Random(42));
        injector.inject(Fault.operation("GetStage").status(500).fraction(0.25));
        Random same = new Random(42);
        for (int i = 0; i < 50; i++) {
            assertThat(injector.next("GetStage").isPresent()).isEqualTo(same.nextDouble() < 0.25);
        }
        assertThat(injector.next("ListStages")).isEmpty();
    }

    @Test
    void delayOnlySlowsTheCallDown() {
        ivs.faults().inject(Fault.operation("GetStage").delay(Duration.ofMillis(300)).times(1));
        long start = System.nanoTime();
        assertThat(client.getStage(r -> r.arn(STAGE)).stage().arn()).isEqualTo(STAGE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(ivs.calls().all()).extracting(RecordedCall::status).containsExactly(200);
    }

    @Test
    void droppedConnectionGivesAnSdkClientException() {
        ivs.faults().inject(Fault.operation("GetStage").dropConnection().times(1));
        assertThatThrownBy(() -> client.getStage(r -> r.arn(STAGE))).isInstanceOf(SdkClientException.class);
        assertThat(client.getStage(r -> r.arn(STAGE)).stage().arn()).isEqualTo(STAGE);
        assertThat(ivs.calls().all()).extracting(RecordedCall::errorCode).containsExactly(RecordedCall.DROPPED, null);
        assertThat(ivs.calls().all().get(0).status()).isZero();
    }

    @Test
    void clearRemovesFaultsAndResetForgetsCalls() {
        ivs.faults().inject(Fault.anyOperation().status(500));
        ivs.faults().clear();
        client.listStages(r -> { });
        assertThat(ivs.calls().count("ListStages")).isEqualTo(1);
        ivs.calls().clear();
        assertThat(ivs.calls().all()).isEmpty();
        assertThat(ivs.calls().counts()).isEmpty();
    }

    @Test
    void createsAreLoggedWithTheArnTheyReturned() {
        client.createStage(r -> r.name("s1"));
        RecordedCall call = ivs.calls().all().get(0);
        assertThat(call.operation()).isEqualTo("CreateStage");
        assertThat(call.resourceArn()).isEqualTo(STAGE);
        client.tagResource(r -> r.resourceArn(STAGE).tags(java.util.Map.of("a", "b")));
        assertThat(ivs.calls().all().get(1).resourceArn()).isEqualTo(STAGE);
    }

    @Test
    void adminApiInjectsListsAndClearsFaultsAndReadsCalls() {
        Raw injected = TestSupport.send(ivs, "POST", "/_emulator/faults",
                "{\"operation\":\"GetStage\",\"status\":429,\"errorCode\":\"ThrottlingException\",\"times\":1}",
                "application/json");
        assertThat(injected.status()).isEqualTo(200);
        assertThat(TestSupport.send(ivs, "GET", "/_emulator/faults", null, null).json().get("faults"))
                .hasSize(1);
        assertThat(catchThrowableOfType(IvsRealTimeException.class, () -> client.getStage(r -> r.arn(STAGE)))
                .statusCode()).isEqualTo(429);
        client.getStage(r -> r.arn(STAGE));
        Raw calls = TestSupport.send(ivs, "GET", "/_emulator/calls", null, null);
        assertThat(calls.json().get("counts").get("GetStage").asInt()).isEqualTo(2);
        assertThat(calls.json().get("calls").get(0).get("errorCode").asText()).isEqualTo("ThrottlingException");
        assertThat(calls.json().get("calls").get(1).get("resourceArn").asText()).isEqualTo(STAGE);

        TestSupport.send(ivs, "POST", "/_emulator/faults", "{\"dropConnection\":true}", "application/json");
        assertThatThrownBy(() -> client.listStages(r -> { })).isInstanceOf(SdkClientException.class);
        assertThat(TestSupport.send(ivs, "DELETE", "/_emulator/faults", null, null).status()).isEqualTo(200);
        client.listStages(r -> { });
        assertThat(TestSupport.send(ivs, "DELETE", "/_emulator/calls", null, null).status()).isEqualTo(200);
        assertThat(ivs.calls().all()).isEmpty();

        Raw bad = TestSupport.send(ivs, "POST", "/_emulator/faults", "{\"status\":200}", "application/json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
        assertThat(TestSupport.send(ivs, "POST", "/_emulator/faults", "{oops", "application/json").status())
                .isEqualTo(400);
    }

    @Test
    void adminApiResetQuotasHealthAndSimulate() {
        client.listStages(r -> { });
        assertThat(TestSupport.send(ivs, "GET", "/_emulator/health", null, null).json().get("status").asText())
                .isEqualTo("ok");
        assertThat(TestSupport.send(ivs, "POST", "/_emulator/reset", null, null).status()).isEqualTo(200);
        assertThat(ivs.calls().all()).isEmpty();
        Raw quotas = TestSupport.send(ivs, "PUT", "/_emulator/quotas", "{\"stages\":7}", "application/json");
        assertThat(quotas.status()).isEqualTo(200);
        assertThat(ivs.service().quotas().get("stages")).isEqualTo(7);
        assertThat(TestSupport.send(ivs, "GET", "/_emulator/quotas", null, null).json().get("stages").asInt())
                .isEqualTo(7);
        assertThat(TestSupport.send(ivs, "PUT", "/_emulator/quotas", "{\"stages\":\"x\"}", "application/json")
                .status()).isEqualTo(400);
        // simulate is forwarded to the service: an unknown action comes back as its error, in the IVS format
        Raw simulated = TestSupport.send(ivs, "POST", "/_emulator/simulate/no-such-action", "{}",
                "application/json");
        assertThat(simulated.status()).isBetween(400, 499);
        assertThat(simulated.json().get("__type").asText()).isNotBlank();
    }
}
