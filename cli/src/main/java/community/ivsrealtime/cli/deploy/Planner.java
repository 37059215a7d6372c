package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a deploy does with each resource, as CloudFormation's change sets do: CREATE a new logical id,
 * nothing for unchanged properties and stack tags, UPDATE when only updatable properties (or the stack's tags)
 * changed, REPLACE (create the new, later delete the old) when a createOnly property or the type changed,
 * DELETE a logical id no longer in the template. Also the order: a resource after everything it refers to
 * ({@code DependsOn}, {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}).
 */
final class Planner {

    enum Action { CREATE, UPDATE, REPLACE, NONE, DELETE, SKIP }

    /** What to do with one resource and why. */
    record Decision(Action action, Set<String> changed, String reason) {
    }

    /** A line of a plan ({@code ivsrt diff}). */
    record Entry(String stack, String logicalId, String type, Action action, String reason) {
    }

    private Planner() {
    }

    static Decision decide(final DeployState.ResourceState previous, final String type, final ObjectNode desired,
                           final Map<String, String> stackTags) {
        if (previous == null) {
            return new Decision(Action.CREATE, Set.of(), "new");
        }
        if (!previous.type.equals(type)) {
            return new Decision(Action.REPLACE, Set.of("Type"), "type changed from " + previous.type);
        }
        final Set<String> changed = Values.changedProperties(previous.properties, desired);
        final boolean tagsChanged = !previous.stackTags.equals(stackTags);
        if (changed.isEmpty() && !tagsChanged) {
            return new Decision(Action.NONE, Set.of(), "");
        }
        final Set<String> createOnly = new TreeSet<>(changed);
        createOnly.retainAll(ResourceTypes.of(type).createOnly());
        if (!createOnly.isEmpty()) {
            return new Decision(Action.REPLACE, changed, "createOnly " + String.join(", ", createOnly) + " changed");
        }
        final List<String> what = new ArrayList<>(changed);
        if (tagsChanged) {
            what.add("stack tags");
        }
        return new Decision(Action.UPDATE, changed, String.join(", ", what) + " changed");
    }

    /** The stack's included resources of the managed types, each after the ones it refers to. */
    static List<Template.Resource> order(final StackScope scope) {
        final Map<String, Template.Resource> resources = scope.resources();
        final List<Template.Resource> ordered = new ArrayList<>();
        final Set<String> done = new HashSet<>();
        final Set<String> visiting = new LinkedHashSet<>();
        for (final Template.Resource resource : resources.values()) {
            visit(resource, scope, done, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(final Template.Resource resource, final StackScope scope, final Set<String> done,
                              final Set<String> visiting, final List<Template.Resource> ordered) {
        final String id = resource.logicalId();
        if (done.contains(id) || !ResourceTypes.isManaged(resource.type()) || !scope.included(resource)) {
            return;
        }
        if (!visiting.add(id)) {
            throw new Intrinsics.TemplateError("the resources refer to each other in a cycle: "
                + String.join(" -> ", visiting) + " -> " + id);
        }
        final Set<String> needs = new LinkedHashSet<>(resource.dependsOn());
        needs.addAll(Intrinsics.references(resource.properties()));
        for (final String name : needs) {
            final Template.Resource dependency = scope.resources().get(name);
            if (dependency != null) {
                visit(dependency, scope, done, visiting, ordered);
            }
        }
        visiting.remove(id);
        done.add(id);
        ordered.add(resource);
    }

    /** The managed resources {@code resource} depends on (for the order of a later destroy). */
    static List<String> dependencies(final Template.Resource resource, final StackScope scope) {
        final Set<String> needs = new LinkedHashSet<>(resource.dependsOn());
        needs.addAll(Intrinsics.references(resource.properties()));
        final List<String> managed = new ArrayList<>();
        for (final String name : needs) {
            final Template.Resource dependency = scope.resources().get(name);
            if (dependency != null && ResourceTypes.isManaged(dependency.type())) {
                managed.add(name);
            }
        }
        return managed;
    }

    /** The properties a resource's definition resolves to (an object, possibly empty). */
    static ObjectNode properties(final Template.Resource resource, final StackScope scope, final boolean partially) {
        final JsonNode value = partially ? scope.intrinsics().resolvePartially(resource.properties())
            : scope.intrinsics().resolve(resource.properties());
        return value instanceof ObjectNode ? (ObjectNode) value : HandlerRequest.JSON.createObjectNode();
    }

    /**
     * What a deploy of {@code stack} would do against {@code state}, without doing it. Values that depend on a
     * resource still to be created stay unresolved; a property holding one counts as changed.
     */
    static List<Entry> plan(final StackSource stack, final DeployState.StackState state, final StackScopes scopes) {
        final List<Entry> entries = new ArrayList<>();
        final Set<String> changing = new HashSet<>();
        final StackScope scope = scopes.scope(stack, state, id -> state == null || changing.contains(id) ? null
            : state.resources.get(id));
        final Set<String> desired = new HashSet<>();
        for (final Template.Resource resource : scope.resources().values()) {
            if (!ResourceTypes.isManaged(resource.type()) && scope.included(resource)
                && !FakeValues.ignored(resource.logicalId(), resource.type())) {
                final String note = FakeValues.note(resource.type());
                entries.add(new Entry(stack.name(), resource.logicalId(), resource.type(), Action.SKIP,
                    note != null ? note : "not an IVS Real-Time resource: not deployed locally"));
            }
        }
        for (final Template.Resource resource : order(scope)) {
            desired.add(resource.logicalId());
            final ObjectNode properties = properties(resource, scope, true);
            final Decision decision = decide(state == null ? null : state.resources.get(resource.logicalId()),
                resource.type(), properties, stack.tags());
            if (decision.action() == Action.CREATE || decision.action() == Action.REPLACE) {
                changing.add(resource.logicalId());
            }
            entries.add(new Entry(stack.name(), resource.logicalId(), resource.type(), decision.action(),
                decision.reason()));
        }
        if (state != null) {
            state.resources.values().stream().filter(r -> !desired.contains(r.logicalId)).forEach(r ->
                entries.add(new Entry(stack.name(), r.logicalId, r.type, Action.DELETE, "no longer in the template")));
            state.retired.forEach(r -> entries.add(new Entry(stack.name(), r.logicalId, r.type, Action.DELETE,
                "replaced earlier; " + r.physicalId + " still to delete")));
        }
        return entries;
    }

    /** Builds the scope of a stack (the deployer knows region, account, parameters and exports). */
    @FunctionalInterface
    interface StackScopes {
        StackScope scope(StackSource stack, DeployState.StackState state, StackScope.Deployed deployed);
    }
}
