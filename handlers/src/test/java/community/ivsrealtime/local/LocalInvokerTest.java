package community.ivsrealtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Finding a type's wrapper; running one is covered by every handler test (they all go through LocalInvoker). */
class LocalInvokerTest {

    @Test
    void knowsTheFiveTypes() {
        assertThat(LocalInvoker.typeNames()).containsExactly(
            "Community::IVSRealTime::EncoderConfiguration", "Community::IVSRealTime::IngestConfiguration",
            "Community::IVSRealTime::PublicKey", "Community::IVSRealTime::Stage",
            "Community::IVSRealTime::StorageConfiguration");
        assertThat(LocalInvoker.forType("Community::IVSRealTime::PublicKey").wrapper())
            .isInstanceOf(community.ivsrealtime.publickey.HandlerWrapper.class);
    }

    @Test
    void aNewWrapperForEveryCall() {
        final LocalInvoker invoker = LocalInvoker.forType("Community::IVSRealTime::Stage");
        assertThat(invoker.wrapper()).isNotSameAs(invoker.wrapper());
    }

    @Test
    void anUnknownTypeIsNamed() {
        assertThatThrownBy(() -> LocalInvoker.forType("AWS::IVS::Stage"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("AWS::IVS::Stage").hasMessageContaining("Community::IVSRealTime::Stage");
    }

    @Test
    void theContextKeepsWhatIsLogged() {
        final LocalLambdaContext context = new LocalLambdaContext("fn");
        context.getLogger().log("one");
        context.getLogger().log("two".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(context.logLines()).containsExactly("one", "two");
        assertThat(context.log()).isEqualTo("one\ntwo");
        assertThat(context.getFunctionName()).isEqualTo("fn");
        assertThat(context.getRemainingTimeInMillis()).isBetween(LocalLambdaContext.REMAINING_MILLIS - 60_000,
            LocalLambdaContext.REMAINING_MILLIS);
    }

    @Test
    void theRemainingTimeCountsDownFromTheFunctionsTimeout() throws InterruptedException {
        final LocalLambdaContext context = new LocalLambdaContext("fn", 2_000);
        assertThat(context.getRemainingTimeInMillis()).isBetween(1_000, 2_000);
        Thread.sleep(50);
        assertThat(context.getRemainingTimeInMillis()).isLessThan(1_951);
        assertThatThrownBy(() -> new LocalLambdaContext("fn", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalLambdaContext("fn", 900_001)).isInstanceOf(IllegalArgumentException.class);
    }
}
