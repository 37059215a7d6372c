package community.ivsrealtime.emulator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.TestSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

/** The limit of 50 tags per resource does not count reserved aws: keys, on create and on TagResource. */
class ReservedTagsTest {
    static IvsRealTimeEmulator emulator;
    static IvsRealTimeClient client;

    @BeforeAll
    static void start() {
        emulator = IvsRealTimeEmulator.start();
        client = TestSupport.client(emulator);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    private static Map<String, String> userTags(int count) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("k" + i, "v");
        }
        return tags;
    }

    @Test
    void fiftyUserTagsPlusCloudFormationSystemTagsAreAccepted() {
        Map<String, String> tags = userTags(50);
        tags.put("aws:cloudformation:stack-name", "s");
        tags.put("aws:cloudformation:logical-id", "Stage");
        tags.put("AWS:CloudFormation:stack-id", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1");

        String arn = client.createStage(r -> r.tags(tags)).stage().arn();

        assertThat(client.getStage(r -> r.arn(arn)).stage().tags()).hasSize(53);
        assertThatThrownBy(() -> client.tagResource(r -> r.resourceArn(arn).tags(Map.of("k50", "v"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("would have 51");
    }

    @Test
    void fiftyOneUserTagsAreRefusedNamingTheMember() {
        Map<String, String> tags = userTags(51);
        assertThatThrownBy(() -> client.createEncoderConfiguration(r -> r.tags(tags)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
    }

    @Test
    void reservedKeysAreRecognisedInAnyLetterCase() {
        assertThat(community.ivsrealtime.emulator.core.ReservedTags.counted(
                java.util.List.of("aws:a", "AWS:b", "Aws:c", "awsd", "team:aws:e", "aws"))).isEqualTo(3);
    }
}
