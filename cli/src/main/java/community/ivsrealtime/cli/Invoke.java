package community.ivsrealtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalInvoker;
import community.ivsrealtime.registry.ResourceType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ivsrt invoke TYPE ACTION properties.json [--previous prev.json]}: one CloudFormation request to the
 * type's {@code HandlerWrapper.handleRequest}, invoked again with the returned callbackContext after the
 * returned delay while it answers IN_PROGRESS (as CloudFormation does); every response is printed, secrets
 * (stream keys, credentials) masked. Exit code 0 for SUCCESS, 1 for FAILED (or still IN_PROGRESS), 2 for a
 * usage error.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = Ivsrt.Version.class,
    header = "Invoke a resource type's handler with a CloudFormation request (like cfn invoke, Java only).",
    description = {"Builds the CloudFormation request for ACTION with the resource properties in the file, calls "
        + "the type's HandlerWrapper.handleRequest, re-invokes while it answers IN_PROGRESS, and prints each "
        + "response (stream keys and credentials masked).",
        "Without --endpoint/--aws the calls go to a local endpoint started in this process.",
        "Exit code 0 on SUCCESS, 1 on FAILED, 2 on a usage error."})
public final class Invoke implements Callable<Integer> {

    enum Action { CREATE, READ, UPDATE, DELETE, LIST }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TYPE", converter = Target.TypeConverter.class,
        description = "Resource type: its full name (Community::IVSRealTime::Stage) or simple name (Stage).")
    ResourceType type;

    @Parameters(index = "1", paramLabel = "ACTION", description = "CREATE, READ, UPDATE, DELETE or LIST.")
    Action action;

    @Parameters(index = "2", paramLabel = "PROPERTIES",
        description = "JSON file with the resource properties (the model; {} for LIST).")
    Path properties;

    @Option(names = "--previous", paramLabel = "FILE", description = "UPDATE: JSON file with the previous properties.")
    Path previous;

    @Option(names = "--logical-id", paramLabel = "ID", defaultValue = "MyResource",
        description = "Logical resource id of the request (default ${DEFAULT-VALUE}).")
    String logicalId;

    @Option(names = "--stack-id", paramLabel = "ARN", description = "Stack id of the request (default: a stack "
        + "named ivsrt-invoke in the request's account and region).")
    String stackId;

    @Mixin
    Target.Options target;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final ObjectNode model = readObject(properties, "PROPERTIES");
        final ObjectNode before = previous == null ? null : readObject(previous, "--previous");
        final Secrets secrets = new Secrets();
        try (Target to = Target.open(target)) {
            final String stack = stackId != null ? stackId : "arn:aws:cloudformation:" + to.caller().region() + ":"
                + to.caller().accountId() + ":stack/ivsrt-invoke/" + java.util.UUID.randomUUID();
            secrets.remember(to.caller().secretAccessKey());
            secrets.remember(to.caller().sessionToken());
            out.println(action + " " + type.typeName() + " against " + to.description());
            final HandlerRequest request = HandlerRequest.of(action.name(), type.typeName())
                .awsAccountId(to.caller().accountId())
                .region(to.caller().region())
                .stackId(stack)
                .logicalResourceId(logicalId)
                .callerCredentials(to.caller().accessKeyId(), to.caller().secretAccessKey(),
                    to.caller().sessionToken())
                .systemTags(HandlerRequest.systemTags(stack, logicalId))
                .properties(model);
            if (action == Action.UPDATE) {
                request.previousSystemTags(HandlerRequest.systemTags(stack, logicalId));
            }
            if (before != null) {
                request.previousProperties(before);
            }
            final int[] n = {0};
            final HandlerResponse last = LocalInvoker.forType(type).invokeUntilDone(request, response -> {
                n[0]++;
                out.println("invocation " + n[0] + ": " + response.status()
                    + (response.errorCode() == null ? "" : " " + response.errorCode())
                    + ("IN_PROGRESS".equals(response.status())
                        ? ", again in " + response.callbackDelaySeconds() + " s" : ""));
                out.println(secrets.redact(pretty(secrets.masked(response.json()))));
                out.flush();
            });
            return "SUCCESS".equals(last.status()) ? 0 : 1;
        }
    }

    private ObjectNode readObject(final Path file, final String what) {
        final JsonNode node;
        try {
            node = HandlerRequest.JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ParameterException(spec.commandLine(), what + " " + file + " is not valid JSON (line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), what + " " + file + " cannot be read: " + e);
        }
        if (!(node instanceof ObjectNode)) {
            throw new ParameterException(spec.commandLine(), what + " " + file
                + " must hold a JSON object of resource properties");
        }
        return (ObjectNode) node;
    }

    static String pretty(final JsonNode node) {
        try {
            return HandlerRequest.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
