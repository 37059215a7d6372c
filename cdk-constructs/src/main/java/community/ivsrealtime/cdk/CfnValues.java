package community.ivsrealtime.cdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResourceProps;

/** Rendering shared by the generated L1s: typed values to the CloudFormation form (schema names, unset left out). */
final class CfnValues {

    /** A generated nested value ({@code Cfn<Type>.<Definition>Property}) that renders itself with the schema's names. */
    interface Renderable {
        Map<String, Object> toCloudFormation();
    }

    private CfnValues() {
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
     * The resolved properties with the tag list in CloudFormation's form: CDK's tag manager renders
     * {@code [{key, value}]} (as {@code CfnTag}), the schemas name the members {@code Key} and {@code Value}.
     */
    static Map<String, Object> tagsToCloudFormation(Map<String, Object> resolved, String tagProperty) {
        if (resolved == null || !(resolved.get(tagProperty) instanceof List<?> tags)) {
            return resolved;
        }
        List<Object> out = new ArrayList<>(tags.size());
        for (Object tag : tags) {
            if (tag instanceof Map<?, ?> m && m.containsKey("key")) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("Key", m.get("key"));
                t.put("Value", m.get("value"));
                out.add(t);
            } else {
                out.add(tag);
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>(resolved);
        copy.put(tagProperty, out);
        return copy;
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
