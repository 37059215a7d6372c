package community.ivsrealtime.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.Participant;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantToken;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

/**
 * Rules of the IVS Real-Time API reference the endpoint once missed, each through the real SDK with the error code
 * and message: replication attributes merged with the token's, a channel broadcast by one composition at a time,
 * reserved {@code aws:} tag keys, S3 bucket naming rules.
 */
class FidelitySdkTest extends SdkTestBase {
    private static final String CHANNEL = "arn:aws:ivs:us-east-1:" + ACCOUNT + ":channel/abcdABCDefgh";
    private static final String OTHER_CHANNEL = "arn:aws:ivs:us-east-1:" + ACCOUNT + ":channel/zyxwZYXWvuts";

    /** https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_StartParticipantReplication.html, attributes. */
    @Test
    void replicationAttributesAreMergedWithTheTokensAndTheRequestWinsOnTheSameKey() {
        String source = ivs.createStage(r -> { }).stage().arn();
        String destination = ivs.createStage(r -> { }).stage().arn();
        ParticipantToken t = ivs.createParticipantToken(r -> r.stageArn(source)
                .attributes(Map.of("role", "host", "seat", "1"))).participantToken();
        sim("join", "stageArn", source, "token", t.token(), "publish", true);

        ivs.startParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(destination)
                .participantId(t.participantId()).attributes(Map.of("seat", "2", "room", "b")));

