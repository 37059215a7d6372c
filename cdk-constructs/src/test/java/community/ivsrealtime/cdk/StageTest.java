package community.ivsrealtime.cdk;

import static community.ivsrealtime.cdk.L2Tests.getAtt;
import static community.ivsrealtime.cdk.L2Tests.policyStatements;
import static community.ivsrealtime.cdk.L2Tests.properties;
import static community.ivsrealtime.cdk.L2Tests.resource;
import static community.ivsrealtime.cdk.L2Tests.resources;
import static community.ivsrealtime.cdk.L2Tests.stack;
import static community.ivsrealtime.cdk.L2Tests.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.ITaggableV2;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmProps;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.OnEventOptions;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** {@link Stage} and {@link IStage}, proven through synthesized templates. */
class StageTest {

    private static final String TYPE = "Community::IVSRealTime::Stage";
    private static final String ARN = "arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh";

    private static Stack stackWithStorage(UnaryOperator<StageProps.Builder> props) {
        Stack stack = stack();
        IStorageConfiguration storage = StorageConfiguration.fromStorageConfigurationArn(stack, "Storage",
                "arn:aws:ivs:us-west-2:123456789012:storage-configuration/st0rage");
        new Stage(stack, "Stage", props.apply(StageProps.builder().recordingStorageConfiguration(storage)).build());
        return stack;
    }

