package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.emulator.TestSupport.Raw;
import community.ivsrealtime.emulator.faults.Fault;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NettyTransportTest {

    @Test
    void theRequestTargetIsSplitWithoutDecoding() {
        assertThat(NettyTransport.splitTarget("/tags/arn%3Aaws%ZZ?tagKeys=%G1&x"))
                .containsExactly("/tags/arn%3Aaws%ZZ", "tagKeys=%G1&x");
        assertThat(NettyTransport.splitTarget("/ListStages")).containsExactly("/ListStages", null);
        assertThat(NettyTransport.splitTarget("/ListStages?")).containsExactly("/ListStages", "");
        assertThat(NettyTransport.splitTarget("/a%3")).containsExactly("/a%3", null);
        assertThat(NettyTransport.splitTarget("/a?b=c#frag")).containsExactly("/a", "b=c");
        assertThat(NettyTransport.splitTarget("http://127.0.0.1:4590/GetStage?x=1"))
                .containsExactly("/GetStage", "x=1");
        assertThat(NettyTransport.splitTarget("http://127.0.0.1:4590")).containsExactly("/", null);
        assertThat(NettyTransport.splitTarget("http://127.0.0.1:4590?x=1")).containsExactly("/", "x=1");
        assertThat(NettyTransport.splitTarget("")).containsExactly("/", null);
    }

    @Test
    void closeEndsEveryThreadOfTheEndpoint() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.builder().threads(3).start()) {
                Raw r = TestSupport.sendSocket(emulator, "GET", "/_emulator/health");
                assertThat(r.status()).isEqualTo(200);
                assertThat(endpointThreads()).isPositive();
            }
        }
        // a thread is marked terminated just before its run() returns: give the last ones a moment to exit
        for (int i = 0; i < 100 && endpointThreads() > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(endpointThreads()).as(Arrays.toString(Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).toArray())).isZero();
    }

    @Test
    void aClosedEndpointRefusesConnectionsAndItsPortCanBeReused() {
        IvsRealTimeEmulator first = IvsRealTimeEmulator.start();
        int port = first.port();
        first.close();
        try (IvsRealTimeEmulator second = IvsRealTimeEmulator.builder().port(port).start()) {
            assertThat(second.port()).isEqualTo(port);
            assertThat(TestSupport.sendSocket(second, "GET", "/_emulator/health").body()).contains("ok");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenWhenTheFirstIsDelayed() {
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.builder().verifySignatures(false).threads(4).start()) {
            emulator.faults().inject(Fault.operation("ListStages").delay(Duration.ofMillis(300)).times(1));
            Raw r = TestSupport.sendRawSocket(emulator,
                    "POST /ListStages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}"
                            + "GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).isEqualTo(200);
            String all = r.body();
            assertThat(all).contains("\"stages\"").contains("\"status\":\"ok\"");
            assertThat(all.indexOf("\"stages\"")).isLessThan(all.indexOf("\"status\":\"ok\""));
        }
    }

    private static long endpointThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("ivs-realtime-emulator")).count();
    }
}
