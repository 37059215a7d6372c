package community.ivsrealtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.faults.RecordedCall;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalInvoker;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ivsrt demo}: every resource type through its real CloudFormation handler ({@code HandlerWrapper
 * .handleRequest}, CloudFormation-shaped requests) against a local IVS Real-Time endpoint embedded on a free
 * 127.0.0.1 port (signatures verified). No AWS account, no traffic beyond loopback.
 *
 * <p>The handlers are pointed at the endpoint with the SDK's standard setting, the system property
 * {@value #ENDPOINT_PROPERTY} (its previous value is restored at the end). Order: CREATE StorageConfiguration,
 * Stage (recording to it), EncoderConfiguration, PublicKey (a P-384 key made here), IngestConfiguration (attached
 * to the stage); READ each; UPDATE the stage (rename, change a tag) and the ingest configuration (detach); LIST
 * each type; a participant joins the stage (the endpoint's simulation) and READ shows the stage's
 * ActiveSessionId; DELETE in reverse order; READ of each answers NotFound.
 *
 * <p>One line per step; stream keys and key material are never printed. Exit code 0 when every step had the
 * expected outcome, 1 at the first one that did not (named in the last line), 2 on a usage error.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = Ivsrt.Version.class,
    header = "End-to-end demo: every resource type through its real handler, against an embedded local endpoint.",
    description = {
        "Runs every Community::IVSRealTime resource type through its real CloudFormation handler against a "
            + "local IVS Real-Time endpoint started on a free 127.0.0.1 port: CREATE, READ, UPDATE, LIST, a "
            + "simulated participant, DELETE. No AWS account needed; nothing leaves this machine.",
        "Exit code 0 when every step had the expected outcome, else 1."})
public final class Demo implements Callable<Integer> {

    /** The SDK's standard service-specific endpoint setting for IVS Real-Time (SDK 2.40.2). */
    static final String ENDPOINT_PROPERTY = "aws.endpointUrlIvsRealTime";

    private static final String TYPE_PREFIX = "Community::IVSRealTime::";
    /** The multiplication sign of "CreateStage\u00d71", or "x" where the console cannot show it. */
    static final String TIMES = consoleCanShow('\u00d7') ? "\u00d7" : "x";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final String ACCESS_KEY_ID = IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID;
    private static final String SECRET_ACCESS_KEY = IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY;
    private static final String ACCOUNT_ID = IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID;
    /** The plugin requires a session token; the local endpoint accepts any with a known key pair. */
    private static final String SESSION_TOKEN = "ivsrt-demo-session";
    private static final String STAGE = "Stage";
    private static final String ENCODER = "EncoderConfiguration";
    private static final String STORAGE = "StorageConfiguration";
    private static final String PUBLIC_KEY = "PublicKey";
    private static final String INGEST = "IngestConfiguration";

    @Spec
    CommandSpec spec;

    @Option(names = "--region", paramLabel = "REGION",
        description = "Region of the requests and ARNs (default ${DEFAULT-VALUE}).")
    String region = IvsRealTimeEmulator.DEFAULT_REGION;

    @Option(names = {"-v", "--verbose"}, description = "Also print each response model (secrets masked).")
    boolean verbose;

    /** Told about every step (tests look at the endpoint through it). */
    private Observer observer = (step, response, emulator) -> { };

    /** A step's outcome. */
    public record Step(int number, String type, String action, boolean asExpected, String outcome, String calls,
                       String values, String problem) {
    }

    /** Called after every step, while the endpoint still runs. */
    @FunctionalInterface
    public interface Observer {
        void afterStep(Step step, HandlerResponse response, IvsRealTimeEmulator emulator);
    }

    public Demo observer(final Observer newObserver) {
        this.observer = newObserver;
        return this;
    }

    @Override
    public Integer call() {
        if (!REGION.matcher(region).matches()) {
            throw new ParameterException(spec.commandLine(),
                "--region: \"" + region + "\" is not a region name (like us-east-1)");
        }
        final String previous = System.getProperty(ENDPOINT_PROPERTY);
        try (IvsRealTimeEmulator emulator = IvsRealTimeEmulator.builder()
            .host("127.0.0.1").port(0).verifySignatures(true).start()) {
            System.setProperty(ENDPOINT_PROPERTY, emulator.endpoint().toString());
            return new Run(emulator, spec.commandLine().getOut()).run();
        } finally {
            if (previous == null) {
                System.clearProperty(ENDPOINT_PROPERTY);
            } else {
                System.setProperty(ENDPOINT_PROPERTY, previous);
            }
        }
    }

    /** One run of the demo against one endpoint. */
    private final class Run {
        private final IvsRealTimeEmulator emulator;
        private final PrintWriter out;
        private final Secrets secrets = new Secrets();
        private final Map<String, String> arns = new LinkedHashMap<>();
        private final List<Step> steps = new ArrayList<>();
        private final long started = System.nanoTime();
        private int callsSeen;
        private Step failed;

        Run(final IvsRealTimeEmulator emulator, final PrintWriter out) {
            this.emulator = emulator;
            this.out = out;
        }

        int run() {
            print("ivsrt demo: every " + TYPE_PREFIX + "* type through its CloudFormation handler");
            print("  local IVS Real-Time endpoint " + emulator.endpoint() + " (embedded, SigV4 verified), region "
                + region + ", account " + ACCOUNT_ID);
            print("  handlers pointed at it with the SDK's system property " + ENDPOINT_PROPERTY);
            print("");
            print(String.format(Locale.ROOT, "%3s  %-20s  %-6s  %-16s  %-44s  %s",
                "#", "TYPE", "ACTION", "STATUS", "IVS CALLS", "VALUES"));
            boolean completed;
            String crash = null;
            try {
                completed = script();
            } catch (RuntimeException e) {
                completed = false;
                crash = e.toString();
            }
            final double seconds = (System.nanoTime() - started) / 1e9;
            print("");
            final long calls = emulator.calls().counts().values().stream().mapToLong(Long::longValue).sum();
            final String totals = String.format(Locale.ROOT, "%d steps, %d IVS Real-Time calls, %.1f s",
                steps.size(), calls, seconds);
            if (completed && failed == null) {
                print("Demo OK: " + totals + "; every step had the expected outcome.");
                return 0;
            }
            if (failed != null) {
                print("Demo FAILED at step " + failed.number() + " (" + failed.type() + " " + failed.action() + "): "
                    + failed.problem() + " [" + totals + "]");
            } else {
                print("Demo FAILED after step " + steps.size() + ": " + crash + " [" + totals + "]");
            }
            return 1;
        }

        /** The steps in order; false at the first step that did not go as expected. */
        private boolean script() {
            final String pem = newPublicKeyPem();
            secrets.remember(pem);
            final ObjectNode storage = json().put("Name", "demo-recordings");
            storage.putObject("S3").put("BucketName", "demo-recordings-bucket");
            tags(storage, "project", "ivsrt-demo");
            if (!create(STORAGE, storage)) {
                return false;
            }
            final ObjectNode stage = json().put("Name", "demo-stage");
            final ObjectNode recording = stage.putObject("AutoParticipantRecordingConfiguration")
                .put("StorageConfigurationArn", arns.get(STORAGE));
            recording.putArray("MediaTypes").add("AUDIO_VIDEO");
            tags(stage, "project", "ivsrt-demo", "env", "dev");
            if (!create(STAGE, stage)) {
                return false;
            }
            final ObjectNode encoder = json().put("Name", "demo-encoder");
            encoder.putObject("Video").put("Width", 1280).put("Height", 720).put("Framerate", 30)
                .put("Bitrate", 2_500_000);
            tags(encoder, "project", "ivsrt-demo");
            if (!create(ENCODER, encoder)) {
                return false;
            }
            final ObjectNode key = json().put("Name", "demo-participant-tokens").put("PublicKeyMaterial", pem);
            tags(key, "project", "ivsrt-demo");
            if (!create(PUBLIC_KEY, key)) {
                return false;
            }
            final ObjectNode ingest = json().put("Name", "demo-ingest").put("StageArn", arns.get(STAGE))
                .put("IngestProtocol", "RTMPS").put("UserId", "demo-encoder");
            ingest.putObject("Attributes").put("role", "camera");
            tags(ingest, "project", "ivsrt-demo");
            if (!create(INGEST, ingest)) {
                return false;
            }

            for (final String type : List.of(STORAGE, STAGE, ENCODER, PUBLIC_KEY, INGEST)) {
                if (!read(type, null)) {
                    return false;
                }
            }

            final ObjectNode renamed = stage.deepCopy().put("Name", "demo-stage-renamed");
            tags(renamed, "project", "ivsrt-demo", "env", "prod");
            if (!update(STAGE, stage, renamed, r -> expect(r, "Name", "demo-stage-renamed")
                .orElse(() -> tagValue(r.model(), "env", "prod")))) {
                return false;
            }
            final ObjectNode detached = ingest.deepCopy().put("StageArn", "");
            if (!update(INGEST, ingest, detached, r -> expect(r, "StageArn", "").problem())) {
                return false;
            }

            for (final String type : List.of(STORAGE, STAGE, ENCODER, PUBLIC_KEY, INGEST)) {
                if (!list(type)) {
                    return false;
                }
            }

            final String sessionId = join();
            if (sessionId == null || !read(STAGE, r -> expect(r, "ActiveSessionId", sessionId).problem())) {
                return false;
            }

            for (final String type : List.of(INGEST, PUBLIC_KEY, ENCODER, STAGE, STORAGE)) {
                if (!delete(type)) {
                    return false;
                }
            }
            for (final String type : List.of(INGEST, PUBLIC_KEY, ENCODER, STAGE, STORAGE)) {
                if (!readGone(type)) {
                    return false;
                }
            }
            return true;
        }

        private boolean create(final String type, final ObjectNode properties) {
            final HandlerResponse response = invoke(type, request(type, "CREATE").properties(properties));
            final boolean ok = finish(type, "CREATE", response, null, r -> r.arn() == null ? "no Arn in the model"
                : r.model().has("Name") && !properties.path("Name").equals(r.model().get("Name"))
                    ? "Name " + r.model().get("Name") + " instead of " + properties.get("Name") : null);
            if (ok) {
                arns.put(type, response.arn());
            }
            return ok;
        }

        private boolean read(final String type, final Function<HandlerResponse, String> check) {
            final HandlerResponse response = invoke(type, request(type, "READ").properties(identifier(type)));
            return finish(type, "READ", response, null, r -> {
                if (!arns.get(type).equals(r.arn())) {
                    return "Arn " + r.arn() + " instead of " + arns.get(type);
                }
                return check == null ? null : check.apply(r);
            });
        }

        private boolean update(final String type, final ObjectNode previous, final ObjectNode desired,
                               final Function<HandlerResponse, String> check) {
            final HandlerResponse response = invoke(type, request(type, "UPDATE")
                .properties(desired.deepCopy().put("Arn", arns.get(type)))
                .previousProperties(previous.deepCopy().put("Arn", arns.get(type))));
            return finish(type, "UPDATE", response, null, check);
        }

        private boolean list(final String type) {
            final HandlerResponse response = invoke(type, request(type, "LIST"));
            return finish(type, "LIST", response, null, r -> {
                final List<ObjectNode> models = r.models();
                if (models == null) {
                    return "no resourceModels";
                }
                return models.stream().anyMatch(m -> arns.get(type).equals(m.path("Arn").asText()))
                    ? null : arns.get(type) + " not listed";
            });
        }

        private boolean delete(final String type) {
            final HandlerResponse response = invoke(type, request(type, "DELETE").properties(identifier(type)));
            return finish(type, "DELETE", response, null, r -> null);
        }

        private boolean readGone(final String type) {
            final HandlerResponse response = invoke(type, request(type, "READ").properties(identifier(type)));
            return finish(type, "READ", response, "NotFound", r -> null);
        }

        /** A participant joins the stage through the endpoint's simulation; returns the session id (or null). */
        private String join() {
            final int number = steps.size() + 1;
            final ObjectNode body = json().put("stageArn", arns.get(STAGE)).put("userId", "demo-viewer")
                .put("publish", true);
            String sessionId = null;
            String problem;
            String values;
            try {
                final ObjectNode answer = emulator.service().admin("join", body,
                    new CallContext(ACCOUNT_ID, region, ACCESS_KEY_ID, "ivsrt-demo-join"));
                secrets.collect(answer);
                sessionId = answer.path("sessionId").asText(null);
                problem = sessionId == null ? "the join opened no session" : null;
                values = "participant " + answer.path("participantId").asText() + " joined and publishes, "
                    + "session " + sessionId;
            } catch (RuntimeException e) {
                problem = "join failed: " + e.getMessage();
                values = "";
            }
            final Step step = new Step(number, STAGE, "JOIN", problem == null, problem == null ? "simulated" : "FAILED",
                "(endpoint simulation)", values, problem);
            report(step, null);
            return problem == null ? sessionId : null;
        }

        private HandlerRequest request(final String type, final String action) {
            return HandlerRequest.of(action, TYPE_PREFIX + type)
                .awsAccountId(ACCOUNT_ID)
                .region(region)
                .logicalResourceId("Demo" + type)
                .callerCredentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN);
        }

        private ObjectNode identifier(final String type) {
            return json().put("Arn", arns.get(type));
        }

        private HandlerResponse invoke(final String type, final HandlerRequest request) {
            final HandlerResponse response = LocalInvoker.forType(TYPE_PREFIX + type).invoke(request);
            secrets.collect(response.json());
            return response;
        }

        /**
         * Records and prints a handler step. Expected: SUCCESS (errorCode null) or FAILED with
         * {@code expectedError}; the handler must have called the endpoint; then {@code check} (null = fine).
         */
        private boolean finish(final String type, final String action, final HandlerResponse response,
                               final String expectedError, final Function<HandlerResponse, String> check) {
            final List<RecordedCall> all = emulator.calls().all();
            final List<RecordedCall> made = all.subList(Math.min(callsSeen, all.size()), all.size());
            callsSeen = all.size();
            final String outcome = response.errorCode() == null ? response.status()
                : response.status() + " " + response.errorCode();
            String problem;
            if (expectedError == null && !response.succeeded()) {
                problem = "expected SUCCESS, got " + outcome
                    + (response.message() == null ? "" : ": " + response.message());
            } else if (expectedError != null && !("FAILED".equals(response.status())
                && expectedError.equals(response.errorCode()))) {
                problem = "expected FAILED " + expectedError + ", got " + outcome;
            } else if (made.isEmpty()) {
                problem = "the handler made no call to the local endpoint";
            } else {
                problem = expectedError == null ? check.apply(response) : null;
            }
            final String values = expectedError != null ? "gone, as expected" : values(type, action, response);
            final Step step = new Step(steps.size() + 1, type, action, problem == null, outcome, calls(made), values,
                problem);
            report(step, response);
            return problem == null;
        }

        private void report(final Step step, final HandlerResponse response) {
            steps.add(step);
            if (!step.asExpected() && failed == null) {
                failed = step;
            }
            print(String.format(Locale.ROOT, "%3d  %-20s  %-6s  %-16s  %-44s  %s", step.number(), step.type(),
                step.action(), step.outcome(), step.calls(), step.values()));
            if (!step.asExpected()) {
                print("     ^ " + step.problem());
            }
            if (verbose && response != null) {
                final JsonNode shown = response.models() != null ? response.json().get("resourceModels")
                    : response.model();
                if (shown != null) {
                    for (final String line : pretty(secrets.masked(shown)).split("\n")) {
                        print("       " + line);
                    }
                }
            }
            observer.afterStep(step, response, emulator);
        }

        /** The key values of a response: Arn and a few per type; never the stream key or key material. */
        private String values(final String type, final String action, final HandlerResponse response) {
            if ("LIST".equals(action)) {
                final int count = response.models() == null ? 0 : response.models().size();
                return count + (count == 1 ? " resource" : " resources") + ", including " + arns.get(type);
            }
            final ObjectNode model = response.model();
            final String arn = response.arn() != null ? response.arn() : arns.get(type);
            if (model == null || "DELETE".equals(action)) {
                return "Arn=" + arn;
            }
            final StringBuilder text = new StringBuilder("Arn=" + arn);
            switch (type) {
                case STAGE -> {
                    text.append(" Name=").append(model.path("Name").asText());
                    if (model.hasNonNull("ActiveSessionId")) {
                        text.append(" ActiveSessionId=").append(model.get("ActiveSessionId").asText());
                    }
                    text.append(" Tags=").append(tagText(model));
                }
                case INGEST -> {
                    final String stageArn = model.path("StageArn").asText("");
                    text.append(" StageArn=").append(stageArn.isEmpty() ? "\"\" (detached)" : stageArn)
                        .append(" State=").append(model.path("State").asText())
                        .append(model.has("StreamKey") ? " StreamKey=" + Secrets.MASK : "");
                }
                case PUBLIC_KEY -> text.append(" Fingerprint=").append(model.path("Fingerprint").asText());
                case STORAGE -> text.append(" Bucket=").append(model.path("S3").path("BucketName").asText());
                case ENCODER -> text.append(" Video=").append(model.path("Video").path("Width").asText())
                    .append('x').append(model.path("Video").path("Height").asText());
                default -> { }
            }
            return text.toString();
        }

        private void print(final String line) {
            out.println(secrets.redact(line));
            out.flush();
        }
    }

    /**
     * "CreateStage\u00d71, TagResource\u00d71" in call order; failed calls with their HTTP status, e.g.
     * "GetStage\u00d71 (404 ResourceNotFoundException)".
     */
    static String calls(final List<RecordedCall> calls) {
        if (calls.isEmpty()) {
            return "-";
        }
        final Map<String, Integer> counts = new LinkedHashMap<>();
        final Map<String, String> failures = new LinkedHashMap<>();
        for (final RecordedCall call : calls) {
            final String key = call.operation() + (call.errorCode() == null ? "" : " " + call.status());
            counts.merge(key, 1, Integer::sum);
            if (call.errorCode() != null) {
                failures.put(key, " (" + call.status() + " " + call.errorCode() + ")");
            }
        }
        final List<String> parts = new ArrayList<>();
        counts.forEach((key, count) -> parts.add(key.replaceFirst(" .*$", "") + TIMES + count
            + failures.getOrDefault(key, "")));
        return String.join(", ", parts);
    }

    private static ObjectNode json() {
        return HandlerRequest.JSON.createObjectNode();
    }

    /** Sets {@code Tags} to the key/value pairs given. */
    private static void tags(final ObjectNode model, final String... keyValues) {
        final ArrayNode tags = model.putArray("Tags");
        for (int i = 0; i < keyValues.length; i += 2) {
            tags.addObject().put("Key", keyValues[i]).put("Value", keyValues[i + 1]);
        }
    }

    private static String tagText(final ObjectNode model) {
        final List<String> pairs = new ArrayList<>();
        model.path("Tags").forEach(t -> pairs.add(t.path("Key").asText() + "=" + t.path("Value").asText()));
        pairs.sort(null);
        return "{" + String.join(",", pairs) + "}";
    }

    /** Null when the model's {@code property} is {@code expected}, else what is wrong. */
    private static Check expect(final HandlerResponse response, final String property, final String expected) {
        final JsonNode actual = response.model() == null ? null : response.model().get(property);
        if (actual != null && expected.equals(actual.asText())) {
            return Check.OK;
        }
        return new Check(property + " is " + (actual == null ? "absent" : actual) + ", expected \"" + expected + "\"");
    }

    private static String tagValue(final ObjectNode model, final String key, final String expected) {
        for (final JsonNode tag : model.path("Tags")) {
            if (key.equals(tag.path("Key").asText())) {
                return expected.equals(tag.path("Value").asText()) ? null
                    : "tag " + key + " is " + tag.path("Value").asText() + ", expected " + expected;
            }
        }
        return "no tag " + key;
    }

    /** A check's result: {@code problem} null when fine; {@link #orElse} chains the next check. */
    private record Check(String problem) {
        static final Check OK = new Check(null);

        String orElse(final java.util.function.Supplier<String> next) {
            return problem != null ? problem : next.get();
        }
    }

    private static String pretty(final JsonNode node) {
        try {
            return HandlerRequest.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static boolean consoleCanShow(final char c) {
        final java.io.Console console = System.console();
        final java.nio.charset.Charset charset = console != null ? console.charset()
            : java.nio.charset.Charset.defaultCharset();
        return charset.newEncoder().canEncode(c);
    }

    /** A fresh ECDSA P-384 public key in PEM (the private key is dropped: the demo signs no tokens). */
    static String newPublicKeyPem() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            final String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-384 key pair", e);
        }
    }
}
