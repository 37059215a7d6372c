package community.ivsrealtime.cdk;

import java.util.Map;

import software.amazon.awscdk.ITaggableV2;
import software.amazon.awscdk.SecretValue;
import software.constructs.Construct;

/**
 * An IVS Real-Time ingest configuration ({@code Community::IVSRealTime::IngestConfiguration}): lets an RTMP or RTMPS
 * encoder publish into a stage as a participant, with a stream key IVS generates. Only the stage (and tags) change
 * in place; any other change replaces it, and so its stream key. {@link IStage#addIngestConfiguration} makes one for
 * a stage.
 *
 * @see <a href="https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_CreateIngestConfiguration.html">CreateIngestConfiguration</a>
 */
public class IngestConfiguration extends IngestConfigurationBase implements ITaggableV2 {

    /** At most this many bytes of attributes (keys and values). */
    static final int MAX_ATTRIBUTE_BYTES = 1024;

    /** The L1; its attribute tokens are made on first use (each is a round trip to node). */
    private final CfnIngestConfiguration resource;
    private SecretValue streamKey;
    private final IStage stage;

    /**
     * Imports an ingest configuration from its ARN; its stream key and participant ID are then unknown.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param ingestConfigurationArn {@code arn:<partition>:ivs:<region>:<account>:ingest-configuration/<id>}, or a token
     * @return the ingest configuration
     * @throws IllegalArgumentException for a literal ARN of another service or resource type
     */
    public static IIngestConfiguration fromIngestConfigurationArn(Construct scope, String id,
            String ingestConfigurationArn) {
        return fromIngestConfigurationAttributes(scope, id,
                IngestConfigurationAttributes.builder().ingestConfigurationArn(ingestConfigurationArn).build());
    }

    /**
     * Imports an ingest configuration from its attributes.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param attrs the ARN and, optionally, the stream key and participant ID
     * @return the ingest configuration
     * @throws IllegalArgumentException for a literal ARN of another service or resource type
     */
    public static IIngestConfiguration fromIngestConfigurationAttributes(Construct scope, String id,
            IngestConfigurationAttributes attrs) {
        Checks.arn(attrs.getIngestConfigurationArn(), RESOURCE_TYPE);
        return new Imported(scope, id, attrs);
    }

    /**
     * Defines an RTMPS ingest configuration attached to no stage.
     *
     * @param scope the scope
     * @param id the construct ID
     */
    public IngestConfiguration(Construct scope, String id) {
        this(scope, id, IngestConfigurationProps.builder().build());
    }

    /**
     * Defines an ingest configuration.
     *
     * @param scope the scope
     * @param id the construct ID
     * @param props the properties
     */
    public IngestConfiguration(Construct scope, String id, IngestConfigurationProps props) {
        super(scope, id);
        Checks.name("ingestConfigurationName", props.getIngestConfigurationName());
        IngestProtocol protocol = props.getIngestProtocol() != null ? props.getIngestProtocol() : IngestProtocol.RTMPS;
        Checks.oneOf("ingestProtocol", protocol, IngestProtocol.VALUES);
        Boolean insecure = props.getInsecureIngest();
        if (IngestProtocol.RTMP.equals(protocol)) {
            if (Boolean.FALSE.equals(insecure)) {
                throw new IllegalArgumentException(
                        "insecureIngest must be true with ingestProtocol RTMP (unencrypted), got false");
            }
            insecure = Boolean.TRUE;
        }
        Checks.length("userId", props.getUserId(), 0, 128);
        Checks.totalBytes("attributes", props.getAttributes(), MAX_ATTRIBUTE_BYTES);
        this.stage = props.getStage();

        CfnIngestConfigurationProps.Builder cfn = CfnIngestConfigurationProps.builder()
                .name(nameOrDefault(props.getIngestConfigurationName()))
                .ingestProtocol(protocol.getValue());
        if (insecure != null) {
            cfn.insecureIngest(insecure);
        }
        // a stage of this app gives its ARN as a reference: a string token would cost one more message to node
        Map<String, Object> references = stage instanceof Stage defined
                ? Map.of("StageArn", defined.stageArnFor(this)) : Map.of();
        if (stage != null && references.isEmpty()) {
            cfn.stageArn(stage.getStageArn());
        }
        if (props.getUserId() != null) {
            cfn.userId(props.getUserId());
        }
        Map<String, String> attributes = props.getAttributes();
        if (attributes != null) {
            cfn.attributes(attributes);
        }
        CfnIngestConfiguration resource = new CfnIngestConfiguration(CfnValues.FOR_L2, this, "Resource", cfn.build(),
                references);
        finish(resource, resource::getCdkTagManager, resource::cdkOnRenderedTags, props.getRemovalPolicy());
        this.resource = resource;
    }

    @Override
    public String getIngestConfigurationArn() {
        return resource.getAttrArn();
    }

    @Override
    public SecretValue getIngestConfigurationStreamKey() {
        if (streamKey == null) {
            streamKey = SecretValue.resourceAttribute(resource.getAttrStreamKey());
        }
        return streamKey;
    }

    @Override
    public String getIngestConfigurationParticipantId() {
        return resource.getAttrParticipantId();
    }

    /**
     * {@code ACTIVE} while an encoder publishes through this configuration, else {@code INACTIVE}, as IVS reported
     * it when CloudFormation last read the resource.
     *
     * @return the state (a token)
     */
    public String getIngestConfigurationState() {
        return resource.getAttrState();
    }

    /**
     * The stage encoders publish into.
     *
     * @return the stage, or null when none was given
     */
    public IStage getStage() {
        return stage;
    }

    private static final class Imported extends IngestConfigurationBase {
        private final IngestConfigurationAttributes attrs;

        Imported(Construct scope, String id, IngestConfigurationAttributes attrs) {
            super(scope, id, attrs.getIngestConfigurationArn());
            this.attrs = attrs;
        }

        @Override
        public String getIngestConfigurationArn() {
            return attrs.getIngestConfigurationArn();
        }

        @Override
        public SecretValue getIngestConfigurationStreamKey() {
            if (attrs.getIngestConfigurationStreamKey() == null) {
                throw unknown("stream key", "ingestConfigurationStreamKey");
            }
            return attrs.getIngestConfigurationStreamKey();
        }

        @Override
        public String getIngestConfigurationParticipantId() {
            if (attrs.getIngestConfigurationParticipantId() == null) {
                throw unknown("participant ID", "ingestConfigurationParticipantId");
            }
            return attrs.getIngestConfigurationParticipantId();
        }

        private IllegalStateException unknown(String what, String attribute) {
            return new IllegalStateException("the " + what + " of ingest configuration " + getNode().getPath()
                    + " is unknown: import it with IngestConfiguration.fromIngestConfigurationAttributes and "
                    + attribute);
        }
    }
}
