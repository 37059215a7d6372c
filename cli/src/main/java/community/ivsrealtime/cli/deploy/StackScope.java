package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import community.ivsrealtime.local.HandlerRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the names in one stack's template refer to, for {@link Intrinsics}: pseudo parameters ({@code AWS::Region},
 * {@code AWS::AccountId}, {@code AWS::StackName}, {@code AWS::StackId}, {@code AWS::Partition},
 * {@code AWS::URLSuffix}), parameters (given values, else defaults), conditions (evaluated once), mappings,
 * resources ({@code Ref}: the physical id, here the ARN, the types' primary identifier; {@code Fn::GetAtt}: the
 * model the handler returned; other types: {@link FakeValues}) and other stacks' exports.
 */
final class StackScope implements Intrinsics.Scope {

    /** The deployed state of a managed resource, or null while its current values are not known. */
    @FunctionalInterface
    interface Deployed {
        DeployState.ResourceState get(String logicalId);
    }

    private final Template template;
    private final Map<String, Template.Resource> resources;
    private final String stackName;
    private final String stackId;
    private final String region;
    private final String accountId;
    private final Map<String, String> parameterValues;
    private final Deployed deployed;
    private final Function<String, JsonNode> exports;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Intrinsics intrinsics = new Intrinsics(this);
    private boolean fakeOtherTypes = true;

    StackScope(final Template template, final String stackName, final String stackId, final String region,
               final String accountId, final Map<String, String> parameterValues, final Deployed deployed,
               final Function<String, JsonNode> exports) {
        this.template = template;
        this.resources = template.resources();
        this.stackName = stackName;
        this.stackId = stackId;
        this.region = region;
        this.accountId = accountId;
        this.parameterValues = parameterValues;
        this.deployed = deployed;
        this.exports = exports;
    }

    /** Leaves Ref/GetAtt of other types' resources unresolved instead of giving fake values (for checks). */
    StackScope withoutFakeValues() {
        fakeOtherTypes = false;
        return this;
    }

    Intrinsics intrinsics() {
        return intrinsics;
    }

    Map<String, Template.Resource> resources() {
        return resources;
    }

    /** False when the resource's {@code Condition} is false (it is then not part of the stack). */
    boolean included(final Template.Resource resource) {
        return resource.condition() == null || condition(resource.condition());
    }

    @Override
    public JsonNode ref(final String name) {
        switch (name) {
            case "AWS::Region":
                return TextNode.valueOf(region);
            case "AWS::AccountId":
                return TextNode.valueOf(accountId);
            case "AWS::StackName":
                return TextNode.valueOf(stackName);
            case "AWS::StackId":
                return TextNode.valueOf(stackId);
            case "AWS::Partition":
                return TextNode.valueOf("aws");
            case "AWS::URLSuffix":
                return TextNode.valueOf("amazonaws.com");
            case "AWS::NotificationARNs":
                return HandlerRequest.JSON.createArrayNode();
            default:
                break;
        }
        if (template.parameters().has(name)) {
            return parameter(name, template.parameters().get(name));
        }
        final Template.Resource resource = resources.get(name);
        if (resource == null) {
            throw new Intrinsics.TemplateError("Ref " + name + ": there is no resource or parameter named " + name);
        }
        requireIncluded(resource, "Ref " + name);
        if (!ResourceTypes.isManaged(resource.type())) {
            if (!fakeOtherTypes) {
                throw new Intrinsics.Unresolved("the physical id of " + name);
            }
            return FakeValues.ref(resource, stackName);
        }
        final DeployState.ResourceState state = deployed.get(name);
        if (state == null) {
            throw new Intrinsics.Unresolved("the physical id of " + name);
        }
        return TextNode.valueOf(state.physicalId);
    }

    @Override
    public JsonNode getAtt(final String logicalId, final String attribute) {
        final Template.Resource resource = resources.get(logicalId);
        if (resource == null) {
            throw new Intrinsics.TemplateError("Fn::GetAtt " + logicalId + "." + attribute + ": there is no resource "
                + "named " + logicalId);
        }
        requireIncluded(resource, "Fn::GetAtt " + logicalId + "." + attribute);
        if (!ResourceTypes.isManaged(resource.type())) {
            if (!fakeOtherTypes) {
                throw new Intrinsics.Unresolved(logicalId + "." + attribute);
            }
            return FakeValues.getAtt(resource, attribute, stackName, region, accountId);
        }
        final ResourceTypes.TypeInfo type = ResourceTypes.of(resource.type());
        if (!type.hasAttribute(attribute)) {
            throw new Intrinsics.TemplateError("Fn::GetAtt " + logicalId + "." + attribute + ": " + resource.type()
                + " has no attribute " + attribute + "; it has " + type.attributes());
        }
        final DeployState.ResourceState state = deployed.get(logicalId);
        if (state == null) {
            throw new Intrinsics.Unresolved(logicalId + "." + attribute);
        }
        final JsonNode value = Values.attribute(state.model, attribute);
        return value == null ? TextNode.valueOf("") : value;
    }

    private void requireIncluded(final Template.Resource resource, final String what) {
        if (!included(resource)) {
            throw new Intrinsics.TemplateError(what + ": " + resource.logicalId() + " is not created (its condition "
                + resource.condition() + " is false)");
        }
    }

    @Override
    public boolean condition(final String name) {
        final Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        final JsonNode expression = template.conditions().get(name);
        if (expression == null) {
            throw new Intrinsics.TemplateError("there is no condition named " + name);
        }
        if (!evaluating.add(name)) {
            throw new Intrinsics.TemplateError("condition " + name + " refers to itself");
        }
        try {
            final boolean value = intrinsics.evaluateCondition(expression);
            conditions.put(name, value);
            return value;
        } finally {
            evaluating.remove(name);
        }
    }

    @Override
    public JsonNode importValue(final String exportName) {
        final JsonNode value = exports.apply(exportName);
        if (value == null) {
            throw new Intrinsics.TemplateError("Fn::ImportValue " + exportName + ": no deployed stack exports it");
        }
        return value;
    }

    @Override
    public ObjectNode mappings() {
        return template.mappings();
    }

    private JsonNode parameter(final String name, final JsonNode definition) {
        final String given = parameterValues.get(name);
        final JsonNode fallback = definition.get("Default");
        if (given == null && fallback == null) {
            throw new Intrinsics.TemplateError("parameter " + name + " has no Default; give it with --parameter "
                + name + "=VALUE");
        }
        final String value = given != null ? given : fallback.asText();
        final JsonNode allowed = definition.get("AllowedValues");
        if (allowed != null && allowed.isArray() && given != null) {
            boolean ok = false;
            for (final JsonNode a : allowed) {
                ok |= a.asText().equals(value);
            }
            if (!ok) {
                throw new Intrinsics.TemplateError("parameter " + name + ": \"" + value + "\" is not one of "
                    + allowed);
            }
        }
        final String type = definition.path("Type").asText("String");
        if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
            final ArrayNode list = HandlerRequest.JSON.createArrayNode();
            for (final String item : value.split(",", -1)) {
                list.add(item.trim());
            }
            return list;
        }
        return TextNode.valueOf(value);
    }
}
