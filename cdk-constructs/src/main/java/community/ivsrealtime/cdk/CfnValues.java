package community.ivsrealtime.cdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CfnResourceProps;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.TagManagerOptions;
import software.amazon.awscdk.TagType;

/** Rendering shared by the generated L1s: typed values to the CloudFormation form (schema names, unset left out). */
final class CfnValues {

    /** A generated nested value ({@code Cfn<Type>.<Definition>Property}) that renders itself with the schema's names. */
    interface Renderable {
        Map<String, Object> toCloudFormation();
    }

    private CfnValues() {
    }

    /** Selects an L1's constructor for the L2s (see {@link #prepareForL2}). */
    static final class ForL2 {
        private ForL2() {
        }
    }

    /** The only {@link ForL2}. */
    static final ForL2 FOR_L2 = new ForL2();

    /** What an L1 made by one of our L2s is created with: its node object, its properties and its tags (if any). */
    record Prepared(software.amazon.jsii.JsiiObjectRef ref, Map<String, Object> properties, TagManager tagManager,
            Object renderedTags) {
    }

    /**
     * Creates the node object of an L1 made by one of our L2s: a {@code CfnResource} created with its properties
     * (one message; no override of {@code Properties} to render at synth) that declares no callback into Java
     * ({@link NodeObjects}). Its tags, if it has any, get a tag manager now and render as one of the properties;
     * {@code Tags.of(scope)} reaches them through the L2, which node sees as taggable instead.
     *
     * @param tags the initial tags (null: no tag manager until one is asked for)
     * @param tagProperty the schema's tag property (null: the type has none)
     * @param properties renders the properties given the tag manager's lazy rendering (or null)
     */
    static Prepared prepareForL2(software.constructs.Construct scope, String id, String type, Object props,
            boolean propsRequired, List<CfnTag> tags, String tagProperty, Function<Object, Map<String, Object>> properties) {
        CfnResourceProps typeOnly = resourceProps(type, props, propsRequired);
        TagManager tagManager = tags != null && tagProperty != null ? tagManager(type, tags, tagProperty) : null;
        Object renderedTags = tagManager != null ? tagManager.getRenderedTags() : null;
        Map<String, Object> rendered = properties.apply(renderedTags);
        software.amazon.jsii.JsiiObjectRef ref = NodeObjects.create(NodeObjects.CFN_RESOURCE, NodeObjects.args(scope, id,
                CfnResourceProps.builder().type(typeOnly.getType()).properties(rendered).build()), false);
        return new Prepared(ref, rendered, tagManager, renderedTags);
    }

    /** The generic resource props of an L1; fails before the construct exists when required props are missing. */
    static CfnResourceProps resourceProps(String type, Object props, boolean propsRequired) {
        if (propsRequired && props == null) {
            throw new IllegalArgumentException(type + ": props are required (the type has required properties)");
        }
        return CfnResourceProps.builder().type(type).build();
    }

    /** A {@code KEY_VALUE} tag manager with the given tags, rendered under the schema's tag property. */
    static TagManager tagManager(String type, List<CfnTag> tags, String tagProperty) {
        return new TagManager(TagType.KEY_VALUE, type, tagMap(tags),
                TagManagerOptions.builder().tagPropertyName(tagProperty).build());
    }

    /**
     * A string property's value for an L1 made by an L2: the reference ({@code Fn::GetAtt}) the L2 gave under its
     * schema name, or else the props' value.
     *
     * @throws IllegalArgumentException when both are given
     */
    static Object given(Map<String, Object> references, String name, Object value) {
        Object reference = references.get(name);
        if (reference == null) {
            return value;
        }
        if (value != null) {
            throw new IllegalArgumentException(name + " is given both as a value (" + value + ") and as a reference");
        }
        return reference;
    }

    /** Puts the rendered value under its schema name; a null value is left out. */
    static void put(Map<String, Object> target, String name, Object value) {
        if (value != null) {
            target.put(name, render(value));
        }
    }

    /**
     * A setter's change: the property's override replaced by the rendered value, or deleted for null. The L1s hand
     * their properties to node either as one override of {@code Properties} ({@code base} null) or, made by an L2, in
     * the create call ({@code base}): node then deep-merges the override into the property it was created with, so
     * whatever that held and the new value does not (compared resolved, tokens included) gets a deletion override.
     */
    static void set(CfnResource resource, Map<String, Object> base, String name, Object value) {
        if (value == null) {
            resource.addPropertyDeletionOverride(name);
            return;
        }
        Object rendered = render(value);
        resource.addPropertyOverride(name, rendered);
        Object before = base == null ? null : base.get(name);
        if (before != null && !(rendered instanceof String || rendered instanceof Number || rendered instanceof Boolean
                || rendered instanceof List)) {
            Stack stack = Stack.of(resource);
            deleteStale(resource, escape(name), stack.resolve(before), stack.resolve(rendered));
        }
    }

    /** Deletion overrides for the members of {@code before} that {@code after} does not have, at any depth. */
    private static void deleteStale(CfnResource resource, String path, Object before, Object after) {
        if (!(before instanceof Map<?, ?> was) || !(after instanceof Map<?, ?> now)) {
            return;
        }
        for (Map.Entry<?, ?> e : was.entrySet()) {
            String key = String.valueOf(e.getKey());
            String member = path + "." + escape(key);
            if (!now.containsKey(key)) {
                resource.addPropertyDeletionOverride(member);
            } else {
                deleteStale(resource, member, e.getValue(), now.get(key));
            }
        }
    }

    /** A key in an override path, where {@code .} separates keys and a backslash escapes. */
    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace(".", "\\.");
    }

    /** The initial tags of a {@code KEY_VALUE} tag manager: key to value, in order. */
    static Map<String, String> tagMap(List<CfnTag> tags) {
        if (tags == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (CfnTag tag : tags) {
            out.put(tag.getKey(), tag.getValue());
        }
        return out;
    }

    /** Nested values become maps with the schema's names; lists and maps are rendered element by element. */
    static Object render(Object value) {
        if (value instanceof Renderable r) {
            return r.toCloudFormation();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(render(item));
            }
            return out;
        }
        if (value instanceof java.util.Set<?> set) {
            return render(new ArrayList<>(set));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), render(v)));
            return out;
        }
        return value;
    }
}
