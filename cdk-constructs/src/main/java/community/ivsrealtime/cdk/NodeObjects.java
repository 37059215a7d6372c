package community.ivsrealtime.cdk;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import software.amazon.awscdk.Resource;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiObjectRef;
import software.amazon.jsii.api.JsiiOverride;

/**
 * Creates the node side of our L2s, and of the L1s they make, declaring to node only the callbacks it needs.
 *
 * <p>Why: jsii's Java runtime declares every non-private method of a Java subclass of an aws-cdk-lib class to node as
 * an "override" when the object is created (about 40 for a {@link Stage}: its grants, metrics and getters; a dozen for
 * an L1), and node then calls back into Java whenever it reads one of those names. For our classes node needs only
 * one: {@code cdkTagManager}, read by {@code Tags.of(scope)} aspects, and declared on the L2 (not on its L1, whose tags
 * render from its properties; see the L1s' constructor for the L2s). An L1 that node sees as taggable is read twice per
 * rendering, and aws-cdk-lib renders every resource twice per synth (once to find references, once for the template):
 * four callbacks per resource and synth, whether it has tags or not. An L2 that node sees as taggable is read only when
 * a tag aspect visits it. BENCHMARKS.md ("CDK synth") has the counts.
 *
 * <p>The objects are created the way jsii's generated code does ({@code JsiiEngine.createNewObject}), through the
 * runtime's public client with the overrides listed here; the Java object takes the reference through aws-cdk-lib's
 * protected {@code (JsiiObjectRef)} constructor. A subclass of our L2s cannot add overrides of aws-cdk-lib members this
 * way (its class is not known before {@code super(...)} returns), so {@link #requireNoNodeOverrides} refuses one that
 * declares any, instead of silently not calling it.
 */
final class NodeObjects {

    static final String RESOURCE = "aws-cdk-lib.Resource";
    static final String CFN_RESOURCE = "aws-cdk-lib.CfnResource";
    private static final String TAGGABLE_V2 = "aws-cdk-lib.ITaggableV2";

    private NodeObjects() {
    }

    /**
     * Creates an object of the jsii class {@code fqn} in node.
     *
     * @param fqn the jsii type, {@link #RESOURCE} or {@link #CFN_RESOURCE}
     * @param args the constructor's arguments
     * @param taggable whether node sees it as an {@code ITaggableV2} whose {@code cdkTagManager} Java provides
     * @return the reference to hand to aws-cdk-lib's {@code (JsiiObjectRef)} constructor
     */
    static JsiiObjectRef create(String fqn, List<Object> args, boolean taggable) {
        JsiiEngine engine = JsiiEngine.getInstance();
        engine.loadModule(software.amazon.awscdk.$Module.class);
        if (!taggable) {
            return engine.getClient().createObject(fqn, args, List.of(), List.of());
        }
        JsiiOverride tagManager = new JsiiOverride();
        tagManager.setProperty("cdkTagManager");
        return engine.getClient().createObject(fqn, args, List.of(tagManager), List.of(TAGGABLE_V2));
    }

    /** The arguments of a construct's constructor: scope and ID are required, as in aws-cdk-lib. */
    static List<Object> args(Object scope, String id, Object... more) {
        Object[] all = new Object[2 + more.length];
        all[0] = java.util.Objects.requireNonNull(scope, "scope is required");
        all[1] = java.util.Objects.requireNonNull(id, "id is required");
        System.arraycopy(more, 0, all, 2, more.length);
        return Arrays.asList(all);
    }

    /** Java's own members: a subclass may override them; node does not call them for its own logic. */
    private static final Set<String> JAVA_MEMBERS = Set.of("toString", "equals", "hashCode");

    /** Where the check stops: the L2 classes of this library (their own methods override no aws-cdk-lib member). */
    private static final Set<Class<?>> LIBRARY = Set.of(IvsResource.class, Stage.class, EncoderConfiguration.class,
            StorageConfiguration.class, PublicKey.class, IngestConfiguration.class);

    private static final ClassValue<String> OVERRIDES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            for (Class<?> k = type; k != null && !LIBRARY.contains(k); k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    int mod = m.getModifiers();
                    if (Modifier.isPrivate(mod) || Modifier.isStatic(mod) || m.isSynthetic()
                            || JAVA_MEMBERS.contains(m.getName())) {
                        continue;
                    }
                    Class<?> declaring = awsCdkDeclaring(m);
                    if (declaring != null) {
                        return k.getName() + "." + m.getName() + " overrides " + declaring.getName() + "." + m.getName()
                                + ", which node would not call: subclasses of the IVS Real-Time L2s cannot override "
                                + "aws-cdk-lib members (the L2s declare to node only the members it calls, see "
                                + "BENCHMARKS.md); wrap the L2 in a construct of your own instead";
                    }
                }
            }
            return null;
        }
    };

    /** The aws-cdk-lib (or constructs) type that declares a method of this name and parameters, if any. */
    private static Class<?> awsCdkDeclaring(Method m) {
        for (Class<?> k = Resource.class; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                Method found = k.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (!Modifier.isPrivate(found.getModifiers())) {
                    return k;
                }
            } catch (NoSuchMethodException e) {
                // not declared here
            }
        }
        try {
            return Resource.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Fails for a subclass (outside this library) of one of our L2s that overrides an aws-cdk-lib member: node would
     * not call that override (see the class comment).
     *
     * @param type the class of the object under construction
     * @throws UnsupportedOperationException naming the method
     */
    static void requireNoNodeOverrides(Class<?> type) {
        String problem = OVERRIDES.get(type);
        if (problem != null) {
            throw new UnsupportedOperationException(problem);
        }
    }
}
