package community.ivsrealtime.cdk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.ITaggableV2;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.constructs.Construct;

/**
 * An IVS Real-Time stage ({@code Community::IVSRealTime::Stage}): a virtual space where participants exchange video
 * in real time, optionally with individual participant recording into a {@link StorageConfiguration}. The name and
 * the recording settings update in place.
 *
 * <pre>{@code
 * StorageConfiguration storage = new StorageConfiguration(this, "Storage",
 *         StorageConfigurationProps.builder().bucket(bucket).build());
 * Stage stage = new Stage(this, "Stage", StageProps.builder()
 *         .recordingStorageConfiguration(storage)
 *         .thumbnailRecordingMode(ThumbnailRecordingMode.INTERVAL)
 *         .thumbnailInterval(Duration.seconds(30))
 *         .build());
 * stage.grantCreateParticipantToken(backendFunction);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_CreateStage.html">CreateStage</a>
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_AutoParticipantRecordingConfiguration.html">AutoParticipantRecordingConfiguration</a>
 */
public class Stage extends StageBase implements ITaggableV2 {

    private static final String STORAGE = "recordingStorageConfiguration";

    /** The L1; its attribute tokens are made on first use (each is a round trip to node). */
    private final CfnStage resource;

    /**
     * Imports a stage from its ARN; its endpoints are then unknown.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param stageArn {@code arn:<partition>:ivs:<region>:<account>:stage/<id>}, or a token
     * @return the stage
     * @throws IllegalArgumentException for a literal ARN of another service or resource type
     */
    public static IStage fromStageArn(Construct scope, String id, String stageArn) {
        return fromStageAttributes(scope, id, StageAttributes.builder().stageArn(stageArn).build());
    }

    /**
     * Imports a stage from its ARN and, optionally, its endpoints.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param attrs the attributes
     * @return the stage
     * @throws IllegalArgumentException for a literal ARN of another service or resource type
     */
    public static IStage fromStageAttributes(Construct scope, String id, StageAttributes attrs) {
        Checks.arn(attrs.getStageArn(), RESOURCE_TYPE);
        return new Imported(scope, id, attrs);
    }

    /**
     * {@code ConcurrentPublishers}: participants publishing to all stages of the account in the Region (no
     * dimension); by default the maximum over 5 minutes.
     *
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    public static Metric metricAllConcurrentPublishers(MetricOptions props) {
        return newMetric("ConcurrentPublishers", null, "Maximum", props);
    }

    /**
     * {@code ConcurrentSubscriptions}: subscriptions to all stages of the account in the Region (no dimension); by
     * default the maximum over 5 minutes.
     *
     * @param props options that override the defaults (may be null)
     * @return the metric
     */
    public static Metric metricAllConcurrentSubscriptions(MetricOptions props) {
        return newMetric("ConcurrentSubscriptions", null, "Maximum", props);
    }

    /**
     * Defines a stage with a generated name and no recording.
     *
     * @param scope the scope
     * @param id the construct ID
     */
    public Stage(Construct scope, String id) {
        this(scope, id, StageProps.builder().build());
    }

    /**
     * Defines a stage.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param props the properties
     */
    public Stage(Construct scope, String id, StageProps props) {
        super(scope, id);
        Checks.name("stageName", props.getStageName());
        CfnStageProps.Builder cfn = CfnStageProps.builder().name(nameOrDefault(props.getStageName()));
        CfnStage.AutoParticipantRecordingConfigurationProperty recording = recording(props);
        if (recording != null) {
            cfn.autoParticipantRecordingConfiguration(recording);
        }
        CfnStage resource = new CfnStage(CfnValues.FOR_L2, this, "Resource", cfn.build());
        finish(resource, resource::getCdkTagManager, resource::cdkOnRenderedTags, props.getRemovalPolicy());
        this.resource = resource;
    }

    @Override
    public String getStageArn() {
        return resource.getAttrArn();
    }

    /**
     * The ARN for the L1 of another of our L2s, without a string token: {@link #arnInStackOf} in this stack, else the
     * {@code getAtt} reference.
     */
    Object stageArnFor(IvsResource consumer) {
        Map<String, Object> inStack = arnInStackOf(consumer, resource);
        return inStack != null ? inStack : resource.getAttrArnReference();
    }

    /**
     * The ID of the session running on the stage when CloudFormation last read it ({@code st-...}), or empty.
     *
     * @return the session ID (a token)
     */
    public String getStageActiveSessionId() {
        return resource.getAttrActiveSessionId();
    }

    @Override
    public String getStageEventsEndpoint() {
        return resource.getAttrEndpointsEvents();
    }

    @Override
    public String getStageWhipEndpoint() {
        return resource.getAttrEndpointsWhip();
    }

    @Override
    public String getStageRtmpEndpoint() {
        return resource.getAttrEndpointsRtmp();
    }

    @Override
    public String getStageRtmpsEndpoint() {
        return resource.getAttrEndpointsRtmps();
    }

