package community.ivsrealtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import community.ivsrealtime.contract.ContractSuite;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.registry.ResourceType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * {@code ivsrt test} and {@code ivsrt invoke} through picocli in this JVM: against the in-process local endpoint
 * (no options), and with {@code --endpoint} against an endpoint of the test's own (credentials from the SDK's
 * default chain: its system properties, with a session token, so no STS call is made) whose state the test
 * inspects afterwards.
 */
class ContractCommandsTest {

    private static final String SESSION = "cli-test-session-token-1234";
    private static IvsRealTimeEmulator endpoint;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        // any other SDK client of this JVM stays on loopback
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:9");
        endpoint = IvsRealTimeEmulator.builder().host("127.0.0.1").port(0).verifySignatures(true).start();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
        System.clearProperty("aws.endpointUrl");
    }

    @AfterEach
    void forgetCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.sessionToken");
        endpoint.reset();
    }

    private int run(final String... args) {
        final CommandLine commandLine = Ivsrt.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** The default chain's first source: system properties, temporary credentials of the endpoint's key pair. */
    private static String[] againstTheTestEndpoint() {
        System.setProperty("aws.accessKeyId", IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY);
        System.setProperty("aws.sessionToken", SESSION);
        return new String[] {"--endpoint", endpoint.endpoint().toString(), "--account-id",
            IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID};
    }

    private static long resourcesOnTheTestEndpoint() {
        try (IvsRealTimeClient client = IvsRealTimeClient.builder()
            .endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)))
            .httpClient(UrlConnectionHttpClient.create()).build()) {
            return client.listStages(r -> { }).stages().size()
                + client.listEncoderConfigurations(r -> { }).encoderConfigurations().size()
                + client.listStorageConfigurations(r -> { }).storageConfigurations().size()
                + client.listPublicKeys(r -> { }).publicKeys().size()
                + client.listIngestConfigurations(r -> { }).ingestConfigurations().size();
        }
    }

    @Test
    void testRunsEveryContractTestForAllTypesAgainstTheLocalEndpoint(@org.junit.jupiter.api.io.TempDir final Path tmp)
        throws Exception {
        final Path reports = tmp.resolve("reports");

        final int exit = run("test", "--report", reports.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        final String table = out.toString();
        assertThat(table).contains("Contract tests against local endpoint http://127.0.0.1:");
        for (final ResourceType type : ResourceType.values()) {
            assertThat(table).contains(type.simpleName());
        }
        for (final String test : ContractSuite.TESTS) {
            assertThat(table).containsPattern("(?m)^" + test + "( +pass pass){5}$");
        }
        assertThat(table).contains("140 tests: 140 passed, 0 failed, 0 skipped").doesNotContain("FAIL");
        assertThat(err.toString()).contains("Stage inputs_1 contract_create_delete: pass");
        try (var files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                "TEST-ivsrt-contract-encoderconfiguration.xml", "TEST-ivsrt-contract-ingestconfiguration.xml",
                "TEST-ivsrt-contract-publickey.xml", "TEST-ivsrt-contract-stage.xml",
                "TEST-ivsrt-contract-storageconfiguration.xml");
        }
        final String xml = Files.readString(reports.resolve("TEST-ivsrt-contract-stage.xml"));
        assertThat(xml).contains("<testsuite name=\"Community::IVSRealTime::Stage\" tests=\"28\" failures=\"0\"")
            .contains("name=\"contract_delete_create[inputs_2]\"");
    }

    /**
     * A test that fails (the update input changes a createOnly property) fails the run, is named with its reason
     * in the table and the XML, and what it created is deleted anyway.
     */
    @Test
    void aFailingTestFailsTheRunAndLeavesNothingBehind(@org.junit.jupiter.api.io.TempDir final Path tmp)
        throws Exception {
        final Path inputs = Files.createDirectories(tmp.resolve("inputs/storageconfiguration"));
        Files.writeString(inputs.resolve("inputs_1_create.json"),
            "{\"S3\":{\"BucketName\":\"first-bucket\"},\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}");
        Files.writeString(inputs.resolve("inputs_1_update.json"),
            "{\"S3\":{\"BucketName\":\"other-bucket\"},\"Tags\":[{\"Key\":\"a\",\"Value\":\"c\"}]}");
        final Path reports = tmp.resolve("reports");
        final String[] target = againstTheTestEndpoint();

        final int exit = run("test", "storageconfiguration", "--inputs", tmp.resolve("inputs").toString(),
            "--report", reports.toString(), target[0], target[1], target[2], target[3]);

        assertThat(exit).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).containsPattern("(?m)^contract_update_read +FAIL$")
            .containsPattern("FAIL contract_update_read StorageConfiguration inputs_1: UPDATE answered FAILED "
                + "NotUpdatable")
            .contains("14 tests: ").contains(" failed, 0 skipped")
            .doesNotContain(SESSION).doesNotContain(IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY);
        assertThat(Files.readString(reports.resolve("TEST-ivsrt-contract-storageconfiguration.xml")))
            .contains("<failure message=\"UPDATE answered FAILED NotUpdatable");
        assertThat(endpoint.calls().count("CreateStorageConfiguration")).isPositive();
        assertThat(resourcesOnTheTestEndpoint()).as("resources left on the endpoint").isZero();
    }

    @Test
    void testRefusesUnknownTypesTestsAndEmptyInputDirectories(@org.junit.jupiter.api.io.TempDir final Path tmp) {
        assertThat(run("test", "AWS::IVS::Stage")).isEqualTo(2);
        assertThat(err.toString()).contains("no resource type \"AWS::IVS::Stage\"").contains("Stage (Community::IVSRealTime::Stage)");
        assertThat(run("test", "--test", "contract_create_everything")).isEqualTo(2);
        assertThat(err.toString()).contains("no contract test \"contract_create_everything\"");
        assertThat(run("test", "Stage", "--inputs", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no contract inputs for Community::IVSRealTime::Stage in " + tmp);
        assertThat(run("test", "--endpoint", "http://127.0.0.1:9", "--aws")).isEqualTo(2);
    }

    @Test
    void invokeCreatesInTheInProcessEndpointAndMasksTheStreamKey(@org.junit.jupiter.api.io.TempDir final Path tmp)
        throws Exception {
        final Path model = tmp.resolve("ingest.json");
        Files.writeString(model, "{\"IngestProtocol\":\"RTMPS\",\"Name\":\"cli\"}");

        final int exit = run("invoke", "IngestConfiguration", "CREATE", model.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("CREATE Community::IVSRealTime::IngestConfiguration against local endpoint")
            .contains("invocation 1: SUCCESS").contains("\"StreamKey\" : \"****\"")
            .doesNotContain(Target.LOCAL_SESSION_TOKEN).doesNotContain(IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY);
        assertThat(out.toString()).containsPattern("\"Arn\" : \"arn:aws:ivs:us-east-1:123456789012:ingest-configuration/");
    }

    /** CREATE, READ, UPDATE, LIST and DELETE of one stage on the test's endpoint, one command each. */
    @Test
    void invokeRunsEveryActionAgainstAnEndpoint(@org.junit.jupiter.api.io.TempDir final Path tmp) throws Exception {
        final String[] target = againstTheTestEndpoint();
        final Path create = tmp.resolve("create.json");
        Files.writeString(create, "{\"Name\":\"cli-stage\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");

        assertThat(run("invoke", "Community::IVSRealTime::Stage", "CREATE", create.toString(), target[0], target[1],
            target[2], target[3])).as(out + "\n" + err).isZero();
        final Matcher arn = Pattern.compile("\"Arn\" : \"(arn:aws:ivs:[^\"]+)\"").matcher(out.toString());
        assertThat(arn.find()).isTrue();
        final Path created = tmp.resolve("created.json");
        Files.writeString(created, "{\"Arn\":\"" + arn.group(1) + "\",\"Name\":\"cli-stage\",\"Tags\":[{\"Key\":\"k\","
            + "\"Value\":\"v\"}]}");
        final Path renamed = tmp.resolve("renamed.json");
        Files.writeString(renamed, "{\"Arn\":\"" + arn.group(1) + "\",\"Name\":\"renamed\"}");
        final Path empty = tmp.resolve("empty.json");
        Files.writeString(empty, "{}");

        assertThat(run("invoke", "stage", "READ", created.toString(), target[0], target[1], target[2], target[3]))
            .isZero();
        assertThat(run("invoke", "Stage", "UPDATE", renamed.toString(), "--previous", created.toString(), target[0],
            target[1], target[2], target[3])).isZero();
        assertThat(run("invoke", "Stage", "LIST", empty.toString(), target[0], target[1], target[2], target[3]))
            .isZero();
        assertThat(run("invoke", "Stage", "DELETE", created.toString(), target[0], target[1], target[2], target[3]))
            .isZero();
        assertThat(run("invoke", "Stage", "READ", created.toString(), target[0], target[1], target[2], target[3]))
            .isEqualTo(1);

        assertThat(endpoint.calls().count("CreateStage")).isEqualTo(1);
        assertThat(endpoint.calls().count("UpdateStage")).isEqualTo(1);
        assertThat(endpoint.calls().count("UntagResource")).isEqualTo(1);
        assertThat(endpoint.calls().count("ListStages")).isEqualTo(1);
        assertThat(endpoint.calls().count("DeleteStage")).isEqualTo(1);
        assertThat(endpoint.calls().count("GetStage")).isEqualTo(2);
        assertThat(out.toString()).contains("\"Name\" : \"renamed\"").contains("invocation 1: FAILED NotFound")
            .doesNotContain(SESSION).doesNotContain(IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY);
        assertThat(resourcesOnTheTestEndpoint()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void invokeAcceptsFullAndSimpleTypeNames(final ResourceType type) {
        assertThat(new Target.TypeConverter().convert(type.typeName())).isEqualTo(type);
        assertThat(new Target.TypeConverter().convert(type.simpleName().toLowerCase(java.util.Locale.ROOT)))
            .isEqualTo(type);
    }

    @Test
    void invokeRefusesAFileThatIsNotAnObject(@org.junit.jupiter.api.io.TempDir final Path tmp) throws Exception {
        final Path list = tmp.resolve("list.json");
        Files.writeString(list, "[1]");
        assertThat(run("invoke", "Stage", "CREATE", list.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("must hold a JSON object");
        Files.writeString(list, "{\"Name\":");
        assertThat(run("invoke", "Stage", "CREATE", list.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not valid JSON (line 1");
    }
}
