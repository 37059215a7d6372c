package community.ivsrealtime.cdk;

import java.util.List;

import software.amazon.awscdk.IResource;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.events.OnEventOptions;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * An IVS Real-Time stage ({@code Community::IVSRealTime::Stage}), defined in this app or imported: a virtual space
 * where participants exchange video in real time. Grants, metrics and event rules for what applications do with a
 * stage at run time.
 *
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoninteractivevideoservice.html">Actions, resources and condition keys for Amazon IVS (the grants)</a>
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeUserGuide/stage-health.html">Monitoring IVS Real-Time Streaming (the metrics)</a>
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeUserGuide/eventbridge.html">Using EventBridge with IVS Real-Time Streaming (the events)</a>
 */
public interface IStage extends IResource {

    /**
     * The stage ARN, for example {@code arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh}.
     *
     * @return the ARN (a token for a stage defined in this app)
     */
    String getStageArn();

    /**
     * The stage ID: the last part of its ARN; the {@code Stage} dimension of the stage's metrics.
     *
     * @return the ID (a token when the ARN is one)
     */
    String getStageId();

    /**
     * The events endpoint (WebSocket) the broadcast SDK uses.
     *
     * @return the endpoint
     * @throws IllegalStateException for a stage imported without it
     */
    String getStageEventsEndpoint();

    /**
     * The WHIP endpoint, for publishing with WebRTC-HTTP ingestion.
     *
     * @return the endpoint
     * @throws IllegalStateException for a stage imported without it
     */
    String getStageWhipEndpoint();

    /**
     * The RTMP ingest endpoint, used with an ingest configuration.
     *
     * @return the endpoint
     * @throws IllegalStateException for a stage imported without it
     */
    String getStageRtmpEndpoint();

    /**
     * The RTMPS ingest endpoint, used with an ingest configuration.
     *
     * @return the endpoint
     * @throws IllegalStateException for a stage imported without it
     */
    String getStageRtmpsEndpoint();

    // ------------------------------------------------------------------ grants

    /**
     * Grants IVS actions on this stage.
     *
     * @param grantee the principal
     * @param actions IAM actions such as {@code ivs:GetStage}
     * @return the grant
     */
    Grant grant(IGrantable grantee, String... actions);

    /**
     * Grants {@code ivs:CreateParticipantToken} on this stage: what a backend needs to let users join.
     *
     * @param grantee the principal
     * @return the grant
     */
    Grant grantCreateParticipantToken(IGrantable grantee);

    /**
     * Grants {@code ivs:DisconnectParticipant} on this stage.
     *
     * @param grantee the principal
     * @return the grant
     */
    Grant grantDisconnectParticipant(IGrantable grantee);

    /**
     * Grants reading the stage, its sessions and participants: {@code ivs:GetStage}, {@code ivs:ListStageSessions},
     * {@code ivs:GetStageSession}, {@code ivs:ListParticipants}, {@code ivs:GetParticipant},
     * {@code ivs:ListParticipantEvents} and {@code ivs:ListParticipantReplicas}, on this stage.
     *
     * @param grantee the principal
     * @return the grant
     */
    Grant grantRead(IGrantable grantee);

    /**
     * Grants starting and stopping participant replication from this stage into {@code destination}:
     * {@code ivs:StartParticipantReplication} and {@code ivs:StopParticipantReplication} on both stages (the calls
     * name both).
     *
     * @param grantee the principal
     * @param destination the stage participants are replicated into
     * @return the grant
     */
    Grant grantParticipantReplication(IGrantable grantee, IStage destination);

    /**
     * Grants {@code ivs:StartComposition} for compositions of this stage: the Service Authorization Reference
     * requires the action on the stage and on every encoder configuration the composition uses, and checks it on
     * the storage configurations it writes to; the grant covers exactly those resources.
     *
     * @param grantee the principal
     * @param encoderConfigurations the encoder configurations the compositions use
     * @param storageConfigurations the storage configurations they record to (may be empty)
     * @return the grant
     */
    Grant grantStartComposition(IGrantable grantee, List<? extends IEncoderConfiguration> encoderConfigurations,
            List<? extends IStorageConfiguration> storageConfigurations);

    /**
     * Grants {@code ivs:GetComposition} and {@code ivs:StopComposition} on compositions. A composition's ARN
     * ({@code composition/<id>}) does not name its stage and its ID is known only once it starts, so the grant
     * covers every composition in this stage's account and Region.
     *
     * @param grantee the principal
     * @return the grant
     */
    Grant grantStopComposition(IGrantable grantee);

    // ------------------------------------------------------------------ metrics

    /**
     * A metric of this stage in {@code AWS/IVSRealTime} with dimension {@code Stage} = the stage ID; by default the
     * average over 5 minutes.
     *
     * @param metricName the metric name, for example {@code Publishers}
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metric(String metricName, MetricOptions props);

    /** @param metricName the metric name @return {@link #metric(String, MetricOptions)} with the defaults */
    default Metric metric(String metricName) {
        return metric(metricName, null);
    }

