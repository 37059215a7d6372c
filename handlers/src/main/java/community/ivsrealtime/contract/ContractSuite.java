package community.ivsrealtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalInvoker;
import community.ivsrealtime.registry.ResourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The 14 checks of CloudFormation's resource contract test suite (the ones cloudformation-cli's {@code cfn test}
 * runs, https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-test.html), for one type and
 * one input set, through the type's {@code HandlerWrapper.handleRequest} with CloudFormation-shaped requests.
 * Where the IVS calls go is the SDK's endpoint setting (see {@code IvsClients}): the local endpoint or an account.
 *
 * <p>Each check runs on its own resources (a stack id of its own, a logical id per check, CloudFormation's
 * system tags on every request) and deletes everything it created afterwards, also when it fails; a cleanup
 * that fails makes the check fail. {@link #run} never throws for a contract violation: it returns a
 * {@link Result} with the reason. IN_PROGRESS responses are followed as CloudFormation does
 * ({@link LocalInvoker#invokeUntilDone}).
 *
 * <p>Two checks of the Python suite apply only to types with writable primary identifiers
 * ({@code contract_create_create}, {@code contract_delete_create}); these types' Arn is made by the service, so
 * both check what must hold instead: a second CREATE of the same model makes a second resource or is refused
 * with ResourceConflict/AlreadyExists naming the first (a public key: the same key material can be imported
 * once), and CREATE after DELETE makes a new resource that LIST shows in place of the old one.
 */
public final class ContractSuite {

    /** The tests, in the order they run. */
    public static final List<String> TESTS = List.of(
        "contract_create_delete", "contract_create_create", "contract_create_read", "contract_create_list",
        "contract_create_taggable", "contract_update_read", "contract_update_list", "contract_update_tag_updatable",
        "contract_update_without_create", "contract_delete_read", "contract_delete_list", "contract_delete_update",
        "contract_delete_delete", "contract_delete_create");

    /** Most LIST pages followed. */
    static final int MAX_PAGES = 1000;

    /** PASS, FAIL or SKIP. */
    public enum Outcome { PASS, FAIL, SKIP }

    /** The outcome of one test for one type and input set; {@code reason} says why (or what passed). */
    public record Result(String test, ResourceType type, String inputs, Outcome outcome, String reason,
                         long millis) {
        public boolean passed() {
            return outcome == Outcome.PASS;
        }
    }

    /** Sends one request to the type's handler and follows IN_PROGRESS to the end. */
    @FunctionalInterface
    public interface Invoker {
        HandlerResponse invoke(HandlerRequest request);
    }

    private final ResourceType type;
    private final ContractInputs inputs;
    private final Caller caller;
    private final Invoker invoker;
    private final String stackId;
    private final Set<String> readOnly;
    private final Set<String> writeOnly;
    private final JsonNode schema;

    /** The suite for {@code type} with {@code inputs}, calling as {@code caller}, through the type's wrapper. */
    public ContractSuite(final ResourceType type, final ContractInputs inputs, final Caller caller) {
        this(type, inputs, caller, request -> LocalInvoker.forType(type).invokeUntilDone(request, r -> { }));
    }

    /** The same with another way to invoke (tests wrap the real handler to break it on purpose). */
    public ContractSuite(final ResourceType type, final ContractInputs inputs, final Caller caller,
                         final Invoker invoker) {
        this.type = Objects.requireNonNull(type, "type");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.stackId = "arn:aws:cloudformation:" + caller.region() + ":" + caller.accountId()
            + ":stack/ivsrt-contract/" + UUID.randomUUID();
        try {
            this.schema = HandlerRequest.JSON.readTree(type.schema().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.readOnly = names(schema.path("readOnlyProperties"));
        this.writeOnly = names(schema.path("writeOnlyProperties"));
    }

    /** The stack id of this suite's requests (its resources carry it as the aws:cloudformation:stack-id tag). */
    public String stackId() {
        return stackId;
    }

    /** Every test, in order. */
    public List<Result> runAll() {
        return TESTS.stream().map(this::run).toList();
    }

    /**
     * Runs one test (a name of {@link #TESTS}) and deletes what it created.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link #TESTS}
     */
    public Result run(final String test) {
        if (!TESTS.contains(test)) {
            throw new IllegalArgumentException("no contract test \"" + test + "\"; known: " + TESTS);
        }
        final long start = System.nanoTime();
        final Check check = new Check(test);
        Outcome outcome;
        String reason;
        try {
            reason = check.run();
            outcome = Outcome.PASS;
        } catch (Skipped e) {
            outcome = Outcome.SKIP;
            reason = e.getMessage();
        } catch (Violation e) {
            outcome = Outcome.FAIL;
            reason = e.getMessage();
        } catch (RuntimeException e) {
            outcome = Outcome.FAIL;
            reason = "the check broke: " + e;
        }
        final String cleanup = check.cleanUp();
        if (cleanup != null) {
            reason = (outcome == Outcome.PASS ? "" : reason + "; ") + "cleanup failed: " + cleanup;
            outcome = Outcome.FAIL;
        }
        return new Result(test, type, inputs.name(), outcome, reason, (System.nanoTime() - start) / 1_000_000L);
    }

    private static Set<String> names(final JsonNode pointers) {
        final Set<String> names = new HashSet<>();
        pointers.forEach(p -> names.add(p.asText().replaceFirst("^/properties/", "")));
        return names;
    }

    /** A contract violation: the test fails with this message. */
    static final class Violation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Violation(final String message) {
            super(message, null, false, false);
        }
    }

    /** The test does not apply. */
    static final class Skipped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skipped(final String message) {
            super(message, null, false, false);
        }
    }

    private static void expect(final boolean condition, final String message) {
        if (!condition) {
            throw new Violation(message);
        }
    }

    /** One run of one test: its logical id, the resources it made. */
    private final class Check {
        private final String test;
        private final String logicalId;
        private final Set<String> created = new LinkedHashSet<>();

        Check(final String test) {
            this.test = test;
            final StringBuilder id = new StringBuilder();
            for (final String part : test.split("_")) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            this.logicalId = id.toString();
        }

        String run() {
            switch (test) {
                case "contract_create_delete": {
                    deleteSucceeds(create().arn());
                    return "CREATE returned the input; DELETE succeeded";
                }
                case "contract_create_create":
                    return createCreate();
                case "contract_create_read": {
                    final HandlerResponse created = create();
                    final HandlerResponse read = succeeded(read(created.arn()), "READ after CREATE");
                    inputEqualsOutput("READ after CREATE", inputs.create(), read.model());
                    expect(covers(read.model(), created.model()) && covers(created.model(), read.model()), "READ returned " + masked(read.model())
                        + ", CREATE returned " + masked(created.model()));
                    return "READ returned what CREATE did";
                }
                case "contract_create_list": {
                    final String arn = create().arn();
                    expect(listAll().contains(arn), "LIST does not contain the created " + arn);
                    return "LIST contains " + arn;
                }
                case "contract_create_taggable": {
                    expect(schema.path("tagging").path("taggable").asBoolean(true),
                        "the schema says the type is not taggable");
                    expect(inputs.create().has("Tags"), "the create input has no Tags");
                    final HandlerResponse read = succeeded(read(create().arn()), "READ after CREATE");
                    expect(covers(inputs.create().get("Tags"), read.model().get("Tags")), "READ returned Tags "
                        + read.model().get("Tags") + " for the input's " + inputs.create().get("Tags"));
                    return "the created resource carries the input's Tags";
                }
                case "contract_update_read": {
                    final HandlerResponse created = create();
                    final HandlerResponse updated = succeeded(update(created), "UPDATE");
                    expect(created.arn().equals(updated.arn()), "UPDATE changed the primary identifier from "
                        + created.arn() + " to " + updated.arn());
                    inputEqualsOutput("UPDATE", inputs.update(), updated.model());
                    noWriteOnly("UPDATE", updated.model());
                    inputEqualsOutput("READ after UPDATE", inputs.update(),
                        succeeded(read(created.arn()), "READ after UPDATE").model());
                    return "UPDATE and READ returned the update input";
                }
                case "contract_update_list": {
                    final HandlerResponse created = create();
                    succeeded(update(created), "UPDATE");
                    expect(listAll().contains(created.arn()), "LIST does not contain the updated " + created.arn());
                    return "LIST contains the updated " + created.arn();
                }
                case "contract_update_tag_updatable": {
                    expect(schema.path("tagging").path("tagUpdatable").asBoolean(true),
                        "the schema says the type's tags cannot be updated");
                    final JsonNode tags = inputs.update().get("Tags");
                    expect(tags != null && !tags.equals(inputs.create().get("Tags")),
                        "the update input does not change Tags");
                    final HandlerResponse created = create();
                    succeeded(update(created), "UPDATE");
                    final JsonNode read = succeeded(read(created.arn()), "READ after UPDATE").model().get("Tags");
                    expect(covers(tags, read), "READ after UPDATE returned Tags " + read + " for " + tags);
                    return "the resource carries the update input's Tags";
                }
                case "contract_update_without_create": {
                    final String missing = missingArn();
                    final HandlerResponse response = invoke(request("UPDATE")
                        .properties(inputs.update().put("Arn", missing))
                        .previousProperties(inputs.create().put("Arn", missing)));
                    failed(response, "NotFound", "UPDATE of the never-created " + missing);
                    return "UPDATE of a resource never created: NotFound";
                }
                case "contract_delete_read": {
                    final String arn = create().arn();
                    deleteSucceeds(arn);
                    failed(read(arn), "NotFound", "READ after DELETE");
                    return "READ after DELETE: NotFound";
                }
                case "contract_delete_list": {
                    final String arn = create().arn();
                    deleteSucceeds(arn);
                    expect(!listAll().contains(arn), "LIST still contains the deleted " + arn);
                    return "LIST no longer contains " + arn;
                }
                case "contract_delete_update": {
                    final HandlerResponse created = create();
                    deleteSucceeds(created.arn());
                    failed(update(created), "NotFound", "UPDATE after DELETE");
                    return "UPDATE after DELETE: NotFound";
                }
                case "contract_delete_delete": {
                    final String arn = create().arn();
                    deleteSucceeds(arn);
                    failed(delete(arn), "NotFound", "DELETE after DELETE");
                    return "DELETE after DELETE: NotFound";
                }
                case "contract_delete_create": {
                    final String arn = create().arn();
                    deleteSucceeds(arn);
                    final String again = create().arn();
                    expect(!again.equals(arn), "CREATE after DELETE returned the deleted " + arn);
                    final List<String> listed = listAll();
                    expect(listed.contains(again) && !listed.contains(arn), "LIST after DELETE and CREATE shows "
                        + (listed.contains(again) ? "" : "not ") + "the new " + again + " and " + (listed.contains(arn)
                        ? "" : "not ") + "the deleted " + arn);
                    return "CREATE after DELETE made " + again + ", LIST shows it instead of " + arn;
                }
                default:
                    throw new IllegalStateException(test);
            }
        }

        private String createCreate() {
            expect(readOnly.contains("Arn"), "the schema's primary identifier Arn is not read-only");
            final String first = create().arn();
            final HandlerResponse second = invoke(request("CREATE").logicalResourceId(logicalId + "Second")
                .systemTags(HandlerRequest.systemTags(stackId, logicalId + "Second"))
                .properties(inputs.create()));
            if ("SUCCESS".equals(second.status())) {
                track(second);
                expect(second.arn() != null && !second.arn().equals(first),
                    "a second CREATE returned the first resource " + first + " as its own");
                return "a second CREATE made a second resource (the Arn is made by the service)";
            }
            failed(second, second.errorCode(), "a second CREATE");
            expect(Set.of("ResourceConflict", "AlreadyExists").contains(second.errorCode()), "a second CREATE "
                + "failed " + second.errorCode() + ": " + second.message());
            expect(second.message().contains(first), "a second CREATE was refused without naming the first "
                + first + ": " + second.message());
            return "a second CREATE was refused: " + second.errorCode() + " naming " + first;
        }

        private HandlerRequest request(final String action) {
            return HandlerRequest.of(action, type.typeName())
                .awsAccountId(caller.accountId())
                .region(caller.region())
                .stackId(stackId)
                .logicalResourceId(logicalId)
                .callerCredentials(caller.accessKeyId(), caller.secretAccessKey(), caller.sessionToken());
        }

        /** A request for this check's resource, with the system tags CloudFormation sends (also as previous ones). */
        private HandlerRequest resourceRequest(final String action) {
            final Map<String, String> system = HandlerRequest.systemTags(stackId, logicalId);
            final HandlerRequest request = request(action).systemTags(system);
            return "UPDATE".equals(action) ? request.previousSystemTags(system) : request;
        }

        private HandlerResponse invoke(final HandlerRequest request) {
            final HandlerResponse response = invoker.invoke(request);
            expect(response != null && response.status() != null, "no status in " + response);
            return response;
        }

        private void track(final HandlerResponse response) {
            if (response.arn() != null) {
                created.add(response.arn());
            }
        }

        HandlerResponse create() {
            final ObjectNode input = inputs.create();
            final HandlerResponse response = invoke(resourceRequest("CREATE").properties(input));
            track(response);
            succeeded(response, "CREATE");
            expect(response.arn() != null && !response.arn().isBlank(), "CREATE returned no primary identifier: "
                + masked(response.model()));
            expect(response.models() == null, "CREATE returned resourceModels");
            inputEqualsOutput("CREATE", input, response.model());
            noWriteOnly("CREATE", response.model());
            return response;
        }

        HandlerResponse read(final String arn) {
            return invoke(request("READ").properties(identifier(arn)));
        }

        HandlerResponse update(final HandlerResponse created) {
            return invoke(resourceRequest("UPDATE").properties(inputs.update().put("Arn", created.arn()))
                .previousProperties(created.model()));
        }

        HandlerResponse delete(final String arn) {
            return invoke(request("DELETE").properties(identifier(arn)));
        }

        void deleteSucceeds(final String arn) {
            final HandlerResponse deleted = succeeded(delete(arn), "DELETE");
            expect(deleted.model() == null, "DELETE returned a model: " + masked(deleted.model()));
        }

        /** Every Arn LIST returns, following every nextToken. */
        List<String> listAll() {
            final List<String> arns = new ArrayList<>();
            String token = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                final HandlerRequest request = request("LIST");
                if (token != null) {
                    request.nextToken(token);
                }
                final HandlerResponse response = succeeded(invoke(request), "LIST");
                expect(response.models() != null, "LIST returned no resourceModels: " + response.status());
                response.models().forEach(m -> arns.add(m.path("Arn").asText()));
                token = response.nextToken();
                if (token == null) {
                    return arns;
                }
            }
            throw new Violation("LIST did not end after " + MAX_PAGES + " pages");
        }

        /**
         * Deletes everything this check created (NotFound: already deleted); null, or what went wrong. A DELETE
         * that answered SUCCESS is tried again: it may not have deleted anything.
         */
        String cleanUp() {
            final List<String> problems = new ArrayList<>();
            for (final String arn : List.copyOf(created)) {
                try {
                    final HandlerResponse response = invoker.invoke(request("DELETE").properties(identifier(arn)));
                    if (!"SUCCESS".equals(response.status()) && !"NotFound".equals(response.errorCode())) {
                        problems.add("DELETE " + arn + ": " + response.status() + " " + response.errorCode() + " "
                            + response.message());
                    }
                } catch (RuntimeException e) {
                    problems.add("DELETE " + arn + ": " + e);
                }
            }
            created.clear();
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        private String missingArn() {
            final String kind = type.simpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            return "arn:aws:ivs:" + caller.region() + ":" + caller.accountId() + ":" + kind + "/neverCreated1";
        }
    }

    private static ObjectNode identifier(final String arn) {
        return HandlerRequest.JSON.createObjectNode().put("Arn", arn);
    }

    /** The contract's rules for SUCCESS; returns the response. */
    static HandlerResponse succeeded(final HandlerResponse response, final String what) {
        expect("SUCCESS".equals(response.status()), what + " answered " + response.status()
            + (response.errorCode() == null ? "" : " " + response.errorCode() + ": " + response.message()));
        expect(response.errorCode() == null, what + " succeeded with errorCode " + response.errorCode());
        expect(response.callbackDelaySeconds() == 0, what + " succeeded with callbackDelaySeconds "
            + response.callbackDelaySeconds());
        return response;
    }

    /** The contract's rules for FAILED with {@code code}. */
    static void failed(final HandlerResponse response, final String code, final String what) {
        expect("FAILED".equals(response.status()), what + " must fail " + code + " but answered "
            + response.status() + (response.errorCode() == null ? "" : " " + response.errorCode()));
        expect(Objects.equals(code, response.errorCode()), what + " must fail " + code + " but failed "
            + response.errorCode() + ": " + response.message());
        expect(response.message() != null && !response.message().isBlank(), what + " failed without a message");
        expect(response.models() == null, what + " failed with resourceModels");
        expect(response.callbackDelaySeconds() == 0, what + " failed with callbackDelaySeconds "
            + response.callbackDelaySeconds());
    }

    /** Input equals output: every property of {@code input} but readOnly and writeOnly ones comes back the same. */
    void inputEqualsOutput(final String what, final JsonNode input, final JsonNode output) {
        expect(output != null, what + " returned no model");
        input.fieldNames().forEachRemaining(name -> {
            if (!readOnly.contains(name) && !writeOnly.contains(name)) {
                expect(covers(input.get(name), output.get(name)), what + ": property " + name + " was "
                    + input.get(name) + " in the input, " + output.get(name) + " in the output");
            }
        });
    }

    private void noWriteOnly(final String what, final JsonNode model) {
        for (final String name : writeOnly) {
            expect(!model.has(name), what + " returned the writeOnly property " + name);
        }
    }

    /** The model for a message: an ingest configuration's StreamKey masked. */
    private static String masked(final JsonNode model) {
        if (!(model instanceof ObjectNode)) {
            return String.valueOf(model);
        }
        final ObjectNode copy = ((ObjectNode) model).deepCopy();
        if (copy.has("StreamKey")) {
            copy.put("StreamKey", "****");
        }
        return copy.toString();
    }

    /**
     * True when {@code out} has every value of {@code in}: objects compare {@code in}'s keys, arrays as multisets,
     * numbers by value.
     */
    public static boolean covers(final JsonNode in, final JsonNode out) {
        if (in == null || in.isNull()) {
            return out == null || out.isNull();
        }
        if (out == null || out.isNull()) {
            return false;
        }
        if (in.isNumber() && out.isNumber()) {
            return in.decimalValue().compareTo(out.decimalValue()) == 0;
        }
        if (in.isObject() && out.isObject()) {
            final List<String> names = new ArrayList<>();
            in.fieldNames().forEachRemaining(names::add);
            return names.stream().allMatch(n -> covers(in.get(n), out.get(n)));
        }
        if (in.isArray() && out.isArray()) {
            if (in.size() != out.size()) {
                return false;
            }
            final List<JsonNode> unmatched = new ArrayList<>();
            out.forEach(unmatched::add);
            for (final JsonNode item : in) {
                final JsonNode match = unmatched.stream().filter(o -> covers(item, o)).findFirst().orElse(null);
                if (match == null) {
                    return false;
                }
                unmatched.remove(match);
            }
            return true;
        }
        return in.equals(out);
    }
}
