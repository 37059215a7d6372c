package community.ivsrealtime.cdk.registration;

import community.ivsrealtime.cdk.TypeSchemas;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResourceDefaultVersion;
import software.amazon.awscdk.CfnResourceVersion;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * One type registered by {@link IvsRealTimeTypes}. Children (ids are part of the contract): {@code Package} (the
 * RegisterType zip as an S3 asset), {@code ExecutionRole}, {@code LogGroup}, {@code LogRole}, {@code Version}
 * ({@code AWS::CloudFormation::ResourceVersion}) and {@code DefaultVersion}.
 */
public class RegisteredType extends Construct {

    /** The principal CloudFormation's resource handlers run as. */
    public static final String HANDLER_SERVICE = "resources.cloudformation.amazonaws.com";

    /**
     * What the log delivery role may do: the actions of the {@code LogAndMetricsDeliveryRole} that the CloudFormation
     * CLI creates (cloudformation-cli, {@code src/rpdk/core/data/managed-upload-infrastructure.yaml}).
     */
    public static final List<String> LOG_DELIVERY_ACTIONS = List.of(
            "cloudwatch:ListMetrics", "cloudwatch:PutMetricData",
            "logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams",
            "logs:PutLogEvents");

    private final String typeName;
    private final Asset packageAsset;
    private final Role executionRole;
    private final LogGroup logGroup;
    private final Role logRole;
    private final CfnResourceVersion version;
    private final CfnResourceDefaultVersion defaultVersion;

    RegisteredType(Construct scope, String id, String typeName, Path packageZip, IvsRealTimeTypesProps props) {
        super(scope, id);
        this.typeName = typeName;
        this.packageAsset = Asset.Builder.create(this, "Package").path(packageZip.toString()).build();
        this.executionRole = Role.Builder.create(this, "ExecutionRole")
                .description("Runs the " + typeName + " resource handlers: exactly the schema's handlers.*.permissions")
                .assumedBy(handlerService())
                // the cfn CLI's resource-role.yml uses 8400 s; CloudFormation needs at least 3600 (RegisterType)
                .maxSessionDuration(Duration.seconds(8400))
                .inlinePolicies(Map.of("HandlerPermissions", PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .effect(Effect.ALLOW)
                                .actions(TypeSchemas.handlerPermissions(typeName))
                                .resources(List.of("*"))
                                .build()))
                        .build()))
                .build();
        this.logGroup = LogGroup.Builder.create(this, "LogGroup")
                .retention(props.getLogRetention())
                .removalPolicy(props.getLogRemovalPolicy())
                .build();
        this.logRole = Role.Builder.create(this, "LogRole")
                .description("Delivers the " + typeName + " handlers' logs and metrics")
                .assumedBy(handlerService())
                .inlinePolicies(Map.of("LogAndMetricsDelivery", PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .effect(Effect.ALLOW)
                                .actions(LOG_DELIVERY_ACTIONS)
                                .resources(List.of("*"))
                                .build()))
                        .build()))
                .build();
        this.version = CfnResourceVersion.Builder.create(this, "Version")
                .typeName(typeName)
                .schemaHandlerPackage(packageAsset.getS3ObjectUrl())
                .executionRoleArn(executionRole.getRoleArn())
                .loggingConfig(CfnResourceVersion.LoggingConfigProperty.builder()
                        .logGroupName(logGroup.getLogGroupName())
                        .logRoleArn(logRole.getRoleArn())
                        .build())
                .build();
        this.defaultVersion = CfnResourceDefaultVersion.Builder.create(this, "DefaultVersion")
                .typeVersionArn(version.getAttrArn())
                .build();
    }

    /**
     * {@code resources.cloudformation.amazonaws.com}, only on behalf of this account and this type, as AWS recommends
     * against the confused deputy problem
     * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cross-service-confused-deputy-prevention.html).
     */
    private IPrincipal handlerService() {
        String sourceArn = Stack.of(this).formatArn(ArnComponents.builder()
                .service("cloudformation")
                .resource("type")
                .resourceName("resource/" + typeName.replace("::", "-") + "/*")
                .build());
        return new ServicePrincipal(HANDLER_SERVICE).withConditions(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount()),
                "StringLike", Map.of("aws:SourceArn", sourceArn)));
    }

    public String getTypeName() {
        return typeName;
    }

    /** The RegisterType package as uploaded (an S3 file asset). */
    public Asset getPackageAsset() {
        return packageAsset;
    }

    public Role getExecutionRole() {
        return executionRole;
    }

    public LogGroup getLogGroup() {
        return logGroup;
    }

    public Role getLogRole() {
        return logRole;
    }

    /** {@code AWS::CloudFormation::ResourceVersion}: a new package replaces it (a new version of the type). */
    public CfnResourceVersion getVersion() {
        return version;
    }

    public CfnResourceDefaultVersion getDefaultVersion() {
        return defaultVersion;
    }
}