    /**
     * {@code Publishers}: participants publishing to the stage; by default the maximum over 5 minutes.
     *
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricPublishers(MetricOptions props);

    /** @return {@link #metricPublishers(MetricOptions)} with the defaults */
    default Metric metricPublishers() {
        return metricPublishers(null);
    }

    /**
     * {@code Subscribers}: participants subscribed to the stage; by default the maximum over 5 minutes.
     *
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricSubscribers(MetricOptions props);

    /** @return {@link #metricSubscribers(MetricOptions)} with the defaults */
    default Metric metricSubscribers() {
        return metricSubscribers(null);
    }

    /**
     * {@code PublishBitrate} of the stage (bits per second); by default the average over 5 minutes.
     *
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricPublishBitrate(MetricOptions props);

    /**
     * {@code SubscribeBitrate} of the stage (bits per second); by default the average over 5 minutes.
     *
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricSubscribeBitrate(MetricOptions props);

    /**
     * {@code DownloadPacketLoss} of the stage's subscribers (percent); by default the average over 5 minutes.
     *
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricDownloadPacketLoss(MetricOptions props);

    /**
     * {@code DroppedFrames} of the stage's subscribers (percent); by default the average over 5 minutes.
     *
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricDroppedFrames(MetricOptions props);

    /**
     * {@code PublishBitrate} of one participant, layer and media type (dimensions {@code Stage}, {@code Participant},
     * {@code SimulcastLayer}, {@code MediaType}).
     *
     * @param participantId the participant ID
     * @param layer the simulcast layer
     * @param mediaType video or audio
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricParticipantPublishBitrate(String participantId, SimulcastLayer layer, ParticipantMediaType mediaType,
            MetricOptions props);

    /**
     * {@code SubscribeBitrate} of one participant and media type (dimensions {@code Stage}, {@code Participant},
     * {@code MediaType}).
     *
     * @param participantId the participant ID
     * @param mediaType video or audio
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricParticipantSubscribeBitrate(String participantId, ParticipantMediaType mediaType,
            MetricOptions props);

    /**
     * {@code DownloadPacketLoss} of one participant (dimensions {@code Stage}, {@code Participant}; reported only for
     * subscribers who also publish).
     *
     * @param participantId the participant ID
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricParticipantDownloadPacketLoss(String participantId, MetricOptions props);

    /**
     * {@code DroppedFrames} of one participant (dimensions {@code Stage}, {@code Participant}; reported only for
     * subscribers who also publish).
     *
     * @param participantId the participant ID
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    Metric metricParticipantDroppedFrames(String participantId, MetricOptions props);

    // ------------------------------------------------------------------ events

    /**
     * An EventBridge rule for every IVS event about this stage: source {@code aws.ivs}, {@code resources} containing
     * the stage ARN. IVS delivers events on a best-effort basis (possibly late, out of order, or not at all).
     *
     * @param id the rule's construct ID (the rule is a child of this stage)
     * @param options target, description, name and an extra pattern (may be null)
     * @return the rule
     */
    Rule onEvent(String id, OnEventOptions options);

    /** @param id the rule's construct ID @return {@link #onEvent(String, OnEventOptions)} without options */
    default Rule onEvent(String id) {
        return onEvent(id, null);
    }

    /**
     * An EventBridge rule for {@code IVS Stage Update} events of this stage (participants publishing,
     * unpublishing, ...).
     *
     * @param id the rule's construct ID
     * @param options target and more (may be null)
     * @return the rule
     */
    Rule onStageUpdate(String id, OnEventOptions options);

    /**
     * An EventBridge rule for {@code IVS Participant Recording State Change} events of this stage (individual
     * participant recording started, ended, failed).
     *
     * @param id the rule's construct ID
     * @param options target and more (may be null)
     * @return the rule
     */
    Rule onParticipantRecordingStateChange(String id, OnEventOptions options);

    /**
     * An EventBridge rule for {@code IVS Composition State Change} events. IVS documents neither the
     * {@code resources} nor the field that name the stage in these events, so the rule matches the composition
     * events of <b>every</b> stage in the account and Region; narrow it with {@code options.eventPattern} if needed.
     *
     * @param id the rule's construct ID
     * @param options target and more (may be null)
     * @return the rule
     */
    Rule onCompositionStateChange(String id, OnEventOptions options);

    // ------------------------------------------------------------------ factories

    /**
     * Adds an ingest configuration that publishes into this stage, as a child of this stage.
     *
     * @param id the construct ID
     * @param options the options (may be null for an RTMPS configuration with defaults)
     * @return the ingest configuration
     */
    IngestConfiguration addIngestConfiguration(String id, IngestConfigurationOptions options);

    /** @param id the construct ID @return {@link #addIngestConfiguration(String, IngestConfigurationOptions)} with defaults */
    default IngestConfiguration addIngestConfiguration(String id) {
        return addIngestConfiguration(id, null);
    }
}
