package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.emulator.TestSupport.Raw;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import community.ivsrealtime.emulator.service.Quotas;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PUT /_emulator/quotas} takes whole numbers only and changes nothing when any entry is bad (a fraction
 * used to be truncated silently, and the entries before an unknown name were applied).
 */
class AdminQuotasInputTest {
    @RegisterExtension
    static final IvsRealTimeExtension ivs =
            IvsRealTimeExtension.create(IvsRealTimeEmulator.builder().verifySignatures(false));

    @Test
    void fractionalQuotaIsRejected() {
        int before = ivs.service().quotas().get(Quotas.STAGES);
        Raw r = TestSupport.send(ivs, "PUT", "/_emulator/quotas", "{\"stages\":1.5}", "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("stages").contains("1.5");
        assertThat(ivs.service().quotas().get(Quotas.STAGES)).isEqualTo(before);
    }

    @Test
    void aBadEntryLeavesEveryQuotaUnchanged() {
        Map<String, Integer> before = ivs.service().quotas().asMap();
        Raw unknown = TestSupport.send(ivs, "PUT", "/_emulator/quotas", "{\"stages\":3,\"noSuchQuota\":1}",
                "application/json");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("noSuchQuota");
        Raw negative = TestSupport.send(ivs, "PUT", "/_emulator/quotas", "{\"compositions\":2,\"stages\":-1}",
                "application/json");
        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
        assertThat(ivs.service().quotas().asMap()).isEqualTo(before);

        Raw good = TestSupport.send(ivs, "PUT", "/_emulator/quotas", "{\"stages\":3,\"compositions\":2}",
                "application/json");
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().get("stages").asInt()).isEqualTo(3);
        assertThat(good.json().get("compositions").asInt()).isEqualTo(2);
    }
}
