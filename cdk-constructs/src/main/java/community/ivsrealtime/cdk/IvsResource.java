package community.ivsrealtime.cdk;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.Construct;

/**
 * What the five L2s share: the generic {@code grant}, the resource ID taken from the ARN, the default name, the
 * removal policy, the tags and their checks. Not public: each type's public surface is its interface and class.
 *
 * <p>An L2 defined here is what node sees as taggable ({@code ITaggableV2}): its tag manager is its L1's, so
 * {@code Tags.of(scope)} tags reach the L1 through it, and the L1 itself declares no callback to node
 * ({@link NodeObjects}).
 */
abstract class IvsResource extends Resource {

    /** Removal policy when none is given: retain (CloudFormation leaves the resource in place on removal). */
    static final RemovalPolicy DEFAULT_REMOVAL_POLICY = RemovalPolicy.RETAIN;

    /**
     * Where this resource's tag checks are registered, one validation per such scope: the scope it was made in, or
     * for a resource made inside one of ours (an ingest configuration of a stage), that one's.
     */
    private final Construct scope;

    /**
     * The path {@code Names.uniqueResourceName} names this resource by, when Java knows it without asking node
     * ({@link DefaultNames}); null otherwise, and for an imported resource.
     */
    private final List<String> nameComponents;

    /** This resource's stack, once asked ({@link #stack}). */
    private Stack stack;

    /** {@link #arnInStackOf}, once made. */
    private Map<String, Object> arnInStack;

    /** The tag manager of the L1 (looked up on each call: the L1's {@code setTags} replaces it); null when imported. */
    private Supplier<TagManager> tagManager;

    /** A resource defined in this app: node sees it as taggable. */
    IvsResource(Construct scope, String id) {
        super(NodeObjects.create(NodeObjects.RESOURCE, NodeObjects.args(scope, id), true));
        NodeObjects.requireNoNodeOverrides(getClass());
        this.scope = scope instanceof IvsResource parent ? parent.scope : scope;
        this.nameComponents = DefaultNames.components(scope, id,
                scope instanceof IvsResource parent ? parent.nameComponents : null);
    }

    /** An imported resource: its environment (account, Region) comes from its ARN; not taggable. */
    IvsResource(Construct scope, String id, String arn) {
        super(NodeObjects.create(NodeObjects.RESOURCE,
                NodeObjects.args(scope, id, ResourceProps.builder().environmentFromArn(arn).build()), false));
        NodeObjects.requireNoNodeOverrides(getClass());
        this.scope = scope instanceof IvsResource parent ? parent.scope : scope;
        this.nameComponents = null;
    }

    /**
     * Tag manager ({@code ITaggableV2} of the five L2 classes): the L1's, so that {@code Tags.of(scope).add(key,
     * value)} tags land on the resource.
     *
     * @return the L1's tag manager (null for an imported resource, which is not taggable)
     */
    public TagManager getCdkTagManager() {
        return tagManager == null ? null : tagManager.get();
    }

    /**
     * The stack this resource is in: the scope it was made in when that is a stack (Java knows it, no round trip to
     * node), else {@code Stack.of}, asked once.
     */
    Stack stack() {
        if (stack == null) {
            stack = knownStack() != null ? knownStack() : Stack.of(this);
        }
        return stack;
    }

    /** The stack this resource is in when Java knows it without asking node (it was made in it); else null. */
    Stack knownStack() {
        return scope instanceof Stack s ? s : null;
    }

    /**
     * This resource's ARN for the L1 of another of our L2s in the same stack, made in Java:
     * {@code {"Fn::GetAtt": [<logical ID of l1>, "Arn"]}}, which is what aws-cdk-lib's {@code getAtt} renders in its
     * own stack. It costs one jsii message (the logical ID, once per resource) where {@code getAtt} costs two (node's
     * reference is a new object to jsii). Null unless Java knows both were made in one stack: across stacks only
     * aws-cdk-lib's reference becomes an export and import.
     */
    Map<String, Object> arnInStackOf(IvsResource consumer, CfnResource l1) {
        Stack here = knownStack();
        if (here == null || here != consumer.knownStack()) {
            return null;
        }
        if (arnInStack == null) {
            arnInStack = Map.of("Fn::GetAtt", List.of(l1.getLogicalId(), "Arn"));
        }
        return arnInStack;
    }

    /** The ARN that grants and the resource ID refer to. */
    abstract String arnForGrants();

    /**
     * Grants the given IVS actions on this resource to an IAM principal, for example {@code "ivs:GetStage"}.
     *
     * @param grantee the principal (a role, a user, a Lambda function...)
     * @param actions IAM actions, each {@code ivs:<Operation>}
     * @return the grant
     */
    public Grant grant(IGrantable grantee, String... actions) {
        return grantOn(grantee, List.of(arnForGrants()), actions);
    }

    Grant grantOn(IGrantable grantee, List<String> resourceArns, String... actions) {
        return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(Arrays.asList(actions))
                .resourceArns(resourceArns)
                .build());
    }

    /** The resource ID: the part of the ARN after {@code <type>/} (a token when the ARN is one). */
    static String idOf(String arn, String resourceType) {
        ArnComponents parts = Checks.arn(arn, resourceType);
        return parts.getResourceName();
    }

    /**
     * The given name, or one made from the construct path like aws-ivs-alpha does ({@code Names.uniqueResourceName}: at
     * most 128 characters, {@code -_} kept), in Java where it knows the path ({@link DefaultNames}), else by node.
     */
    String nameOrDefault(String given) {
        if (given != null) {
            return given;
        }
        if (nameComponents != null) {
            return DefaultNames.make(nameComponents, Checks.NAME_MAX_LENGTH, NAME_SPECIAL_CHARACTERS);
        }
        return Names.uniqueResourceName(this, UniqueResourceNameOptions.builder()
                .maxLength(Checks.NAME_MAX_LENGTH)
                .allowedSpecialCharacters(NAME_SPECIAL_CHARACTERS)
                .build());
    }

    /** The characters besides letters and digits that default names keep (IVS names allow {@code -} and {@code _}). */
    static final String NAME_SPECIAL_CHARACTERS = "-_";

    /**
     * Applies the removal policy (default {@link #DEFAULT_REMOVAL_POLICY}) to the L1 (made with its constructor for
     * the L2s), makes its tag manager this L2's, and checks its tags whenever it has a tag manager (one without tags
     * gets it when a tag aspect first visits this L2).
     *
     * @param tags the L1's {@code getCdkTagManager}
     * @param onRenderedTags the L1's {@code cdkOnRenderedTags}
     */
    void finish(CfnResource resource, Supplier<TagManager> tags, Consumer<Consumer<Object>> onRenderedTags,
            RemovalPolicy removalPolicy) {
        this.tagManager = tags;
        resource.applyRemovalPolicy(removalPolicy != null ? removalPolicy : DEFAULT_REMOVAL_POLICY);
        onRenderedTags.accept(rendered -> Checks.tags(scope, resource, rendered));
    }
}
