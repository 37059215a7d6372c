package community.ivsrealtime.emulator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.core.IvsException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@code advanceTime} cannot move the service clock beyond 4-digit years: it used to accept any amount, answer
 * {@code now} values like {@code +292279051-07-13T...} (not ISO-8601 timestamps the SDK parses) and, past
 * {@code Instant.MAX}, make every later call fail with 500 until a reset.
 */
class AdvanceTimeLimitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CallContext CTX = new CallContext("123456789012", "us-east-1", "AKID", "req");
    private final IvsRealTimeService service = new IvsRealTimeService(
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), Quotas.defaults());

    private ObjectNode sim(String action, String json) throws Exception {
        return service.admin(action, (ObjectNode) JSON.readTree(json), CTX);
    }

    @Test
    void hugeAdvancesAreRejectedAndLeaveTheClockUsable() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> sim("advanceTime", "{\"seconds\":1e300}"))
                    .isInstanceOfSatisfying(IvsException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("9999-12-31T23:59:59Z");
                    });
        }
        assertThatThrownBy(() -> sim("advanceTime", "{\"seconds\":1e400}")).isInstanceOf(IvsException.class);
        assertThat(sim("now", "{}").get("now").asText()).isEqualTo("2026-01-02T03:04:05Z");
        ObjectNode created = service.invoke("CreateStage", JSON.createObjectNode(), CTX);
        assertThat(created.at("/stage/arn").asText()).startsWith("arn:aws:ivs:us-east-1:123456789012:stage/");
        // a long but representable advance still works (100 Julian years)
        assertThat(sim("advanceTime", "{\"seconds\":3155760000}").get("now").asText()).isEqualTo("2126-01-03T03:04:05Z");
    }
}
