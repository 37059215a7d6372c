package community.ivsrealtime.cdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.MetricProps;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.OnEventOptions;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleProps;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.Construct;

/** What a stage defined here and an imported one share: grants, metrics, events, the ingest factory. */
abstract class StageBase extends IvsResource implements IStage {
    static final String RESOURCE_TYPE = "stage";

    /** CloudWatch namespace of IVS Real-Time metrics. */
    static final String NAMESPACE = "AWS/IVSRealTime";
    /** EventBridge source of IVS events. */
    static final String EVENT_SOURCE = "aws.ivs";
    static final String STAGE_UPDATE = "IVS Stage Update";
    static final String PARTICIPANT_RECORDING_STATE_CHANGE = "IVS Participant Recording State Change";
    static final String COMPOSITION_STATE_CHANGE = "IVS Composition State Change";

    static final String[] READ_ACTIONS = {
        "ivs:GetStage", "ivs:ListStageSessions", "ivs:GetStageSession", "ivs:ListParticipants", "ivs:GetParticipant",
        "ivs:ListParticipantEvents", "ivs:ListParticipantReplicas"};

    private String id;

    StageBase(Construct scope, String id) {
        super(scope, id);
    }

    StageBase(Construct scope, String id, String arn) {
        super(scope, id, arn);
    }

    @Override
    public String getStageId() {
        if (id == null) {
            id = idOf(getStageArn(), RESOURCE_TYPE);
        }
        return id;
    }

    @Override
    String arnForGrants() {
        return getStageArn();
    }

    // ------------------------------------------------------------------ grants

    @Override
    public Grant grantCreateParticipantToken(IGrantable grantee) {
        return grant(grantee, "ivs:CreateParticipantToken");
    }

    @Override
    public Grant grantDisconnectParticipant(IGrantable grantee) {
        return grant(grantee, "ivs:DisconnectParticipant");
    }

    @Override
    public Grant grantRead(IGrantable grantee) {
        return grant(grantee, READ_ACTIONS);
    }

    @Override
    public Grant grantParticipantReplication(IGrantable grantee, IStage destination) {
        return grantOn(grantee, List.of(getStageArn(), destination.getStageArn()),
                "ivs:StartParticipantReplication", "ivs:StopParticipantReplication");
    }

    @Override
    public Grant grantStartComposition(IGrantable grantee, List<? extends IEncoderConfiguration> encoderConfigurations,
            List<? extends IStorageConfiguration> storageConfigurations) {
        List<String> arns = new ArrayList<>();
        arns.add(getStageArn());
        if (encoderConfigurations != null) {
            encoderConfigurations.forEach(e -> arns.add(e.getEncoderConfigurationArn()));
        }
        if (storageConfigurations != null) {
            storageConfigurations.forEach(s -> arns.add(s.getStorageConfigurationArn()));
        }
        return grantOn(grantee, arns, "ivs:StartComposition");
    }