    private static void assertRejected(UnaryOperator<StageProps.Builder> props, String message) {
        assertThatThrownBy(() -> stackWithStorage(props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static Role role(Stack stack) {
        return Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
    }

    // ------------------------------------------------------------------ props

    @Test
    void defaultsGenerateANameRetainTheStageAndRecordNothing() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        Map<String, Object> resource = resource(synth(stack), TYPE);

        assertThat(resource).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
        assertThat(props).containsOnlyKeys("Name");
        assertThat((String) props.get("Name")).matches("^[a-zA-Z0-9-_]{1,128}$").startsWith("SStage");
        assertThat(stage.getNode().getDefaultChild()).isInstanceOf(CfnStage.class);
        assertThat(stage.getNode().getDefaultChild().getNode().getId()).isEqualTo("Resource");
    }

    @Test
    void everyRecordingPropRendersUnderTheSchemaNames() {
        Stack stack = stackWithStorage(p -> p.stageName("live-1")
                .recordingMediaType(RecordingMediaType.AUDIO_ONLY)
                .recordingReconnectWindow(Duration.seconds(30))
                .recordingHlsTargetSegmentDuration(Duration.seconds(4))
                .recordParticipantReplicas(false)
                .thumbnailRecordingMode(ThumbnailRecordingMode.INTERVAL)
                .thumbnailInterval(Duration.minutes(2))
                .thumbnailStorage(List.of(ThumbnailStorage.LATEST, ThumbnailStorage.SEQUENTIAL)));

        assertThat(properties(synth(stack), TYPE)).isEqualTo(Map.of(
                "Name", "live-1",
                "AutoParticipantRecordingConfiguration", Map.of(
                        "StorageConfigurationArn", "arn:aws:ivs:us-west-2:123456789012:storage-configuration/st0rage",
                        "MediaTypes", List.of("AUDIO_ONLY"),
                        "RecordingReconnectWindowSeconds", 30,
                        "HlsConfiguration", Map.of("TargetSegmentDurationSeconds", 4),
                        "RecordParticipantReplicas", false,
                        "ThumbnailConfiguration", Map.of(
                                "RecordingMode", "INTERVAL",
                                "TargetIntervalSeconds", 120,
                                "Storage", List.of("LATEST", "SEQUENTIAL")))));
    }

    @Test
    void recordingIntoAStorageConfigurationOfThisAppRefersToItsArn() {
        Stack stack = stack();
        StorageConfiguration storage = new StorageConfiguration(stack, "Storage", StorageConfigurationProps.builder()
                .bucket(software.amazon.awscdk.services.s3.Bucket.fromBucketName(stack, "B", "recordings"))
                .build());
        new Stage(stack, "Stage", StageProps.builder().recordingStorageConfiguration(storage)
                .recordingMediaType(RecordingMediaType.NONE).build());

        assertThat(properties(synth(stack), TYPE).get("AutoParticipantRecordingConfiguration"))
                .isEqualTo(Map.of("StorageConfigurationArn", getAtt(storage, "Arn"), "MediaTypes", List.of("NONE")));
    }

    /**
     * The storage configuration's ARN is made in Java for a stage made in its stack; inside a construct of the user's
     * (where Java does not know the stack) and in another stack it is aws-cdk-lib's reference, imported there.
     */
    @Test
    void recordingRefersToTheStorageConfigurationFromEveryStack() {
        List<Stack> stacks = L2Tests.stacks("S", "Other");
        Stack stack = stacks.get(0);
        Stack other = stacks.get(1);
        StorageConfiguration storage = new StorageConfiguration(stack, "Storage", StorageConfigurationProps.builder()
                .bucket(new software.amazon.awscdk.services.s3.Bucket(stack, "B")).build());
        StageProps recording = StageProps.builder().recordingStorageConfiguration(storage).build();
        new Stage(stack, "Here", recording);
        new Stage(new Construct(stack, "Group"), "Nested", recording);
        new Stage(other, "Away", recording);

        Map<String, Object> here = getAtt(storage, "Arn");
        Map<String, Map<String, Object>> stages = resources(synth(stack), TYPE);
        assertThat(stages).hasSize(2);
        stages.values().forEach(r -> assertThat(((Map<?, ?>) ((Map<?, ?>) r.get("Properties"))
                .get("AutoParticipantRecordingConfiguration")).get("StorageConfigurationArn")).isEqualTo(here));
        Object away = ((Map<?, ?>) properties(synth(other), TYPE).get("AutoParticipantRecordingConfiguration"))
                .get("StorageConfigurationArn");
        assertThat(((Map<?, ?>) away).keySet().toString()).isEqualTo("[Fn::ImportValue]");
        assertThat(stack.resolve(storage.getStorageConfigurationArn())).isEqualTo(here);
    }

    @Test
    void removalPolicyIsApplied() {
        Stack stack = stack();
        new Stage(stack, "Stage", StageProps.builder().removalPolicy(RemovalPolicy.DESTROY).build());
        assertThat(resource(synth(stack), TYPE))
                .containsEntry("DeletionPolicy", "Delete").containsEntry("UpdateReplacePolicy", "Delete");
    }

    @Test
    void tagsOfTheScopeReachTheStage() {
        Stack stack = stack();
        new Stage(stack, "Stage", StageProps.builder().stageName("s").build());
        Tags.of(stack).add("team", "video");
        assertThat(properties(synth(stack), TYPE))
                .containsEntry("Tags", List.of(Map.of("Key", "team", "Value", "video")));
    }

    @Test
    void theStageHoldsItsResourcesTagManager() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage", StageProps.builder().stageName("s").build());
        CfnStage l1 = (CfnStage) stage.getNode().getDefaultChild();
        assertThat(stage).isInstanceOf(ITaggableV2.class);
        assertThat(stage.getCdkTagManager()).isSameAs(l1.getCdkTagManager());
        assertThat(TagManager.isTaggableV2(stage)).isTrue();
        Tags.of(stage).add("team", "video");
        assertThat(properties(synth(stack), TYPE))
                .containsEntry("Tags", List.of(Map.of("Key", "team", "Value", "video")));
    }

    @Test
    void tagsSetOnTheL1MergeWithTagsOfTheScopeAndAreChecked() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage", StageProps.builder().stageName("s").build());
        CfnStage l1 = (CfnStage) stage.getNode().getDefaultChild();
        l1.setTags(List.of(CfnTag.builder().key("own").value("1").build()));
        Tags.of(stack).add("app", "demo");
        assertThat(properties(synth(stack), TYPE)).containsEntry("Tags",
                List.of(Map.of("Key", "app", "Value", "demo"), Map.of("Key", "own", "Value", "1")));

        Stack bad = stack();
        Stage badStage = new Stage(bad, "Stage", StageProps.builder().stageName("s").build());
        ((CfnStage) badStage.getNode().getDefaultChild()).setTags(List.of(CfnTag.builder().key("aws:x").value("1").build()));
        assertThatThrownBy(() -> synth(bad))
                .hasMessageContaining("Stage/Resource: tag key must not start with \"aws:\" (reserved for AWS), got \"aws:x\"");
    }

    /** Overrides an aws-cdk-lib member, which node would not call (the L2s declare only cdkTagManager to node). */
    static final class RemovalPolicyStage extends Stage {
        RemovalPolicyStage(Construct scope, String id) {
            super(scope, id);
        }

