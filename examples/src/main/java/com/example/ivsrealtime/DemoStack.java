package com.example.ivsrealtime;

import community.ivsrealtime.cdk.CfnEncoderConfiguration;
import community.ivsrealtime.cdk.CfnEncoderConfigurationProps;
import community.ivsrealtime.cdk.CfnIngestConfiguration;
import community.ivsrealtime.cdk.CfnIngestConfigurationProps;
import community.ivsrealtime.cdk.CfnPublicKey;
import community.ivsrealtime.cdk.CfnPublicKeyProps;
import community.ivsrealtime.cdk.CfnStage;
import community.ivsrealtime.cdk.CfnStageProps;
import community.ivsrealtime.cdk.CfnStorageConfiguration;
import community.ivsrealtime.cdk.CfnStorageConfigurationProps;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * A stage that records every participant (with thumbnails) into an S3 bucket, an encoder configuration for
 * compositions, a public key for participant tokens, an RTMPS ingest configuration on the stage, a Lambda function
 * allowed to create participant tokens and start compositions, an alarm on the stage's publishers and a rule on its
 * events.
 */
public class DemoStack extends Stack {

    /** Context key of the stage's name. */
    public static final String STAGE_NAME_CONTEXT = "stageName";
    public static final String DEFAULT_STAGE_NAME = "demo-stage";

    /** An ES384 public key (made for this example; its private key was thrown away): replace it with your own. */
    static final String PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\n"
            + "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEunkzRjFh4cYX3RJ8Ttxi+uRt1aqZQdQb\n"
            + "McbuTU7DNpn1F10M2ZimCJotWNsz4Txb4BgrYexCubLdOEclBwxoMJ5qlg7WzZyt\n"
            + "91GtSSyDr0eTpOCjUdJist+kPvuXW/5Z\n"
            + "-----END PUBLIC KEY-----\n";

    public DemoStack(final Construct scope, final String id) {
        super(scope, id, StackProps.builder()
                .description("IVS Real-Time stage with recording, composition, ingest, alarms and events")
                .build());
        Object name = getNode().tryGetContext(STAGE_NAME_CONTEXT);
        String stageName = name == null ? DEFAULT_STAGE_NAME : name.toString();

        Bucket recordings = Bucket.Builder.create(this, "Recordings")
                .encryption(BucketEncryption.S3_MANAGED)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .build();
        CfnStorageConfiguration storage = new CfnStorageConfiguration(this, "Storage", CfnStorageConfigurationProps.builder()
                .name(stageName + "-recordings")
                .s3(CfnStorageConfiguration.S3StorageConfigurationProperty.builder()
                        .bucketName(recordings.getBucketName()).build())
                .build());
        CfnStage stage = new CfnStage(this, "Stage", CfnStageProps.builder()
                .name(stageName)
                .autoParticipantRecordingConfiguration(CfnStage.AutoParticipantRecordingConfigurationProperty.builder()
                        .storageConfigurationArn(storage.getAttrArn())
                        .mediaTypes(List.of("AUDIO_VIDEO"))
                        .thumbnailConfiguration(CfnStage.ThumbnailConfigurationProperty.builder()
                                .recordingMode("INTERVAL").targetIntervalSeconds(30).storage(List.of("LATEST")).build())
                        .build())
                .build());
        CfnEncoderConfiguration encoder = new CfnEncoderConfiguration(this, "Encoder", CfnEncoderConfigurationProps.builder()
                .name(stageName + "-720p")
                .video(CfnEncoderConfiguration.VideoProperty.builder()
                        .width(1280).height(720).framerate(30).bitrate(2_500_000).build())
                .build());
        CfnPublicKey key = new CfnPublicKey(this, "TokenKey", CfnPublicKeyProps.builder()
                .name(stageName + "-tokens").publicKeyMaterial(PUBLIC_KEY).build());
        CfnIngestConfiguration camera = new CfnIngestConfiguration(this, "Camera", CfnIngestConfigurationProps.builder()
                .name(stageName + "-camera").ingestProtocol("RTMPS").stageArn(stage.getAttrArn()).userId("camera-1")
                .build());

        Function tokens = Function.Builder.create(this, "TokenFunction")
                .runtime(Runtime.PYTHON_3_12)
                .handler("index.handler")
                .timeout(Duration.seconds(10))
                .environment(Map.of("STAGE_ARN", stage.getAttrArn(), "ENCODER_ARN", encoder.getAttrArn()))
                .code(Code.fromInline(String.join("\n",
                        "import boto3, os",
                        "ivs = boto3.client('ivs-realtime')",
                        "def handler(event, context):",
                        "    token = ivs.create_participant_token(stageArn=os.environ['STAGE_ARN'], userId=event.get('userId', 'viewer'),",
                        "                                         capabilities=['PUBLISH', 'SUBSCRIBE'], duration=60)",
                        "    return {'token': token['participantToken']['token']}")))
                .build();
        tokens.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ivs:CreateParticipantToken"))
                .resources(List.of(stage.getAttrArn()))
                .build());
        tokens.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ivs:StartComposition"))
                .resources(List.of(stage.getAttrArn(), encoder.getAttrArn(), storage.getAttrArn()))
                .build());

        String stageId = Fn.select(1, Fn.split("/", stage.getAttrArn()));
        Alarm.Builder.create(this, "NoPublishers")
                .alarmDescription("Nobody has published to " + stageName + " for 15 minutes")
                .metric(Metric.Builder.create()
                        .namespace("AWS/IVSRealTime").metricName("Publishers")
                        .dimensionsMap(Map.of("Stage", stageId))
                        .statistic("Maximum").period(Duration.minutes(5))
                        .build())
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .threshold(1)
                .evaluationPeriods(3)
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        Rule.Builder.create(this, "StageUpdates")
                .description("Participant events of " + stageName)
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.ivs"))
                        .detailType(List.of("IVS Stage Update"))
                        .resources(List.of(stage.getAttrArn()))
                        .build())
                .targets(List.of(new LambdaFunction(tokens)))
                .build();

        CfnOutput.Builder.create(this, "StageArn").value(stage.getAttrArn()).build();
        CfnOutput.Builder.create(this, "WhipEndpoint").value(stage.getAttrEndpointsWhip()).build();
        CfnOutput.Builder.create(this, "PublicKeyArn").value(key.getAttrArn()).build();
        CfnOutput.Builder.create(this, "CameraRtmpsEndpoint").value(stage.getAttrEndpointsRtmps()).build();
        CfnOutput.Builder.create(this, "CameraParticipantId").value(camera.getAttrParticipantId()).build();
    }
}
