package com.example.ivsrealtime;

import community.ivsrealtime.cdk.EncoderConfiguration;
import community.ivsrealtime.cdk.EncoderConfigurationProps;
import community.ivsrealtime.cdk.IngestConfiguration;
import community.ivsrealtime.cdk.IngestConfigurationOptions;
import community.ivsrealtime.cdk.IngestProtocol;
import community.ivsrealtime.cdk.PublicKey;
import community.ivsrealtime.cdk.PublicKeyProps;
import community.ivsrealtime.cdk.RecordingMediaType;
import community.ivsrealtime.cdk.Stage;
import community.ivsrealtime.cdk.StageProps;
import community.ivsrealtime.cdk.StorageConfiguration;
import community.ivsrealtime.cdk.StorageConfigurationProps;
import community.ivsrealtime.cdk.ThumbnailRecordingMode;
import community.ivsrealtime.cdk.ThumbnailStorage;
import community.ivsrealtime.cdk.Video;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.OnEventOptions;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
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

        // recordings go to a bucket this app owns: the storage configuration adds IVS's statement to its policy
        Bucket recordings = Bucket.Builder.create(this, "Recordings")
                .encryption(BucketEncryption.S3_MANAGED)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .build();
        StorageConfiguration storage = new StorageConfiguration(this, "Storage", StorageConfigurationProps.builder()
                .storageConfigurationName(stageName + "-recordings")
                .bucket(recordings)
                .build());
        Stage stage = new Stage(this, "Stage", StageProps.builder()
                .stageName(stageName)
                .recordingStorageConfiguration(storage)
                .recordingMediaType(RecordingMediaType.AUDIO_VIDEO)
                .thumbnailRecordingMode(ThumbnailRecordingMode.INTERVAL)
                .thumbnailInterval(Duration.seconds(30))
                .thumbnailStorage(List.of(ThumbnailStorage.LATEST))
                .build());
        EncoderConfiguration encoder = new EncoderConfiguration(this, "Encoder", EncoderConfigurationProps.builder()
                .encoderConfigurationName(stageName + "-720p")
                .video(Video.HD_720P_30)
                .build());
        PublicKey key = new PublicKey(this, "TokenKey", PublicKeyProps.builder()
                .publicKeyName(stageName + "-tokens")
                .publicKeyMaterial(PUBLIC_KEY)
                .build());
        IngestConfiguration camera = stage.addIngestConfiguration("Camera", IngestConfigurationOptions.builder()
                .ingestConfigurationName(stageName + "-camera")
                .ingestProtocol(IngestProtocol.RTMPS)
                .userId("camera-1")
                .build());

        // a function that hands out participant tokens and starts compositions
        Function tokens = Function.Builder.create(this, "TokenFunction")
                .runtime(Runtime.PYTHON_3_12)
                .handler("index.handler")
                .timeout(Duration.seconds(10))
                .environment(Map.of("STAGE_ARN", stage.getStageArn(), "ENCODER_ARN", encoder.getEncoderConfigurationArn()))
                .code(Code.fromInline(String.join("\n",
                        "import boto3, os",
                        "ivs = boto3.client('ivs-realtime')",
                        "def handler(event, context):",
                        "    token = ivs.create_participant_token(stageArn=os.environ['STAGE_ARN'], userId=event.get('userId', 'viewer'),",
                        "                                         capabilities=['PUBLISH', 'SUBSCRIBE'], duration=60)",
                        "    return {'token': token['participantToken']['token']}")))
                .build();
        stage.grantCreateParticipantToken(tokens);
        stage.grantStartComposition(tokens, List.of(encoder), List.of(storage));

        Alarm.Builder.create(this, "NoPublishers")
                .alarmDescription("Nobody has published to " + stageName + " for 15 minutes")
                .metric(stage.metricPublishers(MetricOptions.builder()
                        .statistic("Maximum").period(Duration.minutes(5)).build()))
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .threshold(1)
                .evaluationPeriods(3)
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        stage.onStageUpdate("StageUpdates", OnEventOptions.builder()
                .description("Participant events of " + stageName)
                .target(new LambdaFunction(tokens))
                .build());

        CfnOutput.Builder.create(this, "StageArn").value(stage.getStageArn()).build();
        CfnOutput.Builder.create(this, "WhipEndpoint").value(stage.getStageWhipEndpoint()).build();
        CfnOutput.Builder.create(this, "PublicKeyFingerprint").value(key.getPublicKeyFingerprint()).build();
        CfnOutput.Builder.create(this, "CameraRtmpsEndpoint").value(stage.getStageRtmpsEndpoint()).build();
        CfnOutput.Builder.create(this, "CameraParticipantId").value(camera.getIngestConfigurationParticipantId()).build();
    }
}
