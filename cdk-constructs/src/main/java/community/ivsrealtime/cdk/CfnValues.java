package community.ivsrealtime.cdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CfnResourceProps;
import software.amazon.awscdk.CfnTag;

/** Rendering shared by the generated L1s: typed values to the CloudFormation form (schema names, unset left out). */
final class CfnValues {

    /** A generated nested value ({@code Cfn<Type>.<Definition>Property}) that renders itself with the schema's names. */
    interface Renderable {
        Map<String, Object> toCloudFormation();
    }

    private CfnValues() {
    }

    /** Selects an L1's constructor for the L2s (see {@link #nodeObjectForL2}). */
    static final class ForL2 {
        private ForL2() {
        }
    }

    /** The only {@link ForL2}. */
    static final ForL2 FOR_L2 = new ForL2();

    /**
     * The node object of an L1 made by one of our L2s: a {@code CfnResource} that declares no callback into Java
     * ({@link NodeObjects}). Its tags render from its properties, and {@code Tags.of(scope)} reaches its tag manager
     * through the L2, which node sees as taggable instead.
     */
    static software.amazon.jsii.JsiiObjectRef nodeObjectForL2(software.constructs.Construct scope, String id,
            String type, Object props, boolean propsRequired) {
        return NodeObjects.create(NodeObjects.CFN_RESOURCE,
                NodeObjects.args(scope, id, resourceProps(type, props, propsRequired)), false);
    }

    /** The generic resource props of an L1; fails before the construct exists when required props are missing. */
    static CfnResourceProps resourceProps(String type, Object props, boolean propsRequired) {
        if (propsRequired && props == null) {
            throw new IllegalArgumentException(type + ": props are required (the type has required properties)");
        }
        return CfnResourceProps.builder().type(type).build();
    }

    /** Puts the rendered value under its schema name; a null value is left out. */
    static void put(Map<String, Object> target, String name, Object value) {
        if (value != null) {
            target.put(name, render(value));
        }
    }

    /**
     * A setter's change: the property's override replaced by the rendered value, or deleted for null (the L1s hand
     * all their properties to node as one override of {@code Properties}, see the generated constructors).
     */
    static void set(CfnResource resource, String name, Object value) {
        if (value == null) {
            resource.addPropertyDeletionOverride(name);
        } else {
            resource.addPropertyOverride(name, render(value));
        }
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
