package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Drift detection as CloudFormation does it
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-drift.html): READ every
 * resource through its handler and compare each property the deployed template set with what the resource has
 * now, by property path. A resource READ cannot find is DELETED; writeOnly properties (never read back) are not
 * compared. The READ carries the stack's tags, so the handler reports only tags that are the resource's own.
 */
public final class DriftDetector {

    /** One resource's drift status (IN_SYNC, MODIFIED, DELETED) and its differences. */
    public record Result(String stack, String logicalId, String type, String physicalId, String status,
                         List<Values.Difference> differences) {
    }

    private final DeployState state;
    private final HandlerClient handlers;
    private final Printer printer;

    DriftDetector(final DeployState state, final HandlerClient handlers, final Printer printer) {
        this.state = state;
        this.handlers = handlers;
        this.printer = printer;
    }

    /** Checks every resource of the stacks (or of one) and prints the findings. */
    public List<Result> detect(final String stackName) {
        final List<Result> results = new ArrayList<>();
        for (final DeployState.StackState stack : state.stacks.values()) {
            if (stackName != null && !stackName.equals(stack.name)) {
                continue;
            }
            for (final DeployState.ResourceState resource : stack.resources.values()) {
                results.add(check(stack, resource));
            }
        }
        print(results);
        return results;
    }

    private Result check(final DeployState.StackState stack, final DeployState.ResourceState resource) {
        // the READ carries the deployed model, as CloudFormation's does: the handler tells the resource's own tags
        // from the stack's by it
        final HandlerResponse read = handlers.invoke(new HandlerClient.Call("READ", resource.type,
            resource.logicalId, stack.stackId, resource.properties.deepCopy().put("Arn", resource.physicalId), null,
            resource.stackTags, null));
        printer.secrets().collect(read.json());
        if ("NotFound".equals(read.errorCode())) {
            return new Result(stack.name, resource.logicalId, resource.type, resource.physicalId, "DELETED", List.of());
        }
        if (!read.succeeded()) {
            return new Result(stack.name, resource.logicalId, resource.type, resource.physicalId,
                "UNKNOWN (" + read.errorCode() + ": " + read.message() + ")", List.of());
        }
        final ObjectNode expected = resource.properties.deepCopy();
        expected.remove(ResourceTypes.of(resource.type).writeOnly());
        final List<Values.Difference> differences = Values.differences("", expected, read.model(), true);
        return new Result(stack.name, resource.logicalId, resource.type, resource.physicalId,
            differences.isEmpty() ? "IN_SYNC" : "MODIFIED", differences);
    }

    private void print(final List<Result> results) {
        for (final Result result : results) {
            printer.line(String.format(java.util.Locale.ROOT, "%-12s %-22s %-33s %s", result.stack(),
                result.logicalId(), Printer.shortType(result.type()), result.status()));
            for (final Values.Difference d : result.differences()) {
                printer.line("    " + d.path() + ": expected " + text(d.expected()) + ", actual " + text(d.actual()));
            }
        }
        final long drifted = results.stream().filter(r -> !"IN_SYNC".equals(r.status())).count();
        printer.line("");
        printer.line(drifted == 0 ? "No drift: " + results.size() + " resource" + (results.size() == 1 ? "" : "s")
            + " as deployed." : drifted + " of " + results.size() + " resources drifted.");
    }

    private static String text(final JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "(absent)" : node.toString();
    }
}