    private CfnStage.AutoParticipantRecordingConfigurationProperty recording(StageProps props) {
        IStorageConfiguration storage = props.getRecordingStorageConfiguration();
        Checks.requires("recordingMediaType", props.getRecordingMediaType(), STORAGE, storage);
        Checks.requires("recordingReconnectWindow", props.getRecordingReconnectWindow(), STORAGE, storage);
        Checks.requires("recordingHlsTargetSegmentDuration", props.getRecordingHlsTargetSegmentDuration(), STORAGE,
                storage);
        Checks.requires("recordParticipantReplicas", props.getRecordParticipantReplicas(), STORAGE, storage);
        Checks.requires("thumbnailRecordingMode", props.getThumbnailRecordingMode(), STORAGE, storage);
        Checks.requires("thumbnailInterval", props.getThumbnailInterval(), STORAGE, storage);
        Checks.requires("thumbnailStorage", props.getThumbnailStorage(), STORAGE, storage);
        Checks.oneOf("recordingMediaType", props.getRecordingMediaType(), RecordingMediaType.VALUES);
        Number reconnect = Checks.seconds("recordingReconnectWindow", props.getRecordingReconnectWindow(), 0, 300);
        Number segment = Checks.seconds("recordingHlsTargetSegmentDuration",
                props.getRecordingHlsTargetSegmentDuration(), 2, 10);
        CfnStage.ThumbnailConfigurationProperty thumbnails = thumbnails(props);
        if (storage == null) {
            return null;
        }

        CfnStage.AutoParticipantRecordingConfigurationProperty.Builder b =
                CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                        .storageConfigurationArn(storage instanceof StorageConfiguration defined
                                ? defined.storageConfigurationArnFor(this) : storage.getStorageConfigurationArn());
        if (props.getRecordingMediaType() != null) {
            b.mediaTypes(List.of(props.getRecordingMediaType().getValue()));
        }
        if (reconnect != null) {
            b.recordingReconnectWindowSeconds(reconnect);
        }
        if (segment != null) {
            b.hlsConfiguration(CfnStage.HlsConfigurationProperty.builder()
                    .targetSegmentDurationSeconds(segment)
                    .build());
        }
        if (props.getRecordParticipantReplicas() != null) {
            b.recordParticipantReplicas(props.getRecordParticipantReplicas());
        }
        if (thumbnails != null) {
            b.thumbnailConfiguration(thumbnails);
        }
        return b.build();
    }

    private static CfnStage.ThumbnailConfigurationProperty thumbnails(StageProps props) {
        ThumbnailRecordingMode mode = props.getThumbnailRecordingMode();
        List<ThumbnailStorage> storage = props.getThumbnailStorage();
        Checks.oneOf("thumbnailRecordingMode", mode, ThumbnailRecordingMode.VALUES);
        Number interval = Checks.seconds("thumbnailInterval", props.getThumbnailInterval(), 1, 86_400);
        if (interval != null && !ThumbnailRecordingMode.INTERVAL.equals(mode)) {
            throw new IllegalArgumentException("thumbnailInterval requires thumbnailRecordingMode INTERVAL, got "
                    + (mode == null ? "no thumbnailRecordingMode (IVS's default is DISABLED)" : mode.getValue()));
        }
        List<String> storageValues = null;
        if (storage != null) {
            storageValues = new ArrayList<>();
            for (ThumbnailStorage s : storage) {
                Checks.oneOf("thumbnailStorage", s, ThumbnailStorage.VALUES);
                storageValues.add(s.getValue());
            }
            if (new LinkedHashSet<>(storageValues).size() != storageValues.size()) {
                throw Checks.fail("thumbnailStorage", "not repeat a value", storageValues);
            }
            if (storageValues.size() > ThumbnailStorage.VALUES.size()) {
                throw Checks.fail("thumbnailStorage", "have at most " + ThumbnailStorage.VALUES.size() + " values",
                        storageValues);
            }
        }
        if (mode == null && interval == null && storageValues == null) {
            return null;
        }
        CfnStage.ThumbnailConfigurationProperty.Builder b = CfnStage.ThumbnailConfigurationProperty.builder();
        if (mode != null) {
            b.recordingMode(mode.getValue());
        }
        if (interval != null) {
            b.targetIntervalSeconds(interval);
        }
        if (storageValues != null) {
            b.storage(storageValues);
        }
        return b.build();
    }

    private static final class Imported extends StageBase {
        private final StageAttributes attrs;

        Imported(Construct scope, String id, StageAttributes attrs) {
            super(scope, id, attrs.getStageArn());
            this.attrs = attrs;
        }

        @Override
        public String getStageArn() {
            return attrs.getStageArn();
        }

        @Override
        public String getStageEventsEndpoint() {
            return known(attrs.getStageEventsEndpoint(), "stageEventsEndpoint");
        }

        @Override
        public String getStageWhipEndpoint() {
            return known(attrs.getStageWhipEndpoint(), "stageWhipEndpoint");
        }

        @Override
        public String getStageRtmpEndpoint() {
            return known(attrs.getStageRtmpEndpoint(), "stageRtmpEndpoint");
        }

        @Override
        public String getStageRtmpsEndpoint() {
            return known(attrs.getStageRtmpsEndpoint(), "stageRtmpsEndpoint");
        }

        private String known(String value, String attribute) {
            if (value == null) {
                throw new IllegalStateException("the " + attribute + " of stage " + getNode().getPath()
                        + " is unknown: import it with Stage.fromStageAttributes and " + attribute);
            }
            return value;
        }
    }
}
