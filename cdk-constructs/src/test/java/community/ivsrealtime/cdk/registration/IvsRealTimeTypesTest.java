package community.ivsrealtime.cdk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.ivsrealtime.cdk.TypeSchemas;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** The registration construct, through synthesized templates and the staged assets. */
class IvsRealTimeTypesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of(System.getProperty("schemas.dir", "../resource-schemas"));

    @TempDir
    static Path packages;

    /** Packages in the RegisterType layout around a stand-in handler jar (the real one is 30 MB; it is only copied). */
    @BeforeAll
    static void writePackages() throws IOException {
        for (String type : TypeSchemas.typeNames()) {
            writePackage(packages.resolve(TypeSchemas.baseName(type) + ".zip"),
                    Files.readAllBytes(SCHEMAS.resolve(TypeSchemas.baseName(type) + ".json")), true);
        }
    }

    static void writePackage(Path zip, byte[] schema, boolean withJar) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            entry(out, ".rpdk-config", "{}".getBytes(StandardCharsets.UTF_8));
            entry(out, "schema.json", schema);
            if (withJar) {
                entry(out, "target/ivs-realtime-handlers.jar", "not really a jar".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(315532800000L);
        out.putNextEntry(e);
        out.write(content);
        out.closeEntry();
    }

    private static Stack stack(Path outdir) {
        App app = App.Builder.create().outdir(outdir.toString()).build();
        return new Stack(app, "Types", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resources(Template t, String type) {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) t.findResources(type);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    private static String id(Stack stack, software.constructs.IConstruct construct) {
        return stack.getLogicalId((CfnElement) (construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild()));
    }

    /** The union of the schema file's handlers.*.permissions, read here independently of the library. */
    private static List<String> permissionsInSchemaFile(String type) throws IOException {
        JsonNode schema = JSON.readTree(SCHEMAS.resolve(TypeSchemas.baseName(type) + ".json").toFile());
        TreeSet<String> actions = new TreeSet<>();
        schema.path("handlers").forEach(h -> h.path("permissions").forEach(a -> actions.add(a.asText())));
        return new ArrayList<>(actions);
    }

    @Test
    void eachTypeGetsAVersionWithItsPackageRolesLogGroupAndDefaultVersion(@TempDir Path out) throws IOException {
        Stack stack = stack(out);
        IvsRealTimeTypes types = new IvsRealTimeTypes(stack, "Types",
                IvsRealTimeTypesProps.builder().packagesDirectory(packages.toString()).build());
        Template t = Template.fromStack(stack);
        assertThat(types.getTypes().keySet()).containsExactlyElementsOf(TypeSchemas.typeNames());
        assertThat(resources(t, "AWS::CloudFormation::ResourceVersion")).hasSize(5);
        assertThat(resources(t, "AWS::CloudFormation::ResourceDefaultVersion")).hasSize(5);
        assertThat(resources(t, "AWS::Logs::LogGroup")).hasSize(5);
        assertThat(resources(t, "AWS::IAM::Role")).hasSize(10);
        assertThat(resources(t, "AWS::IAM::Policy")).as("no separate policies: the roles carry them inline").isEmpty();

        Map<String, Map<String, Object>> roles = resources(t, "AWS::IAM::Role");
        for (RegisteredType type : types.getTypes().values()) {
            String name = type.getTypeName();
            String roleId = id(stack, type.getExecutionRole());
            String logRoleId = id(stack, type.getLogRole());
            String logGroupId = id(stack, type.getLogGroup());
            String versionId = id(stack, type.getVersion());

            // exactly the schema's handler permissions, on every resource (the handlers address resources by ARN at run time)
            Map<String, Object> role = props(roles.get(roleId));
            assertThat(role.get("Policies")).as(name).isEqualTo(List.of(Map.of("PolicyName", "HandlerPermissions",
                    "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                            "Effect", "Allow", "Action", permissionsInSchemaFile(name), "Resource", "*"))))));
            assertThat(role.get("MaxSessionDuration")).isEqualTo(8400);
            Map<String, Object> sourceArn = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                    ":cloudformation:eu-west-1:123456789012:type/resource/" + name.replace("::", "-") + "/*")));
            Map<String, Object> trust = Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                    "Action", "sts:AssumeRole", "Effect", "Allow",
                    "Principal", Map.of("Service", "resources.cloudformation.amazonaws.com"),
                    "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012"),
                            "StringLike", Map.of("aws:SourceArn", sourceArn)))));
            assertThat(role.get("AssumeRolePolicyDocument")).as(name).isEqualTo(trust);
            Map<String, Object> logRole = props(roles.get(logRoleId));
            assertThat(logRole.get("AssumeRolePolicyDocument")).as(name).isEqualTo(trust);
            assertThat(logRole.get("Policies")).as(name).isEqualTo(List.of(Map.of("PolicyName", "LogAndMetricsDelivery",
                    "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                            "Effect", "Allow", "Resource", "*", "Action", List.of(
                                    "cloudwatch:ListMetrics", "cloudwatch:PutMetricData", "logs:CreateLogGroup",
                                    "logs:CreateLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams",
                                    "logs:PutLogEvents")))))));

            Map<String, Object> version = props(resources(t, "AWS::CloudFormation::ResourceVersion").get(versionId));
            assertThat(version).containsOnlyKeys("TypeName", "SchemaHandlerPackage", "ExecutionRoleArn", "LoggingConfig");
            assertThat(version.get("TypeName")).isEqualTo(name);
            assertThat(version.get("ExecutionRoleArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(roleId, "Arn")));
            assertThat(version.get("LoggingConfig")).isEqualTo(Map.of("LogGroupName", Map.of("Ref", logGroupId),
                    "LogRoleArn", Map.of("Fn::GetAtt", List.of(logRoleId, "Arn"))));
            String hash = type.getPackageAsset().getAssetHash();
            assertThat(version.get("SchemaHandlerPackage")).isEqualTo(
                    "s3://cdk-hnb659fds-assets-123456789012-eu-west-1/" + hash + ".zip");
            // the package is staged unchanged: uploaded as is, not re-zipped
            assertThat(out.resolve("asset." + hash + ".zip"))
                    .hasSameBinaryContentAs(packages.resolve(TypeSchemas.baseName(name) + ".zip"));

            Map<String, Map<String, Object>> defaults = resources(t, "AWS::CloudFormation::ResourceDefaultVersion");
            assertThat(defaults.get(id(stack, type.getDefaultVersion())).get("Properties"))
                    .isEqualTo(Map.of("TypeVersionArn", Map.of("Fn::GetAtt", List.of(versionId, "Arn"))));
        }
        assertThat(permissionsInSchemaFile("Community::IVSRealTime::Stage")).containsExactly("ivs:CreateStage",
                "ivs:DeleteStage", "ivs:GetStage", "ivs:ListStages", "ivs:TagResource", "ivs:UntagResource", "ivs:UpdateStage");
        Map<String, Object> logGroup = resources(t, "AWS::Logs::LogGroup").values().iterator().next();
        assertThat(props(logGroup)).isEqualTo(Map.of("RetentionInDays", 30));
        assertThat(logGroup.get("DeletionPolicy")).isEqualTo("Retain");
    }

    @Test
    void theSamePackagesGiveTheSameAssetsSoARedeployRegistersNothingNew(@TempDir Path a, @TempDir Path b) {
        Stack first = stack(a);
        Stack second = stack(b);
        IvsRealTimeTypes one = new IvsRealTimeTypes(first, "T", IvsRealTimeTypesProps.builder().packagesDirectory(packages.toString()).build());
        IvsRealTimeTypes two = new IvsRealTimeTypes(second, "T", IvsRealTimeTypesProps.builder().packagesDirectory(packages.toString()).build());
        assertThat(Template.fromStack(first).toJSON()).isEqualTo(Template.fromStack(second).toJSON());
        assertThat(one.type("Community::IVSRealTime::Stage").getPackageAsset().getAssetHash())
                .isEqualTo(two.type("Community::IVSRealTime::Stage").getPackageAsset().getAssetHash())
                .isNotEqualTo(one.type("Community::IVSRealTime::PublicKey").getPackageAsset().getAssetHash());
    }

    @Test
    void aSubsetOfTypesAndOtherLogSettings(@TempDir Path out) {
        Stack stack = stack(out);
        IvsRealTimeTypes types = new IvsRealTimeTypes(stack, "Types", IvsRealTimeTypesProps.builder()
                .packagesDirectory(packages.toString())
                .typeNames(List.of("Community::IVSRealTime::Stage"))
                .logRetention(software.amazon.awscdk.services.logs.RetentionDays.ONE_WEEK)
                .logRemovalPolicy(software.amazon.awscdk.RemovalPolicy.DESTROY)
                .build());
        Template t = Template.fromStack(stack);
        assertThat(resources(t, "AWS::CloudFormation::ResourceVersion")).hasSize(1);
        Map<String, Object> logGroup = resources(t, "AWS::Logs::LogGroup").values().iterator().next();
        assertThat(props(logGroup)).isEqualTo(Map.of("RetentionInDays", 7));
        assertThat(logGroup.get("DeletionPolicy")).isEqualTo("Delete");
        assertThatThrownBy(() -> types.type("Community::IVSRealTime::PublicKey"))
                .hasMessage("IvsRealTimeTypes: Community::IVSRealTime::PublicKey is not registered here; registered: "
                        + "[Community::IVSRealTime::Stage]");
    }

    @Test
    void badPackagesFailAtSynthNamingTheFileAndHowToBuildThem(@TempDir Path out, @TempDir Path bad) throws IOException {
        Stack stack = stack(out);
        assertThatThrownBy(() -> new IvsRealTimeTypes(stack, "A", IvsRealTimeTypesProps.builder()
                .packagesDirectory(bad.resolve("nope").toString()).build()))
                .hasMessageStartingWith("IvsRealTimeTypes: packagesDirectory \"" + bad.resolve("nope") + "\"")
                .hasMessageContaining("is not a directory").hasMessageContaining("mvn package");
        assertThatThrownBy(() -> new IvsRealTimeTypes(stack, "B", IvsRealTimeTypesProps.builder()
                .packagesDirectory(bad.toString()).build()))
                .hasMessage("IvsRealTimeTypes: no package for Community::IVSRealTime::EncoderConfiguration: "
                        + bad.resolve("community-ivsrealtime-encoderconfiguration.zip") + " does not exist; "
                        + TypePackage.HOW_TO_BUILD);
        Path zip = bad.resolve("community-ivsrealtime-stage.zip");
        writePackage(zip, Files.readAllBytes(SCHEMAS.resolve("community-ivsrealtime-stage.json")), false);
        assertThatThrownBy(() -> new IvsRealTimeTypes(stack, "C", IvsRealTimeTypesProps.builder()
                .packagesDirectory(bad.toString()).typeNames(List.of("Community::IVSRealTime::Stage")).build()))
                .hasMessageContaining("is not a RegisterType package of Community::IVSRealTime::Stage: it lacks [target/<handler jar>]");
        writePackage(zip, Files.readAllBytes(SCHEMAS.resolve("community-ivsrealtime-publickey.json")), true);
        assertThatThrownBy(() -> new IvsRealTimeTypes(stack, "D", IvsRealTimeTypesProps.builder()
                .packagesDirectory(bad.toString()).typeNames(List.of("Community::IVSRealTime::Stage")).build()))
                .hasMessageContaining("(type Community::IVSRealTime::PublicKey) differs from the Community::IVSRealTime::Stage schema");
        assertThatThrownBy(() -> new IvsRealTimeTypes(stack, "E", IvsRealTimeTypesProps.builder()
                .packagesDirectory(packages.toString()).typeNames(List.of("Community::IVSRealTime::Channel")).build()))
                .hasMessageStartingWith("unknown type \"Community::IVSRealTime::Channel\"; the types are [");
        assertThatThrownBy(() -> IvsRealTimeTypesProps.builder().build()).hasMessageContaining("packagesDirectory is required");
    }
}
