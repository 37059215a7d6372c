package community.ivsrealtime.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.TestSupport;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.util.List;
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
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;

/**
 * A connection dropped AFTER the service acted: the operation is applied, the client gets no response (the real
 * service behind it, the real SDK in front).
 */
class DropAfterActingTest {
    @RegisterExtension
    static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create();
    static IvsRealTimeClient noRetries;
    static IvsRealTimeClient retrying;

    @BeforeAll
    static void start() {
        noRetries = client(0);
        retrying = client(1);
    }

    @AfterAll
    static void stop() {
        noRetries.close();
        retrying.close();
    }

    static IvsRealTimeClient client(int retries) {
        return IvsRealTimeClient.builder().endpointOverride(ivs.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(retries + 1)))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)))
                .build();
    }

    @Test
    void aCreateStageWhoseResponseWasDroppedCreatedTheStage() {
        ivs.faults().inject(Fault.operation("CreateStage").dropConnectionAfterActing().times(1));
        assertThatThrownBy(() -> noRetries.createStage(r -> r.name("lost-response"))).isInstanceOf(SdkClientException.class);

        List<StageSummary> stages = noRetries.listStages(r -> { }).stages();
        assertThat(stages).extracting(StageSummary::name).containsExactly("lost-response");
        RecordedCall call = ivs.calls().all().get(0);
        assertThat(call.operation()).isEqualTo("CreateStage");
        assertThat(call.status()).isZero();
        assertThat(call.errorCode()).isEqualTo(RecordedCall.DROPPED_AFTER_ACTING);
        assertThat(call.resourceArn()).isEqualTo(stages.get(0).arn());
        assertThat(ivs.faults().active()).isEmpty();
    }

    @Test
    void aClientThatRetriesALostCreateResponseMakesASecondResource() {
        // the reason handlers must not blindly retry creates (IVS creates take no client token)
        ivs.faults().inject(Fault.operation("CreateStage").dropConnectionAfterActing().times(1));
        retrying.createStage(r -> r.name("twice"));
        assertThat(retrying.listStages(r -> { }).stages()).extracting(StageSummary::name).containsExactly("twice", "twice");
    }

    @Test
    void aDeleteWhoseResponseWasDroppedDeleted() {
        String arn = noRetries.createStage(r -> r.name("doomed")).stage().arn();
        ivs.faults().inject(Fault.operation("DeleteStage").dropConnectionAfterActing().times(1));
        assertThatThrownBy(() -> noRetries.deleteStage(r -> r.arn(arn))).isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> noRetries.getStage(r -> r.arn(arn))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void dropBeforeActingStillHasNoEffect() {
        ivs.faults().inject(Fault.operation("CreateStage").dropConnection().times(1));
        assertThatThrownBy(() -> noRetries.createStage(r -> r.name("never"))).isInstanceOf(SdkClientException.class);
        assertThat(noRetries.listStages(r -> { }).stages()).isEmpty();
        assertThat(ivs.calls().all().get(0).errorCode()).isEqualTo(RecordedCall.DROPPED);
    }

    @Test
    void theAdminHttpApiInjectsItAndRefusesBothKindsAtOnce() {
        TestSupport.Raw r = TestSupport.send(ivs, "POST", "/_emulator/faults",
                "{\"operation\":\"CreateStage\",\"dropConnectionAfterActing\":true,\"times\":1}", "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("fault").asText()).isEqualTo("Fault[operation=CreateStage, dropConnectionAfterActing, times=1]");
        assertThatThrownBy(() -> noRetries.createStage(r2 -> r2.name("via-admin"))).isInstanceOf(SdkClientException.class);
        assertThat(noRetries.listStages(r2 -> { }).stages()).extracting(StageSummary::name).containsExactly("via-admin");

        TestSupport.Raw both = TestSupport.send(ivs, "POST", "/_emulator/faults",
                "{\"dropConnection\":true,\"dropConnectionAfterActing\":true}", "application/json");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("message").asText()).contains("either before the service acts (dropConnection) or after "
                + "(dropConnectionAfterActing), not both");
        TestSupport.Raw typo = TestSupport.send(ivs, "POST", "/_emulator/faults", "{\"dropConnectionAfterActing\":1}",
                "application/json");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(ivs.faults().active()).isEmpty();
    }
}