        @Override
        public void applyRemovalPolicy(RemovalPolicy policy) {
            super.applyRemovalPolicy(policy);
        }
    }

    /** Adds members of its own only. */
    static final class NamedStage extends Stage {
        NamedStage(Construct scope, String id) {
            super(scope, id, StageProps.builder().stageName("named").build());
        }

        public String label() {
            return "named";
        }
    }

    @Test
    void aSubclassMayAddMembersButNotOverrideAwsCdkOnes() {
        Stack stack = stack();
        assertThatThrownBy(() -> new RemovalPolicyStage(stack, "Stage"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith(RemovalPolicyStage.class.getName() + ".applyRemovalPolicy overrides "
                        + "software.amazon.awscdk.Resource.applyRemovalPolicy, which node would not call");
        NamedStage named = new NamedStage(stack, "Named");
        Tags.of(named).add("team", "video");
        assertThat(named.label()).isEqualTo("named");
        assertThat(properties(synth(stack), TYPE)).containsEntry("Name", "named")
                .containsEntry("Tags", List.of(Map.of("Key", "team", "Value", "video")));
    }

    @Test
    void tooManyOrTooLongTagsFailSynthesis() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        for (int i = 0; i < 51; i++) {
            Tags.of(stage).add("k" + i, "v");
        }
        Tags.of(stage).add("long", "x".repeat(257));
        assertThatThrownBy(() -> synth(stack))
                .hasMessageContaining("tags must be at most 50 per resource, got 52")
                .hasMessageContaining("tag value must be at most 256 characters long, got 257 characters for key \"long\"");
    }

    // ------------------------------------------------------------------ validation

    @Test
    void stageNameIsChecked() {
        assertRejected(p -> p.stageName("my stage"), "stageName must match ^[a-zA-Z0-9-_]*$, got \"my stage\"");
        assertRejected(p -> p.stageName("a".repeat(129)),
                "stageName must be at most 128 characters long, got 129 characters: \"" + "a".repeat(129) + "\"");
    }

    @Test
    void durationsAreCheckedInWholeSecondsWithinTheSchemaRanges() {
        assertRejected(p -> p.recordingReconnectWindow(Duration.seconds(301)),
                "recordingReconnectWindow must be between 0 and 300 seconds, got 5 minutes 1 second");
        assertRejected(p -> p.recordingReconnectWindow(Duration.millis(1500)),
                "recordingReconnectWindow must be a whole number of seconds between 0 and 300, got 1 second 500 millis");
        assertRejected(p -> p.recordingHlsTargetSegmentDuration(Duration.seconds(1)),
                "recordingHlsTargetSegmentDuration must be between 2 and 10 seconds, got 1 second");
        assertRejected(p -> p.recordingHlsTargetSegmentDuration(Duration.seconds(11)),
                "recordingHlsTargetSegmentDuration must be between 2 and 10 seconds, got 11 seconds");
        assertRejected(p -> p.thumbnailRecordingMode(ThumbnailRecordingMode.INTERVAL).thumbnailInterval(Duration.seconds(0)),
                "thumbnailInterval must be between 1 and 86400 seconds, got 0 seconds");
        assertRejected(p -> p.thumbnailRecordingMode(ThumbnailRecordingMode.INTERVAL).thumbnailInterval(Duration.days(2)),
                "thumbnailInterval must be between 1 and 86400 seconds, got 2 days");
    }

    @Test
    void thumbnailIntervalNeedsIntervalMode() {
        assertRejected(p -> p.thumbnailInterval(Duration.seconds(10)),
                "thumbnailInterval requires thumbnailRecordingMode INTERVAL, got no thumbnailRecordingMode (IVS's default is DISABLED)");
        assertRejected(p -> p.thumbnailRecordingMode(ThumbnailRecordingMode.DISABLED).thumbnailInterval(Duration.seconds(10)),
                "thumbnailInterval requires thumbnailRecordingMode INTERVAL, got DISABLED");
    }

    @Test
    void enumValuesOutsideTheSchemaAreRejected() {
        assertRejected(p -> p.recordingMediaType(RecordingMediaType.of("VIDEO_ONLY")),
                "recordingMediaType must be one of AUDIO_VIDEO, AUDIO_ONLY, NONE, got \"VIDEO_ONLY\"");
        assertRejected(p -> p.thumbnailRecordingMode(ThumbnailRecordingMode.of("ALWAYS")),
                "thumbnailRecordingMode must be one of INTERVAL, DISABLED, got \"ALWAYS\"");
        assertRejected(p -> p.thumbnailStorage(List.of(ThumbnailStorage.of("FIRST"))),
                "thumbnailStorage must be one of SEQUENTIAL, LATEST, got \"FIRST\"");
        assertRejected(p -> p.thumbnailStorage(List.of(ThumbnailStorage.LATEST, ThumbnailStorage.LATEST)),
                "thumbnailStorage must not repeat a value, got [LATEST, LATEST]");
    }

    @Test
    void recordingPropsNeedAStorageConfiguration() {
        assertThatThrownBy(() -> new Stage(stack(), "Stage", StageProps.builder()
                .thumbnailRecordingMode(ThumbnailRecordingMode.INTERVAL).build()))
                .hasMessage("thumbnailRecordingMode requires recordingStorageConfiguration to be set, got INTERVAL "
                        + "without recordingStorageConfiguration");
        assertThatThrownBy(() -> new Stage(stack(), "Stage", StageProps.builder()
                .recordingReconnectWindow(Duration.seconds(5)).build()))
                .hasMessageStartingWith("recordingReconnectWindow requires recordingStorageConfiguration to be set");
    }

    @Test
    void tokensAreNotChecked() {
        Stack stack = stack();
        CfnParameter name = CfnParameter.Builder.create(stack, "Name").build();
        new Stage(stack, "Stage", StageProps.builder().stageName(name.getValueAsString()).build());
        assertThat(properties(synth(stack), TYPE)).containsEntry("Name", Map.of("Ref", "Name"));
    }

    // ------------------------------------------------------------------ attributes and imports

    @Test
    void attributesAreGetAttsOfTheL1() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        assertThat(stack.resolve(stage.getStageArn())).isEqualTo(getAtt(stage, "Arn"));
        assertThat(stack.resolve(stage.getStageActiveSessionId())).isEqualTo(getAtt(stage, "ActiveSessionId"));
        assertThat(stack.resolve(stage.getStageEventsEndpoint())).isEqualTo(getAtt(stage, "Endpoints.Events"));
        assertThat(stack.resolve(stage.getStageWhipEndpoint())).isEqualTo(getAtt(stage, "Endpoints.Whip"));
        assertThat(stack.resolve(stage.getStageRtmpEndpoint())).isEqualTo(getAtt(stage, "Endpoints.Rtmp"));
        assertThat(stack.resolve(stage.getStageRtmpsEndpoint())).isEqualTo(getAtt(stage, "Endpoints.Rtmps"));
        assertThat(stack.resolve(stage.getStageId())).isEqualTo(idFromArn(getAtt(stage, "Arn")));
    }

