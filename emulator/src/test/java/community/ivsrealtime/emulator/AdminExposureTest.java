package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.emulator.protocol.WireRequest;
import community.ivsrealtime.emulator.protocol.WireResponse;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * The admin API answers loopback clients only, unless opened explicitly. Requests "from" other addresses are handed
 * to the admin API directly (no traffic leaves loopback); 192.0.2.0/24 is the documentation network (RFC 5737).
 */
class AdminExposureTest {
    private static final InetAddress REMOTE = address("192.0.2.10");

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireRequest reset(InetAddress from) {
        return new WireRequest("POST", "/_emulator/reset", null, Map.of(), new byte[0], from);
    }

    @Test
    void aClientBeyondLoopbackIsRefusedAndNothingIsReset() {
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.start();
             IvsRealTimeClient client = TestSupport.client(emulator)) {
            client.createStage(r -> r.name("kept"));
            WireResponse refused = emulator.adminApi().handle(reset(REMOTE));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.headers().get("x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
            assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                    .contains("answers only clients on this machine (loopback)")
                    .contains("--admin-on-all-interfaces").contains("192.0.2.10");
            for (String path : new String[] {"/_emulator/faults", "/_emulator/quotas", "/_emulator/simulate/join"}) {
                assertThat(emulator.adminApi().handle(new WireRequest("POST", path, null, Map.of(),
                        "{}".getBytes(StandardCharsets.UTF_8), REMOTE)).status()).as(path).isEqualTo(403);
            }
            assertThat(client.listStages(r -> { }).stages()).hasSize(1);
            assertThat(emulator.faults().active()).isEmpty();

            // loopback clients, IPv4 and IPv6, and a real HTTP request from 127.0.0.1
            assertThat(emulator.adminApi().handle(reset(address("::1"))).status()).isEqualTo(200);
            client.createStage(r -> r.name("again"));
            assertThat(emulator.adminApi().handle(reset(address("127.0.0.2"))).status()).isEqualTo(200);
            client.createStage(r -> r.name("again"));
            assertThat(TestSupport.send(emulator, "POST", "/_emulator/reset", "", "application/json").status()).isEqualTo(200);
            assertThat(client.listStages(r -> { }).stages()).isEmpty();
        }
    }

    @Test
    void openedExplicitlyItAnswersEveryone() {
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.builder().adminOnAllInterfaces(true).start();
             IvsRealTimeClient client = TestSupport.client(emulator)) {
            client.createStage(r -> r.name("gone"));
            assertThat(emulator.adminOnAllInterfaces()).isTrue();
            assertThat(emulator.adminApi().handle(reset(REMOTE)).status()).isEqualTo(200);
            assertThat(client.listStages(r -> { }).stages()).isEmpty();
        }
    }

    @Test
    void theCommandLineOptionOpensIt() {
        Main closed = new Main();
        new CommandLine(closed).parseArgs();
        assertThat(closed.adminOnAllInterfaces).isFalse();
        Main open = new Main();
        new CommandLine(open).parseArgs("--admin-on-all-interfaces", "--port", "0");
        assertThat(open.adminOnAllInterfaces).isTrue();
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.builder().port(0).start()) {
            assertThat(closed.banner(emulator)).contains("(loopback clients only)");
            assertThat(open.banner(emulator)).contains("(open to all clients)");
        }
    }
}