    @Override
    public Grant grantStopComposition(IGrantable grantee) {
        ArnComponents stage = Checks.arn(getStageArn(), RESOURCE_TYPE);
        String compositions = Arn.format(ArnComponents.builder()
                .partition(stage.getPartition())
                .service("ivs")
                .region(stage.getRegion())
                .account(stage.getAccount())
                .resource("composition")
                .resourceName("*")
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
        return grantOn(grantee, List.of(compositions), "ivs:GetComposition", "ivs:StopComposition");
    }

    // ------------------------------------------------------------------ metrics

    @Override
    public Metric metric(String metricName, MetricOptions props) {
        return metric(metricName, stageDimension(), "Average", props);
    }

    @Override
    public Metric metricPublishers(MetricOptions props) {
        return metric("Publishers", stageDimension(), "Maximum", props);
    }

    @Override
    public Metric metricSubscribers(MetricOptions props) {
        return metric("Subscribers", stageDimension(), "Maximum", props);
    }

    @Override
    public Metric metricPublishBitrate(MetricOptions props) {
        return metric("PublishBitrate", props);
    }

    @Override
    public Metric metricSubscribeBitrate(MetricOptions props) {
        return metric("SubscribeBitrate", props);
    }

    @Override
    public Metric metricDownloadPacketLoss(MetricOptions props) {
        return metric("DownloadPacketLoss", props);
    }

    @Override
    public Metric metricDroppedFrames(MetricOptions props) {
        return metric("DroppedFrames", props);
    }

    @Override
    public Metric metricParticipantPublishBitrate(String participantId, SimulcastLayer layer,
            ParticipantMediaType mediaType, MetricOptions props) {
        Map<String, String> dims = participantDimensions(participantId);
        dims.put("SimulcastLayer", layer.getValue());
        dims.put("MediaType", mediaType.getValue());
        return metric("PublishBitrate", dims, "Average", props);
    }

    @Override
    public Metric metricParticipantSubscribeBitrate(String participantId, ParticipantMediaType mediaType,
            MetricOptions props) {
        Map<String, String> dims = participantDimensions(participantId);
        dims.put("MediaType", mediaType.getValue());
        return metric("SubscribeBitrate", dims, "Average", props);
    }

    @Override
    public Metric metricParticipantDownloadPacketLoss(String participantId, MetricOptions props) {
        return metric("DownloadPacketLoss", participantDimensions(participantId), "Average", props);
    }

    @Override
    public Metric metricParticipantDroppedFrames(String participantId, MetricOptions props) {
        return metric("DroppedFrames", participantDimensions(participantId), "Average", props);
    }

    private Map<String, String> stageDimension() {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Stage", getStageId());
        return dims;
    }

    private Map<String, String> participantDimensions(String participantId) {
        Map<String, String> dims = stageDimension();
        dims.put("Participant", participantId);
        return dims;
    }

    private Metric metric(String metricName, Map<String, String> dims, String statistic, MetricOptions props) {
        return newMetric(metricName, dims, statistic, props).attachTo(this);
    }

    /** A metric in {@code AWS/IVSRealTime}, 5-minute period, options applied last. */
    static Metric newMetric(String metricName, Map<String, String> dims, String statistic, MetricOptions props) {
        MetricProps.Builder base = MetricProps.builder()
                .namespace(NAMESPACE)
                .metricName(metricName)
                .statistic(statistic)
                .period(Duration.minutes(5));
        if (dims != null) {
            base.dimensionsMap(dims);
        }
        Metric metric = new Metric(base.build());
        return props != null ? metric.with(props) : metric;
    }

    // ------------------------------------------------------------------ events

    @Override
    public Rule onEvent(String id, OnEventOptions options) {
        return rule(id, options, null, true);
    }

    @Override
    public Rule onStageUpdate(String id, OnEventOptions options) {
        return rule(id, options, STAGE_UPDATE, true);
    }

    @Override
    public Rule onParticipantRecordingStateChange(String id, OnEventOptions options) {
        return rule(id, options, PARTICIPANT_RECORDING_STATE_CHANGE, true);
    }

    @Override
    public Rule onCompositionStateChange(String id, OnEventOptions options) {
        return rule(id, options, COMPOSITION_STATE_CHANGE, false);
    }

    private Rule rule(String id, OnEventOptions options, String detailType, boolean thisStage) {
        RuleProps.Builder props = RuleProps.builder();
        if (options != null) {
            props.description(options.getDescription())
                    .ruleName(options.getRuleName())
                    .eventPattern(options.getEventPattern())
                    .crossStackScope(options.getCrossStackScope());
        }
        Rule rule = new Rule(this, id, props.build());
        EventPattern.Builder pattern = EventPattern.builder().source(List.of(EVENT_SOURCE));
        if (detailType != null) {
            pattern.detailType(List.of(detailType));
        }
        if (thisStage) {
            pattern.resources(List.of(getStageArn()));
        }
        rule.addEventPattern(pattern.build());
        if (options != null && options.getTarget() != null) {
            rule.addTarget(options.getTarget());
        }
        return rule;
    }

    // ------------------------------------------------------------------ factories

    @Override
    public IngestConfiguration addIngestConfiguration(String id, IngestConfigurationOptions options) {
        return new IngestConfiguration(this, id, IngestConfigurationProps.of(options, this));
    }
}