    /** What CloudFormation functions take the ID out of an ARN token: the part after "/" of the sixth ":" field. */
    static Map<String, Object> idFromArn(Object arn) {
        Map<String, Object> resource = Map.of("Fn::Select", List.of(5, Map.of("Fn::Split", List.of(":", arn))));
        return Map.of("Fn::Select", List.of(1, Map.of("Fn::Split", List.of("/", resource))));
    }

    @Test
    void importByArn() {
        Stack stack = stack();
        IStage stage = Stage.fromStageArn(stack, "Imported", ARN);
        assertThat(stage.getStageArn()).isEqualTo(ARN);
        assertThat(stage.getStageId()).isEqualTo("abcdABCDefgh");
        assertThat(stage.getEnv().getRegion()).isEqualTo("us-west-2");
        assertThatThrownBy(stage::getStageWhipEndpoint).isInstanceOf(IllegalStateException.class)
                .hasMessage("the stageWhipEndpoint of stage S/Imported is unknown: import it with "
                        + "Stage.fromStageAttributes and stageWhipEndpoint");

        IStage withEndpoints = Stage.fromStageAttributes(stack, "WithEndpoints", StageAttributes.builder()
                .stageArn(ARN).stageWhipEndpoint("https://global.whip.live-video.net").build());
        assertThat(withEndpoints.getStageWhipEndpoint()).isEqualTo("https://global.whip.live-video.net");
    }

