package community.ivsrealtime.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.faults.Fault;
import community.ivsrealtime.emulator.service.Quotas;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;

/**
 * {@link IvsRealTimeExtension} in real test classes: the nested example classes below are run by the JUnit
 * engine through the EngineTestKit (surefire does not pick up nested classes, and {@link OnlyInTestKit} keeps
 * IDEs from running them on their own); what they see is recorded in {@link #SEEN} and checked here.
 */
class IvsRealTimeExtensionTest {
    static final String EXAMPLES = "ivsrealtime.extension-examples";
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    static EngineExecutionResults run(Class<?> testClass) {
        SEEN.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(EXAMPLES, "true")
                .selectors(selectClass(testClass))
                .execute();
        List<String> failures = results.allEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("?"))
                .toList();
        assertThat(failures).as("failures of " + testClass.getSimpleName()).isEmpty();
        return results;
    }

    static void assertRefusesConnections(int port) {
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("port %d after the class", port).isInstanceOf(ConnectException.class);
    }

    /** A client configured only from the extension's SDK-free accessors. */
    static IvsRealTimeClient client(IvsRealTimeExtension ivs) {
        return IvsRealTimeClient.builder()
                .endpointOverride(ivs.endpoint())
                .region(Region.of(ivs.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ivs.accessKeyId(), ivs.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    @Test
    void startsOnALoopbackPortResetsBeforeEachTestAndStopsAfterTheClass() {
        run(Resetting.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        int port = (Integer) SEEN.get("beforeAll.port");
        assertThat(SEEN).containsEntry("first.port", port).containsEntry("second.port", port)
                .containsEntry("afterAll.running", true);
        assertThat(Resetting.ivs.isRunning()).isFalse();
        assertThatThrownBy(Resetting.ivs::emulator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
        assertRefusesConnections(port);

        // a second run of the same class gets a fresh endpoint from the same builder
        run(Resetting.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertRefusesConnections((Integer) SEEN.get("beforeAll.port"));
    }

    @Test
    void resetBeforeEachFalseKeepsStateAcrossTestsAndConfiguredCredentialsAreOffered() {
        run(KeepingState.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(KeepingState.ivs.isRunning()).isFalse();
        assertRefusesConnections((Integer) SEEN.get("port"));
    }

    @Test
    void nestedClassesShareTheEndpointOfTheDeclaringClass() {
        run(WithNested.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        int port = (Integer) SEEN.get("outer.port");
        assertThat(SEEN).containsEntry("inner.port", port).containsEntry("outer.afterAll.port", port);
        assertThat(WithNested.ivs.isRunning()).isFalse();
        assertRefusesConnections(port);
    }

    @Test
    void onAnInstanceFieldEveryTestGetsItsOwnEndpoint() {
        PerMethod.INSTANCES.clear();
        run(PerMethod.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(PerMethod.INSTANCES).hasSize(2).allSatisfy(ivs -> assertThat(ivs.isRunning()).isFalse());
        assertThat(SEEN.get("first")).isNotNull().isNotSameAs(SEEN.get("second"));
    }

    @Test
    void accessorsOutsideTheLifecycleExplainThemselves() {
        IvsRealTimeExtension ivs = IvsRealTimeExtension.create();
        assertThat(ivs.isRunning()).isFalse();
        assertThat(ivs).hasToString("IvsRealTimeExtension[not running]");
        assertThatThrownBy(ivs::endpoint).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension on a static field");
        assertThatThrownBy(ivs::reset).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IvsRealTimeExtension.create(null)).isInstanceOf(NullPointerException.class);
    }

    // ------------------------------------------------------------------------------ example test classes

    /** Enables the example classes only when this test runs them. */
    static class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(EXAMPLES).isPresent()
                    ? ConditionEvaluationResult.enabled("run by IvsRealTimeExtensionTest")
                    : ConditionEvaluationResult.disabled("an example run by IvsRealTimeExtensionTest");
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Resetting {
        @RegisterExtension
        static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create(
                IvsRealTimeEmulator.builder().quotas(Quotas.defaults().set(Quotas.STAGES, 7)));

        @BeforeAll
        static void before() {
            SEEN.put("beforeAll.port", ivs.port());
        }

        @AfterAll
        static void after() {
            SEEN.put("afterAll.running", ivs.isRunning());
        }

        @Test
        @Order(1)
        void first() {
            SEEN.put("first.port", ivs.port());
            assertThat(ivs.endpoint()).hasToString("http://127.0.0.1:" + ivs.port());
            assertThat(ivs.accessKeyId()).isEqualTo(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
            assertThat(ivs.accountId()).isEqualTo(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID);
            try (IvsRealTimeClient client = client(ivs)) {
                client.createStage(r -> r.name("left-behind"));
            }
            ivs.faults().inject(Fault.operation("ListStages").status(500).errorCode("InternalServerException")
                    .times(10));
            ivs.service().quotas().set(Quotas.STAGES, 1);
            assertThat(ivs.calls().count("CreateStage")).isEqualTo(1);
        }

        @Test
        @Order(2)
        void second() {
            SEEN.put("second.port", ivs.port());
            assertThat(ivs.calls().all()).isEmpty();
            assertThat(ivs.service().quotas().get(Quotas.STAGES)).isEqualTo(7);   // as configured, not default
            try (IvsRealTimeClient client = client(ivs)) {
                assertThat(client.listStages(r -> { }).stages()).isEmpty();        // no stage, no fault
            }
            assertThat(ivs.calls().counts()).containsExactly(Map.entry("ListStages", 1L));
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class KeepingState {
        @RegisterExtension
        static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create(IvsRealTimeEmulator.builder()
                        .credentials("AKIAEXTENSIONTEST001", "extension-test-secret", "210987654321"))
                .resetBeforeEach(false);

        @Test
        @Order(1)
        void first() {
            SEEN.put("port", ivs.port());
            assertThat(ivs.accessKeyId()).isEqualTo("AKIAEXTENSIONTEST001");
            assertThat(ivs.secretAccessKey()).isEqualTo("extension-test-secret");
            assertThat(ivs.accountId()).isEqualTo("210987654321");
            try (IvsRealTimeClient client = client(ivs)) {
                assertThat(client.createStage(r -> r.name("kept")).stage().arn())
                        .startsWith("arn:aws:ivs:" + ivs.region() + ":210987654321:stage/");
            }
        }

        @Test
        @Order(2)
        void second() {
            try (IvsRealTimeClient client = client(ivs)) {
                assertThat(client.listStages(r -> { }).stages()).extracting(StageSummary::name)
                        .containsExactly("kept");
            }
            assertThat(ivs.calls().counts()).containsOnlyKeys("CreateStage", "ListStages");
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class WithNested {
        @RegisterExtension
        static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create();

        @BeforeAll
        static void before() {
            SEEN.put("outer.port", ivs.port());
        }

        @AfterAll
        static void after() {
            SEEN.put("outer.afterAll.port", ivs.port());   // still running after the nested class ended
        }

        @Test
        void outer() {
            assertThat(ivs.isRunning()).isTrue();
        }

        @Nested
        class Inner {
            @Test
            void inner() {
                SEEN.put("inner.port", ivs.port());
            }
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerMethod {
        static final List<IvsRealTimeExtension> INSTANCES = new CopyOnWriteArrayList<>();

        @RegisterExtension
        final IvsRealTimeExtension ivs = IvsRealTimeExtension.create();

        PerMethod() {
            INSTANCES.add(ivs);
        }

        @Test
        @Order(1)
        void first() {
            SEEN.put("first", ivs.emulator());
            try (IvsRealTimeClient client = client(ivs)) {
                client.createStage(r -> r.name("first"));
            }
        }

        @Test
        @Order(2)
        void second() {
            SEEN.put("second", ivs.emulator());
            try (IvsRealTimeClient client = client(ivs)) {
                assertThat(client.listStages(r -> { }).stages()).isEmpty();
            }
        }
    }
}
