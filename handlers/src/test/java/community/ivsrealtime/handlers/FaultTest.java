package community.ivsrealtime.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.contract.ContractSuite;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.faults.Fault;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalInvoker;
import community.ivsrealtime.testing.DirectClient;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * Nothing lost, nothing left behind: every type and action through HandlerWrapper.handleRequest (CloudFormation's
 * requests, system tags included; IN_PROGRESS followed as CloudFormation does) with one fault injected at the
 * endpoint on the action's IVS call: throttling (429), 500, 503, a response slower than the time the Lambda
 * function has, a connection dropped before the service acts and one dropped after it acted (the response is
 * lost). Afterwards the handler has succeeded, or (READ, LIST: slow) failed NetworkFailure in time, never
 * IN_PROGRESS; and the endpoint holds exactly what the answer says: one resource for the logical id after CREATE
 * (never two, never one the stack does not know), the desired state after UPDATE, nothing after DELETE.
 * Also: the IVS calls each handler made on these paths are the actions its schema declares.
 */
class FaultTest {

    enum Scenario { THROTTLED_429, ERROR_500, UNAVAILABLE_503, SLOW, DROPPED_BEFORE_ACTING, DROPPED_AFTER_ACTING }

    enum Action { CREATE, READ, UPDATE, DELETE, LIST }

    /** The Lambda timeout of the slow scenarios: the calls get 2.4 s of it (see Budget). */
    static final Duration FUNCTION_TIMEOUT = Duration.ofMillis(3000);
    /** Longer than that. */
    static final Duration SLOW = Duration.ofMillis(3200);

    private static final String LOGICAL_ID = "MyResource";

    /** Outcome per type, action and scenario, for the report (README "Faults" table). */
    private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();
    /** IVS operations made by each type's handler per action (from the call log), fault paths included. */
    private static final Map<String, Set<String>> CALLS = new ConcurrentHashMap<>();