    @Test
    void importRejectsMalformedLiteralArns() {
        Stack stack = stack();
        assertThatThrownBy(() -> Stage.fromStageArn(stack, "A", "arn:aws:s3:us-west-2:123456789012:stage/abc"))
                .hasMessage("Invalid service, expected 'ivs', got 's3'");
        assertThatThrownBy(() -> Stage.fromStageArn(stack, "B", "arn:aws:ivs:us-west-2:123456789012:channel/abc"))
                .hasMessage("Invalid resource, expected 'stage', got 'channel'");
        assertThatThrownBy(() -> Stage.fromStageArn(stack, "C", "arn:aws:ivs:us-west-2:123456789012:stage/a_b"))
                .hasMessage("Invalid resource ID, expected 'stage/' followed by letters, digits or '-', got "
                        + "'arn:aws:ivs:us-west-2:123456789012:stage/a_b'");
        assertThatThrownBy(() -> Stage.fromStageArn(stack, "D", "not-an-arn"))
                .hasMessageContaining("ARNs must start with \"arn:\"");
    }

    @Test
    void importAcceptsATokenArn() {
        Stack stack = stack();
        CfnParameter arn = CfnParameter.Builder.create(stack, "StageArn").build();
        IStage stage = Stage.fromStageArn(stack, "Imported", arn.getValueAsString());
        assertThat(stack.resolve(stage.getStageId())).isEqualTo(idFromArn(Map.of("Ref", "StageArn")));
    }

    // ------------------------------------------------------------------ grants

    @Test
    void grantsHaveTheExactActionsAndResources() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        IStage other = Stage.fromStageArn(stack, "Other", ARN);
        Role tokens = role(stack);
        stage.grantCreateParticipantToken(tokens);
        Role moderator = Role.Builder.create(stack, "Moderator").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        stage.grantDisconnectParticipant(moderator);
        Role reader = Role.Builder.create(stack, "Reader").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        stage.grantRead(reader);
        Role replicator = Role.Builder.create(stack, "Replicator").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        stage.grantParticipantReplication(replicator, other);
        Role custom = Role.Builder.create(stack, "Custom").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        stage.grant(custom, "ivs:UpdateStage", "ivs:GetStage");

