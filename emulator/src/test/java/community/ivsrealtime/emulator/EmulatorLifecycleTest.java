package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;

/** Starting, resetting and stopping the endpoint, and the standalone command line. */
class EmulatorLifecycleTest {

    @Test
    void startsOnAFreeLoopbackPortWithTheRealServiceAndStops() throws IOException {
        int port;
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.start();
             IvsRealTimeClient client = TestSupport.client(emulator)) {
            port = emulator.port();
            assertThat(port).isPositive();
            assertThat(emulator.endpoint()).hasToString("http://127.0.0.1:" + port);
            assertThat(emulator.verifiesSignatures()).isTrue();
            assertThat(emulator.credentials()).singleElement().satisfies(c -> {
                assertThat(c.accessKeyId()).isEqualTo(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
                assertThat(c.accountId()).isEqualTo(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID);
            });
            // the default handler is the real business logic
            String arn = client.createStage(r -> r.name("lifecycle")).stage().arn();
            assertThat(arn).startsWith("arn:aws:ivs:us-east-1:123456789012:stage/");
            assertThat(client.getStage(r -> r.arn(arn)).stage().name()).isEqualTo("lifecycle");
            emulator.reset();
            assertThat(emulator.calls().all()).isEmpty();
            assertThatThrownBy(() -> client.getStage(r -> r.arn(arn))).isInstanceOf(ResourceNotFoundException.class);
        }
        try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port); // the port was released
        }
    }

    @Test
    void builderChecksItsArguments() {
        assertThatThrownBy(() -> IvsRealTimeEmulator.builder().credentials("AKID", "secret", "12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> IvsRealTimeEmulator.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
        IvsRealTimeEmulator.builder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).start().close();
    }

    @Test
    void aBusyPortIsAClearError() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> IvsRealTimeEmulator.builder().port(busy.getLocalPort()).start())
                    .hasMessageContaining(Integer.toString(busy.getLocalPort()));
            assertThat(new CommandLine(new Main()).execute("--port", Integer.toString(busy.getLocalPort())))
                    .isEqualTo(2);
        }
    }

    @Test
    void commandLineOptionsAndBanner() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--port", "0", "--no-verify-signatures", "--access-key-id", "AKIAOTHER",
                "--secret-access-key", "s3cr3t", "--account-id", "111122223333");
        assertThat(main.port).isZero();
        assertThat(main.noVerify).isTrue();
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.builder().verifySignatures(false).start()) {
            String banner = main.banner(emulator);
            assertThat(banner).contains(emulator.endpoint().toString()).contains("AKIAOTHER").contains("111122223333")
                    .contains("aws --endpoint-url " + emulator.endpoint() + " --region us-east-1 ivs-realtime list-stages")
                    .doesNotContain("s3cr3t");
        }
        Main defaults = new Main();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.port).isEqualTo(Main.DEFAULT_PORT);
        assertThat(defaults.host).isEqualTo("127.0.0.1");
        assertThat(defaults.noVerify).isFalse();
    }
}