    static Stream<Arguments> quickScenarios() {
        return Arrays.stream(TypeUnderTest.values()).flatMap(type -> Arrays.stream(Action.values())
            .flatMap(action -> Arrays.stream(Scenario.values()).filter(s -> s != Scenario.SLOW)
                .map(s -> Arguments.of(type, action, s))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("quickScenarios")
    void quickFaults(final TypeUnderTest type, final Action action, final Scenario scenario) {
        final IvsRealTimeEmulator endpoint = SharedEmulator.reset();
        run(endpoint, type, action, scenario, type.invoker().withoutWaiting(), true);
    }

    /** The slow scenarios wait as CloudFormation would: the five types at once (each its own operations). */
    @ParameterizedTest
    @EnumSource(Action.class)
    void slowResponses(final Action action) throws Exception {
        try {
            slow(action);
        } finally {
            // the endpoint completes the calls the handlers gave up on: let it, before the next test looks at its log
            Thread.sleep(SLOW.toMillis());
        }
    }

    private static void slow(final Action action) throws Exception {
        final IvsRealTimeEmulator endpoint = SharedEmulator.reset();
        if (action == Action.UPDATE) {
            // tags-only updates of three types share TagResource: one type at a time
            for (final TypeUnderTest type : TypeUnderTest.values()) {
                run(endpoint, type, action, Scenario.SLOW, type.invoker().withTimeout(FUNCTION_TIMEOUT), false);
            }
            return;
        }
        final ExecutorService pool = Executors.newFixedThreadPool(TypeUnderTest.values().length);
        try {
            final List<Future<?>> runs = new ArrayList<>();
            for (final TypeUnderTest type : TypeUnderTest.values()) {
                runs.add(pool.submit(() -> run(endpoint, type, action, Scenario.SLOW,
                    type.invoker().withTimeout(FUNCTION_TIMEOUT), false)));
            }
            for (final Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HandlerRequest request(final TypeUnderTest type, final String action) {
        final Map<String, String> system = TypeUnderTest.systemTagsFor(LOGICAL_ID);
        final HandlerRequest request = type.request(action).logicalResourceId(LOGICAL_ID).systemTags(system);
        return "UPDATE".equals(action) ? request.previousSystemTags(system) : request;
    }

    private static String operation(final TypeUnderTest type, final Action action) {
        return switch (action) {
            case CREATE -> type.createOp;
            case READ -> type.getOp;
            case UPDATE -> type.updateOp != null ? type.updateOp : "TagResource";
            case DELETE -> type.deleteOp;
            case LIST -> type.listOp;
        };
    }

    private static Fault fault(final Scenario scenario, final String operation) {
        final Fault once = Fault.operation(operation).times(1);
        return switch (scenario) {
            case THROTTLED_429 -> once.status(429).errorCode("ThrottlingException");
            case ERROR_500 -> once.status(500);
            case UNAVAILABLE_503 -> once.status(503);
            case SLOW -> once.delay(SLOW);
            case DROPPED_BEFORE_ACTING -> once.dropConnection();
            case DROPPED_AFTER_ACTING -> once.dropConnectionAfterActing();
        };
    }

    private static void run(final IvsRealTimeEmulator endpoint, final TypeUnderTest type, final Action action,
                            final Scenario scenario, final LocalInvoker invoker, final boolean recordCalls) {
        HandlerResponse created = null;
        if (action != Action.CREATE) {
            created = type.invoker().invoke(request(type, "CREATE").properties(type.createInput()));
            assertThat(created.status()).as("setup CREATE %s", created).isEqualTo("SUCCESS");
        }
        final HandlerRequest request = request(type, action.name());
        switch (action) {
            case CREATE -> request.properties(type.createInput());
            case UPDATE -> request.properties(updateInput(endpoint, type).put("Arn", created.arn()))
                .previousProperties(created.model());
            case LIST -> { }
            default -> request.properties(HandlerRequest.JSON.createObjectNode().put("Arn", created.arn()));
        }
        final Map<String, Long> before = recordCalls ? endpoint.calls().counts() : Map.of();
        endpoint.faults().inject(fault(scenario, operation(type, action)));
        final List<String> statuses = new ArrayList<>();
        final long start = System.nanoTime();
        final HandlerResponse response = invoker.invokeUntilDone(request, r -> statuses.add(r.status()));
        final long millis = (System.nanoTime() - start) / 1_000_000L;
        if (recordCalls) {
            final Map<String, Long> after = endpoint.calls().counts();
            after.forEach((op, n) -> {
                if (n > before.getOrDefault(op, 0L)) {
                    CALLS.computeIfAbsent(type.name() + " " + action, k -> new TreeSet<>()).add(op);
                }
            });
            endpoint.faults().clear();
        }
        final String what = type + " " + action + " " + scenario + ": " + statuses + " " + response;

        assertThat(response.errorCode()).as(what).isNotEqualTo("InternalFailure");
        final boolean slowReadOrList = scenario == Scenario.SLOW && (action == Action.READ || action == Action.LIST);
        if (slowReadOrList) {
            assertThat(statuses).as(what).containsExactly("FAILED");
            assertThat(response.errorCode()).as(what).isEqualTo("NetworkFailure");
            assertThat(response.message()).as(what).contains("time");
            // the function's time starts when handleRequest is called (the wrapper's construction, a cold start, comes first)
            assertThat(millis).as(what).isLessThan(FUNCTION_TIMEOUT.toMillis() + 1000);
        } else {
            assertThat(response.status()).as(what).isEqualTo("SUCCESS");
            assertThat(statuses).as(what).allMatch(s -> s.equals("SUCCESS") || s.equals("IN_PROGRESS"));
        }
        switch (action) {
            case CREATE -> assertThat(resourcesOf(endpoint, type)).as(what).containsExactly(response.arn());
            case READ -> {
                if (!slowReadOrList) {
                    assertThat(response.arn()).as(what).isEqualTo(created.arn());
                }
            }
            case UPDATE -> {
                final HandlerResponse read = type.invoker().invoke(request(type, "READ")
                    .properties(HandlerRequest.JSON.createObjectNode().put("Arn", created.arn())));
                assertThat(ContractSuite.covers(stripped((ObjectNode) request.json().path("requestData").path("resourceProperties")
                    .deepCopy()), read.model())).as(what + " then " + read).isTrue();
                assertThat(resourcesOf(endpoint, type)).as(what).containsExactly(created.arn());
            }
            case DELETE -> assertThat(resourcesOf(endpoint, type)).as(what).isEmpty();
            case LIST -> {
                if (!slowReadOrList) {
                    assertThat(response.models()).as(what).extracting(m -> m.path("Arn").asText())
                        .contains(created.arn());
                }
            }
        }
        // what the table reports: the answers in order, and the resources left for the logical id
        OUTCOMES.put(type.name() + "|" + action + "|" + scenario, String.join(" > ", statuses)
            + (response.errorCode() == null ? "" : " " + response.errorCode()));
        // leave nothing for the next scenario of a parallel run
        if (action != Action.DELETE && response.arn() != null) {
            type.invoker().invoke(request(type, "DELETE")
                .properties(HandlerRequest.JSON.createObjectNode().put("Arn", response.arn())));
        } else if (created != null && action != Action.DELETE) {
            type.invoker().invoke(request(type, "DELETE")
                .properties(HandlerRequest.JSON.createObjectNode().put("Arn", created.arn())));
        }
    }

    /**
     * The update input, which makes the type's update call where it has one: a stage is renamed; an ingest
     * configuration moves to a stage (made here).
     */
    private static ObjectNode updateInput(final IvsRealTimeEmulator endpoint, final TypeUnderTest type) {
        final ObjectNode input = type.updateInput();
        if (type == TypeUnderTest.INGEST_CONFIGURATION) {
            try (IvsRealTimeClient client = DirectClient.of(endpoint)) {
                input.put("StageArn", DirectClient.seed(client, TypeUnderTest.STAGE, "fault-stage"));
            }
        }
        return input;
    }

    /** The model without its write-only values (a public key's material comes back; an ingest's InsecureIngest not). */
    private static ObjectNode stripped(final ObjectNode model) {
        model.remove("InsecureIngest");
        return model;
    }

    /** The ARNs of {@code type}'s resources that carry this test's logical id (as system tag). */
    static List<String> resourcesOf(final IvsRealTimeEmulator endpoint, final TypeUnderTest type) {
        try (IvsRealTimeClient client = DirectClient.of(endpoint)) {
            final List<String> arns = switch (type) {
                case STAGE -> client.listStages(r -> { }).stages().stream().map(s -> s.arn()).toList();
                case ENCODER_CONFIGURATION -> client.listEncoderConfigurations(r -> { }).encoderConfigurations()
                    .stream().map(s -> s.arn()).toList();
                case STORAGE_CONFIGURATION -> client.listStorageConfigurations(r -> { }).storageConfigurations()
                    .stream().map(s -> s.arn()).toList();
                case PUBLIC_KEY -> client.listPublicKeys(r -> { }).publicKeys().stream().map(s -> s.arn()).toList();
                case INGEST_CONFIGURATION -> client.listIngestConfigurations(r -> { }).ingestConfigurations()
                    .stream().map(s -> s.arn()).toList();
            };
            return arns.stream().filter(arn -> LOGICAL_ID.equals(client.listTagsForResource(r -> r.resourceArn(arn))
                .tags().get("aws:cloudformation:logical-id"))).toList();
        }
    }

    /**
     * The calls each handler made on all these paths are among the IAM actions its schema declares, and every
     * declared ivs: action was needed on one of them (create's ivs:TagResource authorizes the tags the create call
     * carries; update's ivs:Get* is made when the previous state lacks values, see CallPlanTest).
     */
    @AfterAll
    static void reportAndCheckPermissions() {
        if (OUTCOMES.size() < TypeUnderTest.values().length * Action.values().length * Scenario.values().length) {
            return; // a subset ran (e.g. -Dtest=FaultTest#slowResponses): nothing to compare
        }
        final StringBuilder table = new StringBuilder("| type | action |");
        Arrays.stream(Scenario.values()).forEach(s -> table.append(' ').append(s).append(" |"));
        table.append('\n');
        for (final TypeUnderTest type : TypeUnderTest.values()) {
            for (final Action action : Action.values()) {
                table.append("| ").append(type.typeName.replace("Community::IVSRealTime::", "")).append(" | ")
                    .append(action).append(" |");
                for (final Scenario s : Scenario.values()) {
                    table.append(' ').append(OUTCOMES.get(type.name() + "|" + action + "|" + s)).append(" |");
                }
                table.append('\n');
            }
        }
        System.out.println("FaultTest outcomes (" + OUTCOMES.size() + " scenarios):\n" + table);

        for (final TypeUnderTest type : TypeUnderTest.values()) {
            final var handlers = type.files().schema().getJSONObject("handlers");
            for (final Action action : Action.values()) {
                final Set<String> declared = new TreeSet<>();
                handlers.getJSONObject(action.name().toLowerCase(java.util.Locale.ROOT)).getJSONArray("permissions")
                    .forEach(p -> declared.add(String.valueOf(p)));
                final Set<String> made = new TreeSet<>();
                CALLS.getOrDefault(type.name() + " " + action, Set.of()).forEach(op -> made.add("ivs:" + op));
                assertThat(declared).as("%s %s declares the calls it made", type, action).containsAll(made);
                final Set<String> unexplained = new TreeSet<>(declared);
                unexplained.removeIf(p -> !p.startsWith("ivs:") || made.contains(p)
                    || (action == Action.CREATE && p.equals("ivs:TagResource"))
                    || (action == Action.UPDATE && p.equals("ivs:" + type.getOp)));
                assertThat(unexplained).as("%s %s declares actions no path needed (calls made: %s)", type, action,
                    made).isEmpty();
            }
        }
    }
}
