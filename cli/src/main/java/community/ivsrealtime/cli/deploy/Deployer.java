package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Deploys stacks through the resource handlers, destroys them, and recovers from a run that stopped in the
 * middle; the plan ({@code diff}) and drift detection share its state and scopes.
 *
 * <p>Deploy, per stack (in dependency order): each managed resource in dependency order is created, updated,
 * replaced (the new one created here, the old one deleted after every create and update succeeded, as
 * CloudFormation does) or left alone; then the resources no longer in the template are deleted. A failed step
 * rolls back what this run did to the stack (creations deleted, updates reverted, replacements undone), as
 * CloudFormation's rollback does, and reports the resource, the handler's error code and message.
 *
 * <p>State: before each handler call the step is recorded as {@link DeployState.Pending} and saved; after it, the
 * outcome is saved. A run killed between the two leaves the pending step, and the next run resolves it first
 * ({@link #recover}): a CREATE is looked for by its CloudFormation system tags (stack id and logical id), a
 * DELETE by reading the resource, an UPDATE is sent again by the next deploy.
 */
public final class Deployer {

    /** Called around every handler call of a deploy or destroy (tests simulate a crash here). */
    public interface Hook {
        default void beforeCall(final String stack, final String logicalId, final String action) {
        }

        default void afterCall(final String stack, final String logicalId, final String action) {
        }
    }

    /** A summary row: stack, logical id, type, physical id, status. */
    public record Row(String stack, String logicalId, String type, String physicalId, String status) {
    }

    /** A handler step that failed. */
    static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(final String message) {
            super(message, null, false, false);
        }
    }

    private record Undo(String logicalId, boolean created, DeployState.ResourceState before) {
    }

    /**
     * Why a resource is deleted, which decides the policy that may keep it, as in CloudFormation
     * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html,
     * .../aws-attribute-updatereplacepolicy.html): REMOVED (from the template, or the stack destroyed) and
     * ROLLBACK (created by the failed run) follow DeletionPolicy, where RetainExceptOnCreate keeps a resource
     * except on ROLLBACK; REPLACED (the old resource after a replacement) follows UpdateReplacePolicy.
     */
    private enum Why { REMOVED, ROLLBACK, REPLACED }

    private final StateStore store;
    private final Connection connection;
    private final Printer printer;
    private final HandlerClient handlers;
    private Map<String, String> parameters = Map.of();
    private Hook hook = new Hook() { };
    private final List<Row> rows = new ArrayList<>();
    /** The state being worked on (what every save writes). */
    private DeployState working;

    public Deployer(final StateStore store, final Connection connection, final Printer printer) {
        this.store = store;
        this.connection = connection;
        this.printer = printer;
        this.handlers = new HandlerClient(connection);
    }

    public Deployer parameters(final Map<String, String> values) {
        this.parameters = Map.copyOf(values);
        return this;
    }

    public Deployer hook(final Hook newHook) {
        this.hook = newHook;
        return this;
    }

    /** The summary rows of the last deploy or destroy. */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    // ---------------------------------------------------------------- deploy

    /** Deploys the stacks in order; false at the first stack that failed (rolled back). */
    public boolean deploy(final List<StackSource> stacks) {
        rows.clear();
        final DeployState state = store.load();
        recover(state);
        boolean ok = true;
        for (final StackSource stack : stacks) {
            if (!deployStack(state, stack)) {
                ok = false;
                break;
            }
        }
        printSummary();
        if (ok) {
            printOutputs(state, stacks);
        }
        return ok;
    }

    private boolean deployStack(final DeployState state, final StackSource source) {
        final boolean isNew = !state.stacks.containsKey(source.name());
        final DeployState.StackState stack = isNew ? newStack(source) : state.stacks.get(source.name());
        if (isNew) {
            state.stacks.put(source.name(), stack);
        }
        final Map<String, String> stackTags = new TreeMap<>(source.tags());
        stack.template = source.template().name();
        stack.dependencies = new ArrayList<>(source.dependencies());
        stack.status = isNew ? "CREATE_IN_PROGRESS" : "UPDATE_IN_PROGRESS";
        printer.line("");
        printer.line((isNew ? "Creating" : "Updating") + " stack " + stack.name + " from " + source.template().name()
            + " (" + connection.describe() + ")");
        final StackScope scope = scope(source, stack, id -> stack.resources.get(id), state, false);
        final List<Undo> undo = new ArrayList<>();
        final Set<String> desired = new HashSet<>();
        try {
            stack.skipped.clear();
            for (final Template.Resource resource : scope.resources().values()) {
                if (!ResourceTypes.isManaged(resource.type()) && scope.included(resource)
                    && !FakeValues.ignored(resource.logicalId(), resource.type())) {
                    final String fake = scope.ref(resource.logicalId()).asText();
                    stack.skipped.put(resource.logicalId(), resource.type());
                    final String note = FakeValues.note(resource.type());
                    printer.step(stack.name, resource.logicalId(), resource.type(), "-", "SKIPPED", null,
                        note != null ? note : "not deployed locally; Ref gives " + fake);
                    rows.add(new Row(stack.name, resource.logicalId(), resource.type(), fake, "SKIPPED"));
                }
            }
            for (final Template.Resource resource : Planner.order(scope)) {
                desired.add(resource.logicalId());
                apply(stack, resource, scope, stackTags, undo);
            }
            final Map<String, String> outputs = new LinkedHashMap<>();
            final Map<String, String> exports = new LinkedHashMap<>();
            resolveOutputs(source.template(), scope, outputs, exports);
            stack.outputs = outputs;
            stack.exports = exports;
            stack.tags = stackTags;
            store.save(state);
        } catch (StepFailed | Intrinsics.TemplateError | Intrinsics.Unresolved e) {
            final String message = e instanceof StepFailed ? e.getMessage()
                : source.template().name() + ": " + (e instanceof Intrinsics.Unresolved
                    ? "cannot be resolved yet: " : "") + e.getMessage();
            printer.line("FAILED: " + message);
            printer.line("Rolling back stack " + stack.name + " (" + undo.size() + " change"
                + (undo.size() == 1 ? "" : "s") + " to undo)");
            final boolean rolledBack = rollback(stack, undo, state);
            stack.status = !rolledBack ? "ROLLBACK_FAILED" : isNew ? "ROLLBACK_COMPLETE" : "UPDATE_ROLLBACK_COMPLETE";
            if (isNew && rolledBack && stack.resources.isEmpty() && stack.retired.isEmpty()) {
                state.stacks.remove(stack.name);
            }
            store.save(state);
            printer.line("Stack " + stack.name + ": " + stack.status);
            return false;
        }
        // cleanup: replaced resources, then those no longer in the template (reverse order)
        boolean clean = true;
        for (final DeployState.ResourceState old : reversed(new ArrayList<>(stack.retired))) {
            clean &= delete(stack, old, Why.REPLACED, state, "replaced");
        }
        final List<DeployState.ResourceState> removed = new ArrayList<>();
        stack.resources.values().stream().filter(r -> !desired.contains(r.logicalId)).forEach(removed::add);
        for (final DeployState.ResourceState gone : reversed(destroyOrder(removed))) {
            clean &= delete(stack, gone, Why.REMOVED, state, "no longer in the template");
        }
        stack.status = clean ? (isNew ? "CREATE_COMPLETE" : "UPDATE_COMPLETE") : "UPDATE_COMPLETE_CLEANUP_FAILED";
        store.save(state);
        for (final DeployState.ResourceState resource : stack.resources.values()) {
            if (rows.stream().noneMatch(r -> r.stack().equals(stack.name) && r.logicalId().equals(resource.logicalId)
                && !r.status().startsWith("DELETE"))) {
                rows.add(new Row(stack.name, resource.logicalId, resource.type, resource.physicalId, "UNCHANGED"));
            }
        }
        printer.line("Stack " + stack.name + ": " + stack.status);
        return true;
    }

    private DeployState.StackState newStack(final StackSource source) {
        final DeployState.StackState stack = new DeployState.StackState();
        stack.name = source.name();
        stack.region = connection.region();
        stack.accountId = connection.accountId();
        stack.stackId = "arn:aws:cloudformation:" + connection.region() + ":" + connection.accountId() + ":stack/"
            + source.name() + "/" + UUID.randomUUID();
        return stack;
    }

    /** One resource's step: create, update, replace or nothing. */
    private void apply(final DeployState.StackState stack, final Template.Resource resource, final StackScope scope,
                       final Map<String, String> stackTags, final List<Undo> undo) {
        final String id = resource.logicalId();
        final ObjectNode properties = Planner.properties(resource, scope, false);
        final DeployState.ResourceState previous = stack.resources.get(id);
        final Planner.Decision decision = Planner.decide(previous, resource.type(), properties, stackTags);
        switch (decision.action()) {
            case NONE -> {
                previous.dependsOn = Planner.dependencies(resource, scope);
                previous.deletionPolicy = resource.deletionPolicy();
                previous.updateReplacePolicy = resource.updateReplacePolicy();
            }
            case CREATE, REPLACE -> {
                final boolean replacement = decision.action() == Planner.Action.REPLACE;
                final DeployState.ResourceState created = create(stack, resource, scope, properties, stackTags,
                    replacement, decision.reason());
                undo.add(new Undo(id, true, replacement ? previous : null));
                rows.add(new Row(stack.name, id, resource.type(), created.physicalId,
                    replacement ? "REPLACED" : "CREATED"));
            }
            case UPDATE -> {
                final DeployState.ResourceState before = previous.copy();
                final DeployState.ResourceState updated = update(stack, previous, properties, stackTags,
                    decision.reason());
                updated.dependsOn = Planner.dependencies(resource, scope);
                updated.deletionPolicy = resource.deletionPolicy();
                updated.updateReplacePolicy = resource.updateReplacePolicy();
                undo.add(new Undo(id, false, before));
                rows.add(new Row(stack.name, id, resource.type(), updated.physicalId, "UPDATED"));
            }
            default -> throw new IllegalStateException("unexpected " + decision.action());
        }
    }

    private DeployState.ResourceState create(final DeployState.StackState stack, final Template.Resource resource,
                                             final StackScope scope, final ObjectNode properties,
                                             final Map<String, String> stackTags, final boolean replacement,
                                             final String reason) {
        final String id = resource.logicalId();
        final String action = replacement ? "REPLACE" : "CREATE";
        pending(stack, "CREATE", id, resource.type(), null, properties, replacement);
        printer.step(stack.name, id, resource.type(), action, "IN_PROGRESS", null, replacement ? reason : "");
        final long started = System.nanoTime();
        hook.beforeCall(stack.name, id, "CREATE");
        final HandlerResponse response = handlers.invoke(new HandlerClient.Call("CREATE", resource.type(), id,
            stack.stackId, properties, null, stackTags, null));
        printer.secrets().collect(response.json());
        hook.afterCall(stack.name, id, "CREATE");
        final double seconds = (System.nanoTime() - started) / 1e9;
        if (!response.succeeded()) {
            stack.pending = null;
            store.save(working);
            printer.step(stack.name, id, resource.type(), action, "FAILED", seconds,
                response.errorCode() + ": " + response.message());
            throw new StepFailed(stack.name + "/" + id + " (" + resource.type() + ") " + action + " failed: "
                + response.errorCode() + ": " + response.message());
        }
        final DeployState.ResourceState created = new DeployState.ResourceState();
        created.logicalId = id;
        created.type = resource.type();
        created.physicalId = response.arn();
        created.properties = properties;
        created.model = response.model();
        created.stackTags = new TreeMap<>(stackTags);
        created.dependsOn = Planner.dependencies(resource, scope);
        created.deletionPolicy = resource.deletionPolicy();
        created.updateReplacePolicy = resource.updateReplacePolicy();
        if (replacement) {
            stack.retired.add(stack.resources.get(id));
        }
        stack.resources.put(id, created);
        stack.pending = null;
        store.save(working);
        printer.step(stack.name, id, resource.type(), action, "COMPLETE", seconds, created.physicalId);
        return created;
    }

    private DeployState.ResourceState update(final DeployState.StackState stack,
                                             final DeployState.ResourceState current, final ObjectNode properties,
                                             final Map<String, String> stackTags, final String reason) {
        final String id = current.logicalId;
        pending(stack, "UPDATE", id, current.type, current.physicalId, properties, false);
        printer.step(stack.name, id, current.type, "UPDATE", "IN_PROGRESS", null, reason);
        final long started = System.nanoTime();
        hook.beforeCall(stack.name, id, "UPDATE");
        final HandlerResponse response = handlers.invoke(new HandlerClient.Call("UPDATE", current.type, id,
            stack.stackId, properties.deepCopy().put("Arn", current.physicalId),
            current.properties.deepCopy().put("Arn", current.physicalId), stackTags, current.stackTags));
        printer.secrets().collect(response.json());
        hook.afterCall(stack.name, id, "UPDATE");
        final double seconds = (System.nanoTime() - started) / 1e9;
        stack.pending = null;
        if (!response.succeeded()) {
            store.save(working);
            printer.step(stack.name, id, current.type, "UPDATE", "FAILED", seconds,
                response.errorCode() + ": " + response.message());
            throw new StepFailed(stack.name + "/" + id + " (" + current.type + ") UPDATE failed: "
                + response.errorCode() + ": " + response.message());
        }
        final DeployState.ResourceState updated = current.copy();
        updated.properties = properties;
        updated.model = response.model();
        updated.stackTags = new TreeMap<>(stackTags);
        stack.resources.put(id, updated);
        store.save(working);
        printer.step(stack.name, id, current.type, "UPDATE", "COMPLETE", seconds, updated.physicalId);
        return updated;
    }

    /** Deletes one resource (NotFound counts as deleted); false if the handler failed. */
    private boolean delete(final DeployState.StackState stack, final DeployState.ResourceState resource,
                           final Why why, final DeployState state, final String reason) {
        final String id = resource.logicalId;
        final boolean retired = why == Why.REPLACED;
        final String policy = retired ? resource.updateReplacePolicy : resource.deletionPolicy;
        if ("Retain".equals(policy) || "RetainExceptOnCreate".equals(policy) && why == Why.REMOVED) {
            forget(stack, resource, retired);
            store.save(state);
            printer.step(stack.name, id, resource.type, "DELETE", "RETAINED", null,
                (retired ? "UpdateReplacePolicy " : "DeletionPolicy ") + policy + ": " + resource.physicalId
                    + " is kept and no longer managed");
            rows.add(new Row(stack.name, id, resource.type, resource.physicalId, "RETAINED"));
            return true;
        }
        pending(stack, "DELETE", id, resource.type, resource.physicalId, null, false);
        store.save(state);
        printer.step(stack.name, id, resource.type, "DELETE", "IN_PROGRESS", null, reason);
        final long started = System.nanoTime();
        hook.beforeCall(stack.name, id, "DELETE");
        final HandlerResponse response = handlers.invoke(new HandlerClient.Call("DELETE", resource.type, id,
            stack.stackId, identifier(resource.physicalId), null, resource.stackTags, null));
        hook.afterCall(stack.name, id, "DELETE");
        final double seconds = (System.nanoTime() - started) / 1e9;
        stack.pending = null;
        if (response.succeeded() || "NotFound".equals(response.errorCode())) {
            forget(stack, resource, retired);
            store.save(state);
            printer.step(stack.name, id, resource.type, "DELETE", "COMPLETE", seconds,
                response.succeeded() ? resource.physicalId : resource.physicalId + " was already gone");
            rows.add(new Row(stack.name, id, resource.type, resource.physicalId, "DELETED"));
            return true;
        }
        store.save(state);
        printer.step(stack.name, id, resource.type, "DELETE", "FAILED", seconds,
            response.errorCode() + ": " + response.message());
        rows.add(new Row(stack.name, id, resource.type, resource.physicalId, "DELETE_FAILED"));
        return false;
    }

    private static void forget(final DeployState.StackState stack, final DeployState.ResourceState resource,
                               final boolean retired) {
        if (retired) {
            stack.retired.removeIf(r -> r.physicalId.equals(resource.physicalId));
        } else {
            stack.resources.remove(resource.logicalId);
        }
    }

    /** Undoes this run's changes to a stack, newest first; false if a step of the rollback failed. */
    private boolean rollback(final DeployState.StackState stack, final List<Undo> undo, final DeployState state) {
        boolean ok = true;
        rows.removeIf(r -> r.stack().equals(stack.name));
        for (final Undo step : reversed(undo)) {
            final DeployState.ResourceState current = stack.resources.get(step.logicalId());
            if (step.created()) {
                ok &= delete(stack, current, Why.ROLLBACK, state, "rollback");
                if (step.before() != null && !stack.resources.containsKey(step.logicalId())) {
                    stack.retired.removeIf(r -> r.physicalId.equals(step.before().physicalId));
                    stack.resources.put(step.logicalId(), step.before());
                    store.save(state);
                }
            } else {
                try {
                    final DeployState.ResourceState reverted = update(stack, current, step.before().properties,
                        step.before().stackTags, "rollback");
                    reverted.dependsOn = step.before().dependsOn;
                } catch (StepFailed e) {
                    ok = false;
                }
            }
        }
        return ok;
    }

    // ---------------------------------------------------------------- destroy

    /** Deletes every resource of the stacks in the state (or of one), newest stack first; false on a failure. */
    public boolean destroy(final String stackName) {
        rows.clear();
        final DeployState state = store.load();
        recover(state);
        final List<String> names = new ArrayList<>(state.stacks.keySet());
        if (stackName != null && !names.contains(stackName)) {
            printer.line("No stack named " + stackName + " in " + store.file() + "; it has " + names);
            return false;
        }
        boolean ok = true;
        for (final String name : reversed(names)) {
            if (stackName != null && !stackName.equals(name)) {
                continue;
            }
            final DeployState.StackState stack = state.stacks.get(name);
            printer.line("");
            printer.line("Deleting stack " + name + " (" + connection.describe() + ")");
            stack.status = "DELETE_IN_PROGRESS";
            boolean clean = true;
            for (final DeployState.ResourceState old : reversed(new ArrayList<>(stack.retired))) {
                clean &= delete(stack, old, Why.REPLACED, state, "replaced earlier");
            }
            for (final DeployState.ResourceState resource : reversed(destroyOrder(stack.resources.values()))) {
                clean &= delete(stack, resource, Why.REMOVED, state, "");
            }
            if (clean) {
                state.stacks.remove(name);
                printer.line("Stack " + name + ": DELETE_COMPLETE");
            } else {
                stack.status = "DELETE_FAILED";
                printer.line("Stack " + name + ": DELETE_FAILED");
                ok = false;
            }
            store.save(state);
            if (!ok) {
                break;
            }
        }
        printSummary();
        return ok;
    }

    /** The resources in an order where each comes after those it depends on. */
    private static List<DeployState.ResourceState> destroyOrder(final java.util.Collection<DeployState.ResourceState>
                                                                    resources) {
        final Map<String, DeployState.ResourceState> byId = new LinkedHashMap<>();
        resources.forEach(r -> byId.put(r.logicalId, r));
        final List<DeployState.ResourceState> ordered = new ArrayList<>();
        final Set<String> done = new HashSet<>();
        for (final DeployState.ResourceState resource : byId.values()) {
            visit(resource, byId, done, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void visit(final DeployState.ResourceState resource,
                              final Map<String, DeployState.ResourceState> byId, final Set<String> done,
                              final Set<String> visiting, final List<DeployState.ResourceState> ordered) {
        if (done.contains(resource.logicalId) || !visiting.add(resource.logicalId)) {
            return;
        }
        for (final String dependency : resource.dependsOn) {
            if (byId.containsKey(dependency)) {
                visit(byId.get(dependency), byId, done, visiting, ordered);
            }
        }
        done.add(resource.logicalId);
        ordered.add(resource);
    }

    // ---------------------------------------------------------------- recovery

    /** Resolves the step a previous run left pending in each stack, and saves the state. */
    void recover(final DeployState state) {
        working = state;
        boolean changed = false;
        for (final DeployState.StackState stack : state.stacks.values()) {
            final DeployState.Pending pending = stack.pending;
            if (pending == null) {
                continue;
            }
            changed = true;
            printer.line("Recovering: a previous run stopped during " + pending.action + " of " + stack.name + "/"
                + pending.logicalId + " (started " + pending.startedAt + ")");
            switch (pending.action) {
                case "CREATE" -> recoverCreate(stack, pending);
                case "DELETE" -> recoverDelete(stack, pending);
                default -> printer.line("  the UPDATE may or may not have been applied; the state keeps the previous "
                    + "properties, so the next deploy sends the update again");
            }
            stack.pending = null;
        }
        if (changed) {
            store.save(state);
        }
    }

    private void recoverCreate(final DeployState.StackState stack, final DeployState.Pending pending) {
        final Set<String> known = new HashSet<>();
        stack.resources.values().forEach(r -> known.add(r.physicalId));
        stack.retired.forEach(r -> known.add(r.physicalId));
        for (final String arn : handlers.list(pending.type)) {
            if (known.contains(arn)) {
                continue;
            }
            final Map<String, String> tags = handlers.tags(arn);
            if (stack.stackId.equals(tags.get("aws:cloudformation:stack-id"))
                && pending.logicalId.equals(tags.get("aws:cloudformation:logical-id"))) {
                final HandlerResponse read = handlers.invoke(new HandlerClient.Call("READ", pending.type,
                    pending.logicalId, stack.stackId, identifier(arn), null, stack.tags, null));
                printer.secrets().collect(read.json());
                final DeployState.ResourceState found = new DeployState.ResourceState();
                found.logicalId = pending.logicalId;
                found.type = pending.type;
                found.physicalId = arn;
                found.properties = pending.properties;
                found.model = read.succeeded() ? read.model() : identifier(arn);
                found.stackTags = new TreeMap<>(stack.tags);
                if (pending.replacement && stack.resources.containsKey(pending.logicalId)) {
                    stack.retired.add(stack.resources.get(pending.logicalId));
                }
                stack.resources.put(pending.logicalId, found);
                printer.line("  found " + arn + " by its system tags (stack id, logical id): adopted");
                return;
            }
        }
        printer.line("  no " + pending.type + " carries its system tags: the CREATE had not created it");
    }

    private void recoverDelete(final DeployState.StackState stack, final DeployState.Pending pending) {
        final HandlerResponse read = handlers.invoke(new HandlerClient.Call("READ", pending.type, pending.logicalId,
            stack.stackId, identifier(pending.physicalId), null, stack.tags, null));
        if ("NotFound".equals(read.errorCode())) {
            stack.resources.values().removeIf(r -> r.physicalId.equals(pending.physicalId));
            stack.retired.removeIf(r -> r.physicalId.equals(pending.physicalId));
            printer.line("  " + pending.physicalId + " is gone: the DELETE had finished");
        } else {
            printer.line("  " + pending.physicalId + " still exists: it will be deleted again");
        }
    }

    private void pending(final DeployState.StackState stack, final String action, final String logicalId,
                         final String type, final String physicalId, final ObjectNode properties,
                         final boolean replacement) {
        final DeployState.Pending pending = new DeployState.Pending();
        pending.action = action;
        pending.logicalId = logicalId;
        pending.type = type;
        pending.physicalId = physicalId;
        pending.properties = properties;
        pending.replacement = replacement;
        pending.startedAt = Instant.now().toString();
        stack.pending = pending;
        store.save(working);
    }

    // ---------------------------------------------------------------- plan, drift, scopes

    /** What a deploy of {@code stacks} would do ({@code ivsrt diff}). */
    public List<Planner.Entry> plan(final List<StackSource> stacks) {
        final DeployState state = store.load();
        final List<Planner.Entry> entries = new ArrayList<>();
        for (final StackSource stack : stacks) {
            entries.addAll(Planner.plan(stack, state.stacks.get(stack.name()),
                (source, stackState, deployed) -> scope(source, stackState == null ? newStack(source) : stackState,
                    deployed, state, true)));
        }
        return entries;
    }

    /** Drift of every stack in the state (or one); see {@link DriftDetector}. */
    public DriftDetector drift() {
        final DeployState state = store.load();
        recover(state);
        return new DriftDetector(state, handlers, printer);
    }

    private StackScope scope(final StackSource source, final DeployState.StackState stack,
                             final StackScope.Deployed deployed, final DeployState state,
                             final boolean planning) {
        return new StackScope(source.template(), stack.name, stack.stackId, connection.region(),
            connection.accountId(), parameters, deployed, name -> {
                for (final DeployState.StackState other : state.stacks.values()) {
                    if (other.exports.containsKey(name)) {
                        return HandlerRequest.JSON.getNodeFactory().textNode(other.exports.get(name));
                    }
                }
                if (planning) {
                    throw new Intrinsics.Unresolved("export " + name); // a stack deployed earlier in the same run
                }
                return null;
            });
    }

    private void resolveOutputs(final Template template, final StackScope scope, final Map<String, String> outputs,
                                final Map<String, String> exports) {
        template.outputs().fields().forEachRemaining(output -> {
            final JsonNode definition = output.getValue();
            final String condition = definition.path("Condition").asText(null);
            if (condition != null && !scope.condition(condition)) {
                return;
            }
            final JsonNode value = scope.intrinsics().resolve(definition.path("Value"));
            final String text = value == null ? "" : value.isValueNode() ? value.asText() : value.toString();
            outputs.put(output.getKey(), text);
            final JsonNode exportName = definition.path("Export").get("Name");
            if (exportName != null) {
                exports.put(scope.intrinsics().resolve(exportName).asText(), text);
            }
        });
    }

    // ---------------------------------------------------------------- printing

    private void printSummary() {
        if (rows.isEmpty()) {
            return;
        }
        printer.line("");
        final List<List<String>> table = new ArrayList<>();
        final Map<String, Integer> skipped = new TreeMap<>();
        for (final Row r : rows) {
            if ("SKIPPED".equals(r.status())) {
                skipped.merge(r.type(), 1, Integer::sum);
            } else {
                table.add(List.of(r.stack(), r.logicalId(), Printer.shortType(r.type()),
                    r.physicalId() == null ? "-" : r.physicalId(), r.status()));
            }
        }
        if (!table.isEmpty()) {
            printer.table(List.of("STACK", "LOGICAL ID", "TYPE", "PHYSICAL ID", "STATUS"), table);
        }
        if (!skipped.isEmpty()) {
            final List<String> kinds = new ArrayList<>();
            skipped.forEach((type, n) -> kinds.add(n + " " + type));
            printer.line("  not deployed locally (other types, SKIPPED above): " + String.join(", ", kinds));
        }
    }

    private void printOutputs(final DeployState state, final List<StackSource> stacks) {
        final List<List<String>> table = new ArrayList<>();
        for (final StackSource source : stacks) {
            final DeployState.StackState stack = state.stacks.get(source.name());
            if (stack != null) {
                stack.outputs.forEach((key, value) -> table.add(List.of(stack.name, key, value)));
            }
        }
        if (!table.isEmpty()) {
            printer.line("");
            printer.line("Outputs:");
            printer.table(List.of("STACK", "OUTPUT", "VALUE"), table);
        }
    }

    // ---------------------------------------------------------------- helpers

    static ObjectNode identifier(final String arn) {
        return HandlerRequest.JSON.createObjectNode().put("Arn", arn);
    }

    private static <T> List<T> reversed(final List<T> list) {
        final List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