        String session = ivs.getStage(r -> r.arn(destination)).stage().activeSessionId();
        Participant replica = ivs.getParticipant(r -> r.stageArn(destination).sessionId(session)
                .participantId(t.participantId())).participant();
        assertThat(replica.attributes()).isEqualTo(Map.of("role", "host", "seat", "2", "room", "b"));
        String sourceSession = ivs.getStage(r -> r.arn(source)).stage().activeSessionId();
        assertThat(ivs.getParticipant(r -> r.stageArn(source).sessionId(sourceSession).participantId(t.participantId()))
                .participant().attributes()).isEqualTo(Map.of("role", "host", "seat", "1"));
    }

    @Test
    void replicationWithoutAttributesKeepsTheTokensAttributes() {
        String source = ivs.createStage(r -> { }).stage().arn();
        String destination = ivs.createStage(r -> { }).stage().arn();
        ParticipantToken t = ivs.createParticipantToken(r -> r.stageArn(source).attributes(Map.of("role", "host")))
                .participantToken();
        sim("join", "stageArn", source, "token", t.token(), "publish", true);
        ivs.startParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(destination)
                .participantId(t.participantId()));
        String session = ivs.getStage(r -> r.arn(destination)).stage().activeSessionId();
        assertThat(ivs.getParticipant(r -> r.stageArn(destination).sessionId(session).participantId(t.participantId()))
                .participant().attributes()).isEqualTo(Map.of("role", "host"));
    }

    /**
     * "The channel must be offline (not broadcasting)":
     * https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_ChannelDestinationConfiguration.html.
     */
    @Test
    void aChannelAnotherRunningCompositionBroadcastsToIsAConflict() {
        String stage = ivs.createStage(r -> { }).stage().arn();
        String other = ivs.createStage(r -> { }).stage().arn();
        String first = ivs.startComposition(r -> r.stageArn(stage).destinations(d -> d.channel(c -> c.channelArn(CHANNEL))))
                .composition().arn();

        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(other)
                .destinations(d -> d.channel(c -> c.channelArn(CHANNEL)))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConflictException");
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("destinations.0.channel.channelArn: the "
                            + "channel must be offline (not broadcasting), but composition " + first + " broadcasts to "
                            + CHANNEL);
                });
        assertThat(ivs.listCompositions(r -> { }).compositions()).hasSize(1);

        // another channel is fine, and once the first composition stops its channel is free again
        ivs.startComposition(r -> r.stageArn(other).destinations(d -> d.channel(c -> c.channelArn(OTHER_CHANNEL))));
        ivs.stopComposition(r -> r.arn(first));
        ivs.startComposition(r -> r.stageArn(other).destinations(d -> d.channel(c -> c.channelArn(CHANNEL))));
        assertThat(ivs.listCompositions(r -> { }).compositions()).hasSize(2);
    }

    @Test
    void theSameChannelTwiceInOneRequestIsRefused() {
        String stage = ivs.createStage(r -> { }).stage().arn();
        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(stage).destinations(
                d -> d.channel(c -> c.channelArn(CHANNEL)), d -> d.channel(c -> c.channelArn(CHANNEL)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("destinations.1.channel.channelArn: the "
                            + "channel must be offline (not broadcasting), but destinations.0 of this request already "
                            + "broadcasts to " + CHANNEL);
                });
        assertThat(ivs.listCompositions(r -> { }).compositions()).isEmpty();
    }

    @Test
    void theSameRequestRetriedWithItsIdempotencyTokenIsNotAConflictWithItself() {
        String stage = ivs.createStage(r -> { }).stage().arn();
        String first = ivs.startComposition(r -> r.stageArn(stage).idempotencyToken("t-1")
                .destinations(d -> d.channel(c -> c.channelArn(CHANNEL)))).composition().arn();
        assertThat(ivs.startComposition(r -> r.stageArn(stage).idempotencyToken("t-1")
                .destinations(d -> d.channel(c -> c.channelArn(CHANNEL)))).composition().arn()).isEqualTo(first);
    }

    /** AWS reserves the aws: prefix: https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html. */
    @ParameterizedTest
    @ValueSource(strings = {"aws:cloudformation:stack-name", "AWS:owner", "Aws:x"})
    void tagResourceAndUntagResourceRefuseReservedKeys(String key) {
        String stage = ivs.createStage(r -> r.tags(Map.of("aws:cloudformation:stack-name", "s", "team", "a")))
                .stage().arn();
        assertThatThrownBy(() -> ivs.tagResource(r -> r.resourceArn(stage).tags(Map.of(key, "forged"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("tags: tag keys starting with 'aws:' are reserved for AWS use, got '" + key + "'"));
        assertThatThrownBy(() -> ivs.untagResource(r -> r.resourceArn(stage).tagKeys(key)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("tagKeys: tag keys starting with 'aws:' are reserved for AWS use, got '" + key + "'"));
        assertThat(ivs.listTagsForResource(r -> r.resourceArn(stage)).tags())
                .isEqualTo(Map.of("aws:cloudformation:stack-name", "s", "team", "a"));
    }

    @Test
    void createCallsAcceptCloudFormationSystemTagsButNoOtherReservedKey() {
        Map<String, String> system = Map.of("aws:cloudformation:stack-name", "s", "aws:cloudformation:logical-id", "L",
                "aws:cloudformation:stack-id", "arn:aws:cloudformation:us-east-1:" + ACCOUNT + ":stack/s/1");
        String stage = ivs.createStage(r -> r.tags(system)).stage().arn();
        assertThat(ivs.listTagsForResource(r -> r.resourceArn(stage)).tags()).isEqualTo(system);
        assertThatThrownBy(() -> ivs.createEncoderConfiguration(r -> r.tags(Map.of("aws:owner", "me"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("tags: tag keys starting with 'aws:' are reserved for AWS use (only CloudFormation's "
                                + "aws:cloudformation:* system tags may be set on create), got 'aws:owner'"));
        assertThat(ivs.listEncoderConfigurations(r -> { }).encoderConfigurations()).isEmpty();
    }

    /** https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html */
    @Test
    void bucketNamesFollowS3NamingRules() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("my..bucket", "must not contain two adjacent dots"),
                Map.entry("192.168.1.1", "must not be formatted as an IP address"),
                Map.entry("-bucket-", "must begin and end with a letter or a digit"),
                Map.entry("bucket.", "must begin and end with a letter or a digit"),
                Map.entry("xn--bucket", "must not start with the reserved prefix xn--"),
                Map.entry("sthree-bucket", "must not start with the reserved prefix sthree-"),
                Map.entry("amzn-s3-demo-bucket", "must not start with the reserved prefix amzn-s3-demo-"),
                Map.entry("bucket-s3alias", "must not end with the reserved suffix -s3alias"),
                Map.entry("bucket--ol-s3", "must not end with the reserved suffix --ol-s3"),
                Map.entry("bucket.mrap", "must not end with the reserved suffix .mrap"),
                Map.entry("bucket--x-s3", "must not end with the reserved suffix --x-s3"),
                Map.entry("bucket--table-s3", "must not end with the reserved suffix --table-s3"));
        refused.forEach((name, rule) -> assertThatThrownBy(() -> ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName(name))))
                .as(name)
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("s3.bucketName: an S3 bucket name " + rule
                            + " (S3 bucket naming rules), got '" + name + "'");
                }));
        for (String name : List.of("abc", "my.bucket.name", "a-b.c-d", "1bucket9", "a.-b", "a".repeat(63),
                "192.168.1.1a", "bucket-s3", "xn-bucket")) {
            assertThat(ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName(name))).storageConfiguration()
                    .s3().bucketName()).isEqualTo(name);
        }
        assertThat(ivs.listStorageConfigurations(r -> { }).storageConfigurations()).hasSize(9);
    }

    @Test
    void tooShortAndTooLongBucketNamesAreRefusedByTheModelsLengthConstraint() {
        for (String name : List.of("ab", "a".repeat(64))) {
            assertThatThrownBy(() -> ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName(name))))
                    .isInstanceOf(AwsServiceException.class)
                    .hasMessageContaining("s3.bucketName");
        }
    }
}