        Template template = synth(stack);
        Map<String, Object> arn = getAtt(stage, "Arn");
        assertThat(policyStatements(template)).containsExactlyInAnyOrder(
                Map.of("Action", "ivs:CreateParticipantToken", "Effect", "Allow", "Resource", arn),
                Map.of("Action", "ivs:DisconnectParticipant", "Effect", "Allow", "Resource", arn),
                Map.of("Action", List.of("ivs:GetStage", "ivs:ListStageSessions", "ivs:GetStageSession",
                        "ivs:ListParticipants", "ivs:GetParticipant", "ivs:ListParticipantEvents",
                        "ivs:ListParticipantReplicas"), "Effect", "Allow", "Resource", arn),
                Map.of("Action", List.of("ivs:StartParticipantReplication", "ivs:StopParticipantReplication"),
                        "Effect", "Allow", "Resource", List.of(arn, ARN)),
                Map.of("Action", List.of("ivs:UpdateStage", "ivs:GetStage"), "Effect", "Allow", "Resource", arn));
    }

    @Test
    void startCompositionCoversTheStageAndEveryEncoderAndStorageConfiguration() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        EncoderConfiguration hd = new EncoderConfiguration(stack, "Hd", EncoderConfigurationProps.builder()
                .video(Video.HD_720P_30).build());
        IEncoderConfiguration fhd = EncoderConfiguration.fromEncoderConfigurationArn(stack, "Fhd",
                "arn:aws:ivs:us-west-2:123456789012:encoder-configuration/fhd1");
        IStorageConfiguration storage = StorageConfiguration.fromStorageConfigurationArn(stack, "Storage",
                "arn:aws:ivs:us-west-2:123456789012:storage-configuration/st0rage");
        stage.grantStartComposition(role(stack), List.of(hd, fhd), List.of(storage));

        assertThat(policyStatements(synth(stack))).containsExactly(Map.of(
                "Action", "ivs:StartComposition", "Effect", "Allow", "Resource", List.of(
                        getAtt(stage, "Arn"), getAtt(hd, "Arn"),
                        "arn:aws:ivs:us-west-2:123456789012:encoder-configuration/fhd1",
                        "arn:aws:ivs:us-west-2:123456789012:storage-configuration/st0rage")));
    }

    @Test
    void stopCompositionCoversTheCompositionsOfTheStagesAccountAndRegion() {
        Stack stack = stack();
        Stage.fromStageArn(stack, "Imported", "arn:aws:ivs:eu-west-1:210987654321:stage/abc")
                .grantStopComposition(role(stack));
        assertThat(policyStatements(synth(stack))).containsExactly(Map.of(
                "Action", List.of("ivs:GetComposition", "ivs:StopComposition"), "Effect", "Allow",
                "Resource", "arn:aws:ivs:eu-west-1:210987654321:composition/*"));
    }

    // ------------------------------------------------------------------ metrics

    private static Map<String, Object> metricConfig(Stack stack, Metric metric) {
        @SuppressWarnings("unchecked")
        Map<String, Object> dims = metric.getDimensions() == null ? Map.of()
                : (Map<String, Object>) stack.resolve(metric.getDimensions());
        return Map.of("namespace", metric.getNamespace(), "name", metric.getMetricName(),
                "statistic", metric.getStatistic(), "period", metric.getPeriod().toSeconds(), "dimensions", dims);
    }

    @Test
    void metricsUseTheStageIdAsDimension() {
        Stack stack = stack();
        IStage stage = Stage.fromStageArn(stack, "Imported", ARN);
        Map<String, Object> stageDim = Map.of("Stage", "abcdABCDefgh");

        assertThat(metricConfig(stack, stage.metricPublishers())).isEqualTo(Map.of("namespace", "AWS/IVSRealTime",
                "name", "Publishers", "statistic", "Maximum", "period", 300, "dimensions", stageDim));
        assertThat(metricConfig(stack, stage.metricSubscribers())).isEqualTo(Map.of("namespace", "AWS/IVSRealTime",
                "name", "Subscribers", "statistic", "Maximum", "period", 300, "dimensions", stageDim));
        assertThat(metricConfig(stack, stage.metricPublishBitrate(null))).containsEntry("name", "PublishBitrate")
                .containsEntry("statistic", "Average").containsEntry("dimensions", stageDim);
        assertThat(metricConfig(stack, stage.metricSubscribeBitrate(null))).containsEntry("name", "SubscribeBitrate");
        assertThat(metricConfig(stack, stage.metricDownloadPacketLoss(null))).containsEntry("name", "DownloadPacketLoss");
        assertThat(metricConfig(stack, stage.metricDroppedFrames(null))).containsEntry("name", "DroppedFrames");
        assertThat(metricConfig(stack, stage.metric("Custom", MetricOptions.builder()
                .statistic("Sum").period(Duration.minutes(1)).build())))
                .isEqualTo(Map.of("namespace", "AWS/IVSRealTime", "name", "Custom", "statistic", "Sum", "period", 60,
                        "dimensions", stageDim));
    }

    @Test
    void regionWideMetricsHaveNoDimension() {
        Stack stack = stack();
        assertThat(metricConfig(stack, Stage.metricAllConcurrentPublishers(null))).isEqualTo(Map.of(
                "namespace", "AWS/IVSRealTime", "name", "ConcurrentPublishers", "statistic", "Maximum", "period", 300,
                "dimensions", Map.of()));
        assertThat(metricConfig(stack, Stage.metricAllConcurrentSubscriptions(MetricOptions.builder()
                .statistic("Average").build()))).containsEntry("name", "ConcurrentSubscriptions")
                .containsEntry("statistic", "Average");
    }

    @Test
    void perParticipantMetricsAddTheDocumentedDimensions() {
        Stack stack = stack();
        IStage stage = Stage.fromStageArn(stack, "Imported", ARN);
        assertThat(metricConfig(stack, stage.metricParticipantPublishBitrate("p1", SimulcastLayer.HI,
                ParticipantMediaType.VIDEO, null)).get("dimensions")).isEqualTo(Map.of("Stage", "abcdABCDefgh",
                "Participant", "p1", "SimulcastLayer", "hi", "MediaType", "video"));
        assertThat(metricConfig(stack, stage.metricParticipantSubscribeBitrate("p1", ParticipantMediaType.AUDIO,
                null)).get("dimensions")).isEqualTo(Map.of("Stage", "abcdABCDefgh", "Participant", "p1",
                "MediaType", "audio"));
        assertThat(metricConfig(stack, stage.metricParticipantDownloadPacketLoss("p1", null)))
                .containsEntry("name", "DownloadPacketLoss")
                .containsEntry("dimensions", Map.of("Stage", "abcdABCDefgh", "Participant", "p1"));
        assertThat(metricConfig(stack, stage.metricParticipantDroppedFrames("p1", null)))
                .containsEntry("name", "DroppedFrames")
                .containsEntry("dimensions", Map.of("Stage", "abcdABCDefgh", "Participant", "p1"));
    }

    @Test
    void anAlarmOnAStageMetricRendersTheStageIdToken() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        new Alarm(stack, "NoPublishers", AlarmProps.builder().metric(stage.metricPublishers())
                .threshold(1).evaluationPeriods(1).build());
        Map<String, Object> alarm = properties(synth(stack), "AWS::CloudWatch::Alarm");
        assertThat(alarm).containsEntry("Namespace", "AWS/IVSRealTime").containsEntry("MetricName", "Publishers")
                .containsEntry("Statistic", "Maximum").containsEntry("Period", 300);
        assertThat(alarm.get("Dimensions")).isEqualTo(List.of(Map.of("Name", "Stage",
                "Value", stack.resolve(stage.getStageId()))));
    }

    // ------------------------------------------------------------------ events

    @Test
    void eventRulesMatchThisStagesEvents() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        Topic topic = new Topic(stack, "Topic");
        stage.onStageUpdate("Updates", OnEventOptions.builder().target(new SnsTopic(topic))
                .eventPattern(EventPattern.builder().detail(Map.of("event_name", List.of("Participant Published"))).build())
                .build());
        stage.onParticipantRecordingStateChange("Recordings", null);
        stage.onCompositionStateChange("Compositions", null);
        stage.onEvent("All");

        Map<String, Map<String, Object>> rules = resources(synth(stack), "AWS::Events::Rule");
        Map<String, Object> arn = getAtt(stage, "Arn");
        assertThat(rules).hasSize(4);
        assertThat(pattern(rules, "StageUpdates")).isEqualTo(Map.of("source", List.of("aws.ivs"),
                "detail-type", List.of("IVS Stage Update"), "resources", List.of(arn),
                "detail", Map.of("event_name", List.of("Participant Published"))));
        assertThat(pattern(rules, "StageRecordings")).isEqualTo(Map.of("source", List.of("aws.ivs"),
                "detail-type", List.of("IVS Participant Recording State Change"), "resources", List.of(arn)));
        assertThat(pattern(rules, "StageCompositions")).isEqualTo(Map.of("source", List.of("aws.ivs"),
                "detail-type", List.of("IVS Composition State Change")));
        assertThat(pattern(rules, "StageAll")).isEqualTo(Map.of("source", List.of("aws.ivs"), "resources", List.of(arn)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) ((Map<String, Object>) rule(rules, "StageUpdates")
                .get("Properties")).get("Targets");
        assertThat(targets).singleElement().satisfies(t -> assertThat(t.get("Arn")).isEqualTo(Map.of("Ref",
                L2Tests.logicalId(topic))));
    }

    private static Map<String, Object> rule(Map<String, Map<String, Object>> rules, String logicalIdPrefix) {
        return rules.entrySet().stream().filter(e -> e.getKey().startsWith(logicalIdPrefix)).findFirst()
                .orElseThrow().getValue();
    }

    @SuppressWarnings("unchecked")
    private static Object pattern(Map<String, Map<String, Object>> rules, String logicalIdPrefix) {
        return ((Map<String, Object>) rule(rules, logicalIdPrefix).get("Properties")).get("EventPattern");
    }

    // ------------------------------------------------------------------ factory

    @Test
    void addIngestConfigurationAttachesItToTheStage() {
        Stack stack = stack();
        Stage stage = new Stage(stack, "Stage");
        IngestConfiguration ingest = stage.addIngestConfiguration("Camera", IngestConfigurationOptions.builder()
                .ingestConfigurationName("camera-1").userId("cam").build());

        assertThat(ingest.getNode().getPath()).isEqualTo("S/Stage/Camera");
        assertThat(ingest.getStage()).isSameAs(stage);
        assertThat(properties(synth(stack), "Community::IVSRealTime::IngestConfiguration")).isEqualTo(
                Map.of("Name", "camera-1", "UserId", "cam", "IngestProtocol", "RTMPS", "StageArn", getAtt(stage, "Arn")));
    }
}
