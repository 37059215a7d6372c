package community.ivsrealtime.cdk;

import java.util.Arrays;
import java.util.List;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.Construct;

/**
 * What the five L2s share: the generic {@code grant}, the resource ID taken from the ARN, the default name, the
 * removal policy and the tag checks. Not public: each type's public surface is its interface and class.
 */
abstract class IvsResource extends Resource {

    /** Removal policy when none is given: retain (CloudFormation leaves the resource in place on removal). */
    static final RemovalPolicy DEFAULT_REMOVAL_POLICY = RemovalPolicy.RETAIN;

    /**
     * Where this resource's tag checks are registered, one validation per such scope: the scope it was made in, or
     * for a resource made inside one of ours (an ingest configuration of a stage), that one's.
     */
    private final Construct scope;

    /** A resource defined in this app. */
    IvsResource(Construct scope, String id) {
        super(scope, id);
        this.scope = scope instanceof IvsResource parent ? parent.scope : scope;
    }

    /** An imported resource: its environment (account, Region) comes from its ARN. */
    IvsResource(Construct scope, String id, String arn) {
        super(scope, id, ResourceProps.builder().environmentFromArn(arn).build());
        this.scope = scope instanceof IvsResource parent ? parent.scope : scope;
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

    /** The given name, or one made from the construct path like aws-ivs-alpha does (at most 128, {@code -_}). */
    String nameOrDefault(String given) {
        return given != null ? given
                : Names.uniqueResourceName(this, UniqueResourceNameOptions.builder()
                        .maxLength(Checks.NAME_MAX_LENGTH)
                        .allowedSpecialCharacters("-_")
                        .build());
    }

    /** Applies the removal policy (default {@link #DEFAULT_REMOVAL_POLICY}) and the tag checks to the L1. */
    void finish(CfnResource resource, Object renderedTags, RemovalPolicy removalPolicy) {
        resource.applyRemovalPolicy(removalPolicy != null ? removalPolicy : DEFAULT_REMOVAL_POLICY);
        if (renderedTags != null) {
            Checks.tags(scope, resource, renderedTags);
        }
    }
}
