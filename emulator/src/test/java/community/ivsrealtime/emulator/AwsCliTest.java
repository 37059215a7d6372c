package community.ivsrealtime.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import community.ivsrealtime.emulator.faults.RecordedCall;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The aws CLI (botocore: an independent client and SigV4 signer) against the endpoint with the real business
 * logic. Skipped, with the reason printed, when {@code aws} is not on the PATH.
 */
class AwsCliTest {
    @RegisterExtension
    static final IvsRealTimeExtension ivs = IvsRealTimeExtension.create();
    static AwsCli aws;

    @BeforeAll
    static void start() {
        aws = AwsCli.onPathOrSkip(AwsCliTest.class, ivs::emulator);
    }

    static AwsCli.Run cli(String... args) throws Exception {
        return aws.run(args);
    }

    static AwsCli.Run ok(String... args) throws Exception {
        return aws.ok(args);
    }

    @Test
    void stageLifecycleAndTaggingThroughTheCli() throws Exception {
        JsonNode created = ok("create-stage", "--name", "cli-stage", "--tags", "env=test,team=video").json();
        String arn = created.path("stage").path("arn").asText();
        assertThat(arn).matches("arn:aws:ivs:us-east-1:123456789012:stage/[a-zA-Z0-9]+");
        assertThat(created.path("stage").path("tags").path("env").asText()).isEqualTo("test");

        assertThat(ok("get-stage", "--arn", arn).json().path("stage").path("name").asText()).isEqualTo("cli-stage");
        assertThat(ok("list-stages").json().path("stages").findValuesAsText("arn")).contains(arn);
        assertThat(ok("update-stage", "--arn", arn, "--name", "renamed").json().path("stage").path("name").asText())
                .isEqualTo("renamed");

        ok("tag-resource", "--resource-arn", arn, "--tags", "{\"a\":\"1\",\"b c\":\"2\",\"d/e\":\"3\"}");
        ok("untag-resource", "--resource-arn", arn, "--tag-keys", "a", "b c", "team");
        JsonNode tags = ok("list-tags-for-resource", "--resource-arn", arn).json().path("tags");
        assertThat(TestSupport.JSON.convertValue(tags, Map.class)).isEqualTo(Map.of("env", "test", "d/e", "3"));

        ok("delete-stage", "--arn", arn);
        AwsCli.Run missing = cli("get-stage", "--arn", arn);
        assertThat(missing.exitCode()).isIn(254, 255);
        assertThat(missing.stderr()).contains("ResourceNotFoundException");

        List<RecordedCall> calls = ivs.calls().all();
        assertThat(calls).extracting(RecordedCall::accessKeyId).containsOnly(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
        assertThat(calls).filteredOn(c -> c.operation().equals("UntagResource")).extracting(RecordedCall::resourceArn)
                .containsExactly(arn);
    }

    @Test
    void validationErrorsReachTheCli() throws Exception {
        AwsCli.Run bad = cli("create-stage", "--name", "my stage");
        assertThat(bad.exitCode()).isIn(254, 255);
        assertThat(bad.stderr()).contains("ValidationException")
                .contains("Value 'my stage' at 'name' failed to satisfy constraint");
    }

    @Test
    void aRegionThatIsNotARegionNameIsRefusedBeforeItEndsUpInAnArn() throws Exception {
        AwsCli.Run upper = aws.inRegion("EU-WEST-1", "create-stage", "--name", "unreachable");
        assertThat(upper.exitCode()).isIn(AwsCli.ERROR_EXIT_CODES);
        assertThat(upper.stderr()).contains("An error occurred (InvalidSignatureException)")
                .contains("Credential should be scoped to a valid region, not 'EU-WEST-1'.");
        assertThat(ivs.service().invoke("ListStages", TestSupport.JSON.createObjectNode(),
                new community.ivsrealtime.emulator.core.CallContext(IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID, "EU-WEST-1",
                        null, "check")).get("stages")).isEmpty();
        JsonNode created = aws.inRegion("eu-west-1", "create-stage", "--name", "reachable").json();
        String arn = created.path("stage").path("arn").asText();
        assertThat(arn).startsWith("arn:aws:ivs:eu-west-1:123456789012:stage/");
        assertThat(aws.inRegion("eu-west-1", "get-stage", "--arn", arn).exitCode()).isZero();
    }

    @Test
    void botocoreSignaturesAreVerified() throws Exception {
        AwsCli.Run wrong = aws.withSecret("not-the-secret", "list-stages");
        assertThat(wrong.exitCode()).isIn(254, 255);
        assertThat(wrong.stderr()).contains("InvalidSignatureException");
    }
}
