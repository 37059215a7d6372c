package community.ivsrealtime.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.ivsrealtime.emulator.service.Quotas;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfigurationSummary;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationState;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationSummary;
import software.amazon.awssdk.services.ivsrealtime.model.IngestProtocol;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantRecordingMediaType;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantToken;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantTokenCapability;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantTokenConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKey;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKeySummary;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfigurationSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ThumbnailRecordingMode;
import software.amazon.awssdk.services.ivsrealtime.model.ThumbnailStorageType;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

/** Stages, encoder/storage configurations, public keys, ingest configurations and tags through the SDK. */
class ResourceOperationsSdkTest extends SdkTestBase {
    private static final String ARN_ID = "[a-zA-Z0-9]{12}";

    // ------------------------------------------------------------------------------------------ stages

    @Test
    void stageLifecycleWithServerDefaults() {
        Stage created = ivs.createStage(r -> r.name("show-1").tags(Map.of("team", "a"))).stage();
        assertThat(created.arn()).matches("arn:aws:ivs:us-east-1:123456789012:stage/" + ARN_ID);
        assertThat(created.name()).isEqualTo("show-1");
        assertThat(created.tags()).containsExactly(Map.entry("team", "a"));
        assertThat(created.activeSessionId()).isNull();
        assertThat(created.endpoints().events()).isEqualTo("wss://global.events.live-video.net");
        assertThat(created.endpoints().whip()).matches("https://[0-9a-f]{12}\\.global-bm\\.whip\\.live-video\\.net");
        assertThat(created.endpoints().rtmp()).startsWith("rtmp://").endsWith("/app/");
        assertThat(created.endpoints().rtmps()).startsWith("rtmps://").endsWith(":443/app/");
        var rec = created.autoParticipantRecordingConfiguration();
        assertThat(rec.storageConfigurationArn()).isEmpty();
        assertThat(rec.mediaTypes()).containsExactly(ParticipantRecordingMediaType.AUDIO_VIDEO);
        assertThat(rec.thumbnailConfiguration().targetIntervalSeconds()).isEqualTo(60);
        assertThat(rec.thumbnailConfiguration().storage()).containsExactly(ThumbnailStorageType.SEQUENTIAL);
        assertThat(rec.thumbnailConfiguration().recordingMode()).isEqualTo(ThumbnailRecordingMode.DISABLED);
        assertThat(rec.recordingReconnectWindowSeconds()).isZero();
        assertThat(rec.hlsConfiguration().targetSegmentDurationSeconds()).isEqualTo(6);
        assertThat(rec.recordParticipantReplicas()).isTrue();

        assertThat(ivs.getStage(r -> r.arn(created.arn())).stage()).isEqualTo(created);

        Stage updated = ivs.updateStage(r -> r.arn(created.arn()).name("show-2")).stage();
        assertThat(updated.name()).isEqualTo("show-2");
        assertThat(updated.tags()).containsEntry("team", "a");
        assertThat(ivs.listStages(r -> { }).stages())
                .extracting(StageSummary::arn, StageSummary::name, StageSummary::tags)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(created.arn(), "show-2", Map.of("team", "a")));

        ivs.deleteStage(r -> r.arn(created.arn()));
        assertThatThrownBy(() -> ivs.getStage(r -> r.arn(created.arn())))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(created.arn())
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> ivs.deleteStage(r -> r.arn(created.arn()))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.updateStage(r -> r.arn(created.arn()).name("x"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(ivs.listStages(r -> { }).stages()).isEmpty();
    }

    @Test
    void stageWithoutNameHasEmptyNameAndTags() {
        Stage created = ivs.createStage(r -> { }).stage();
        assertThat(created.name()).isEmpty();
        assertThat(created.tags()).isEmpty();
    }

    @Test
    void createStageMintsParticipantTokens() {
        Instant before = local.service().now();
        var res = ivs.createStage(r -> r.participantTokenConfigurations(
                ParticipantTokenConfiguration.builder().userId("alice").attributes(Map.of("role", "host")).build(),
                ParticipantTokenConfiguration.builder().duration(5).capabilities(ParticipantTokenCapability.SUBSCRIBE).build()));
        List<ParticipantToken> tokens = res.participantTokens();
        assertThat(tokens).hasSize(2);
        ParticipantToken alice = tokens.get(0);
        assertThat(alice.userId()).isEqualTo("alice");
        assertThat(alice.attributes()).containsEntry("role", "host");
        assertThat(alice.duration()).isEqualTo(720);
        assertThat(alice.capabilities()).containsExactly(ParticipantTokenCapability.PUBLISH, ParticipantTokenCapability.SUBSCRIBE);
        assertThat(alice.participantId()).matches("[a-zA-Z0-9]{12}");
        assertThat(alice.token()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(Duration.between(before, alice.expirationTime()).toMinutes()).isBetween(719L, 720L);
        ParticipantToken viewer = tokens.get(1);
        assertThat(viewer.duration()).isEqualTo(5);
        assertThat(viewer.capabilities()).containsExactly(ParticipantTokenCapability.SUBSCRIBE);
        assertThat(viewer.participantId()).isNotEqualTo(alice.participantId());
        // the token lets a simulated participant join
        var joined = sim("join", "stageArn", res.stage().arn(), "token", alice.token());
        assertThat(joined.get("participantId").asText()).isEqualTo(alice.participantId());
    }

    @Test
    void stageRecordingConfigurationRules() {
        String storage = ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName("my-bucket"))).storageConfiguration().arn();
        Stage stage = ivs.createStage(r -> r.autoParticipantRecordingConfiguration(c -> c.storageConfigurationArn(storage)
                .thumbnailConfiguration(t -> t.recordingMode(ThumbnailRecordingMode.INTERVAL).targetIntervalSeconds(10)))).stage();
        var rec = ivs.getStage(r -> r.arn(stage.arn())).stage().autoParticipantRecordingConfiguration();
        assertThat(rec.storageConfigurationArn()).isEqualTo(storage);
        assertThat(rec.thumbnailConfiguration().targetIntervalSeconds()).isEqualTo(10);
        assertThat(rec.thumbnailConfiguration().storage()).containsExactly(ThumbnailStorageType.SEQUENTIAL);
        assertThat(rec.mediaTypes()).containsExactly(ParticipantRecordingMediaType.AUDIO_VIDEO);
        assertThat(rec.hlsConfiguration().targetSegmentDurationSeconds()).isEqualTo(6);

        String missing = storage.substring(0, storage.lastIndexOf('/') + 1) + "AAAAAAAAAAAA";
        assertThatThrownBy(() -> ivs.createStage(r -> r.autoParticipantRecordingConfiguration(c -> c.storageConfigurationArn(missing))))
                .isInstanceOf(ValidationException.class).hasMessageContaining(missing);
        assertThatThrownBy(() -> ivs.updateStage(r -> r.arn(stage.arn())
                .autoParticipantRecordingConfiguration(c -> c.storageConfigurationArn(missing))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(missing);
        assertThatThrownBy(() -> ivs.createStage(r -> r.autoParticipantRecordingConfiguration(c -> c.storageConfigurationArn("")
                .thumbnailConfiguration(t -> t.targetIntervalSeconds(30)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("targetIntervalSeconds");

        // updating the recording configuration while a participant is recorded is a conflict
        var p = sim("join", "stageArn", stage.arn(), "publish", true);
        assertThat(p.at("/participant/recordingState").asText()).isEqualTo("ACTIVE");
        assertThat(p.at("/participant/recordingS3BucketName").asText()).isEqualTo("my-bucket");
        assertThatThrownBy(() -> ivs.updateStage(r -> r.arn(stage.arn())
                .autoParticipantRecordingConfiguration(c -> c.storageConfigurationArn(""))))
                .isInstanceOf(ConflictException.class).hasMessageContaining(stage.arn());
        // the name can still change
        assertThat(ivs.updateStage(r -> r.arn(stage.arn()).name("renamed")).stage().name()).isEqualTo("renamed");
        sim("leave", "stageArn", stage.arn(), "participantId", p.get("participantId").asText());
        var after = ivs.updateStage(r -> r.arn(stage.arn()).autoParticipantRecordingConfiguration(c -> c.storageConfigurationArn("")))
                .stage().autoParticipantRecordingConfiguration();
        assertThat(after.storageConfigurationArn()).isEmpty();
        assertThat(after.thumbnailConfiguration().recordingMode()).isEqualTo(ThumbnailRecordingMode.DISABLED);
    }

    @Test
    void resourcesOfAnotherRegionOrAccountAreNotFound() {
        Stage stage = ivs.createStage(r -> { }).stage();
        try (IvsRealTimeClient west = client("us-west-2")) {
            assertThatThrownBy(() -> west.getStage(r -> r.arn(stage.arn()))).isInstanceOf(ResourceNotFoundException.class);
            assertThat(west.listStages(r -> { }).stages()).isEmpty();
            Stage w = west.createStage(r -> { }).stage();
            assertThat(w.arn()).startsWith("arn:aws:ivs:us-west-2:123456789012:stage/");
            assertThatThrownBy(() -> ivs.getStage(r -> r.arn(w.arn()))).isInstanceOf(ResourceNotFoundException.class);
        }
        String otherAccount = stage.arn().replace("123456789012", "210987654321");
        assertThatThrownBy(() -> ivs.getStage(r -> r.arn(otherAccount))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listStagesPaginatesInCreationOrder() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int n = i;
            arns.add(ivs.createStage(r -> r.name("s" + n)).stage().arn());
        }
        var first = ivs.listStages(r -> r.maxResults(3));
        assertThat(first.stages()).hasSize(3);
        assertThat(first.nextToken()).matches("[a-zA-Z0-9+/=_-]+");
        List<String> paged = new ArrayList<>();
        int[] pages = {0};
        ivs.listStagesPaginator(r -> r.maxResults(3)).forEach(page -> {
            pages[0]++;
            page.stages().forEach(s -> paged.add(s.arn()));
        });
        assertThat(paged).containsExactlyElementsOf(arns);
        assertThat(pages[0]).isEqualTo(3);
        // deleting between pages neither repeats nor skips the others
        ivs.deleteStage(r -> r.arn(arns.get(3)));
        var second = ivs.listStages(r -> r.maxResults(3).nextToken(first.nextToken()));
        assertThat(second.stages()).extracting(StageSummary::arn).containsExactly(arns.get(4), arns.get(5), arns.get(6));
        assertThat(second.nextToken()).isNull();
        // default page size is 50
        for (int i = 0; i < 50; i++) {
            ivs.createStage(r -> { });
        }
        var big = ivs.listStages(r -> { });
        assertThat(big.stages()).hasSize(50);
        assertThat(big.nextToken()).isNotNull();
    }

    @Test
    void invalidOrForeignNextTokenIsRejected() {
        for (int i = 0; i < 3; i++) {
            ivs.createStage(r -> { });
            ivs.createEncoderConfiguration(r -> { });
        }
        String encoderToken = ivs.listEncoderConfigurations(r -> r.maxResults(1)).nextToken();
        assertThat(encoderToken).isNotNull();
        assertThatThrownBy(() -> ivs.listStages(r -> r.nextToken(encoderToken))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ivs.listStages(r -> r.nextToken("bm90LWEtdG9rZW4"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void stageQuota() {
        local.service().quotas().set(Quotas.STAGES, 2);
        ivs.createStage(r -> { });
        ivs.createStage(r -> { });
        assertThatThrownBy(() -> ivs.createStage(r -> { }))
                .isInstanceOf(ServiceQuotaExceededException.class)
                .satisfies(e -> assertThat(((ServiceQuotaExceededException) e).statusCode()).isEqualTo(402));
        assertThat(ivs.listStages(r -> { }).stages()).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------ encoder configurations

    @Test
    void encoderConfigurationLifecycle() {
        EncoderConfiguration dflt = ivs.createEncoderConfiguration(r -> r.name("default")).encoderConfiguration();
        assertThat(dflt.arn()).matches("arn:aws:ivs:us-east-1:123456789012:encoder-configuration/" + ARN_ID);
        assertThat(dflt.video().width()).isEqualTo(1280);
        assertThat(dflt.video().height()).isEqualTo(720);
        assertThat(dflt.video().framerate()).isEqualTo(30f);
        assertThat(dflt.video().bitrate()).isEqualTo(2_500_000);
        EncoderConfiguration portrait = ivs.createEncoderConfiguration(r -> r.video(v -> v.width(1080).height(1920))
                .tags(Map.of("k", "v"))).encoderConfiguration();
        assertThat(portrait.video().width()).isEqualTo(1080);
        assertThat(portrait.video().framerate()).isEqualTo(30f);
        assertThat(ivs.getEncoderConfiguration(r -> r.arn(portrait.arn())).encoderConfiguration()).isEqualTo(portrait);
        assertThat(ivs.listEncoderConfigurations(r -> { }).encoderConfigurations())
                .extracting(EncoderConfigurationSummary::arn).containsExactly(dflt.arn(), portrait.arn());
        List<String> paged = new ArrayList<>();
        ivs.listEncoderConfigurationsPaginator(r -> r.maxResults(1)).forEach(page -> page.encoderConfigurations().forEach(e -> paged.add(e.arn())));
        assertThat(paged).containsExactly(dflt.arn(), portrait.arn());
        ivs.deleteEncoderConfiguration(r -> r.arn(dflt.arn()));
        assertThatThrownBy(() -> ivs.getEncoderConfiguration(r -> r.arn(dflt.arn()))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.deleteEncoderConfiguration(r -> r.arn(dflt.arn()))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void encoderVideoCrossFieldRules() {
        assertThatThrownBy(() -> ivs.createEncoderConfiguration(r -> r.video(v -> v.width(1281).height(720))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("even");
        assertThatThrownBy(() -> ivs.createEncoderConfiguration(r -> r.video(v -> v.height(721))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("even");
        assertThatThrownBy(() -> ivs.createEncoderConfiguration(r -> r.video(v -> v.width(1920).height(1200))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2073600");
        assertThat(ivs.createEncoderConfiguration(r -> r.video(v -> v.width(1920).height(1080))).encoderConfiguration()
                .video().height()).isEqualTo(1080);
        assertThat(ivs.listEncoderConfigurations(r -> { }).encoderConfigurations()).hasSize(1);
    }

    @Test
    void encoderConfigurationQuotaDefaultsToTwenty() {
        for (int i = 0; i < 20; i++) {
            ivs.createEncoderConfiguration(r -> { });
        }
        assertThatThrownBy(() -> ivs.createEncoderConfiguration(r -> { })).isInstanceOf(ServiceQuotaExceededException.class);
    }

    // ------------------------------------------------------------------------------------------ storage configurations

    @Test
    void storageConfigurationLifecycle() {
        StorageConfiguration sc = ivs.createStorageConfiguration(r -> r.name("rec").s3(s -> s.bucketName("bucket-1"))
                .tags(Map.of("a", "b"))).storageConfiguration();
        assertThat(sc.arn()).matches("arn:aws:ivs:us-east-1:123456789012:storage-configuration/" + ARN_ID);
        assertThat(sc.s3().bucketName()).isEqualTo("bucket-1");
        assertThat(ivs.getStorageConfiguration(r -> r.arn(sc.arn())).storageConfiguration()).isEqualTo(sc);
        ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName("bucket-2")));
        List<StorageConfigurationSummary> all = new ArrayList<>();
        ivs.listStorageConfigurationsPaginator(r -> r.maxResults(1)).forEach(page -> all.addAll(page.storageConfigurations()));
        assertThat(all).extracting(s -> s.s3().bucketName()).containsExactly("bucket-1", "bucket-2");
        assertThat(all.get(0).tags()).containsEntry("a", "b");
        assertThat(all.get(0).name()).isEqualTo("rec");
        ivs.deleteStorageConfiguration(r -> r.arn(sc.arn()));
        assertThatThrownBy(() -> ivs.getStorageConfiguration(r -> r.arn(sc.arn()))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.deleteStorageConfiguration(r -> r.arn(sc.arn()))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void storageConfigurationQuota() {
        local.service().quotas().set(Quotas.STORAGE_CONFIGURATIONS, 1);
        ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName("bucket-1")));
        assertThatThrownBy(() -> ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName("bucket-2"))))
                .isInstanceOf(ServiceQuotaExceededException.class);
    }

    // ------------------------------------------------------------------------------------------ public keys

    @Test
    void publicKeyLifecycle() throws Exception {
        String ec = pem("EC");
        PublicKey key = ivs.importPublicKey(r -> r.name("signer").publicKeyMaterial(ec).tags(Map.of("x", "y"))).publicKey();
        assertThat(key.arn()).matches("arn:aws:ivs:us-east-1:123456789012:public-key/" + ARN_ID);
        assertThat(key.publicKeyMaterial()).isEqualTo(ec);
        assertThat(key.fingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(ivs.getPublicKey(r -> r.arn(key.arn())).publicKey()).isEqualTo(key);
        PublicKey rsa = ivs.importPublicKey(r -> r.publicKeyMaterial(pemUnchecked("RSA"))).publicKey();
        assertThat(rsa.fingerprint()).isNotEqualTo(key.fingerprint());
        List<PublicKeySummary> all = new ArrayList<>();
        ivs.listPublicKeysPaginator(r -> r.maxResults(1)).publicKeys().forEach(all::add);
        assertThat(all).extracting(PublicKeySummary::arn).containsExactly(key.arn(), rsa.arn());
        assertThat(all.get(0).name()).isEqualTo("signer");
        assertThat(all.get(0).tags()).containsEntry("x", "y");

        assertThatThrownBy(() -> ivs.importPublicKey(r -> r.publicKeyMaterial(ec)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(key.arn());
        ivs.deletePublicKey(r -> r.arn(key.arn()));
        assertThatThrownBy(() -> ivs.getPublicKey(r -> r.arn(key.arn()))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.deletePublicKey(r -> r.arn(key.arn()))).isInstanceOf(ResourceNotFoundException.class);
        // once deleted, the same key can be imported again, with the same fingerprint
        assertThat(ivs.importPublicKey(r -> r.publicKeyMaterial(ec)).publicKey().fingerprint()).isEqualTo(key.fingerprint());
    }

    @Test
    void invalidPublicKeyIsRejected() {
        String garbage = "-----BEGIN PUBLIC KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PUBLIC KEY-----";
        assertThatThrownBy(() -> ivs.importPublicKey(r -> r.publicKeyMaterial(garbage)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("publicKeyMaterial");
        assertThat(ivs.listPublicKeys(r -> { }).publicKeys()).isEmpty();
    }

    @Test
    void publicKeyQuota() throws Exception {
        local.service().quotas().set(Quotas.PUBLIC_KEYS, 1);
        ivs.importPublicKey(r -> r.publicKeyMaterial(pemUnchecked("EC")));
        String second = pem("EC");
        assertThatThrownBy(() -> ivs.importPublicKey(r -> r.publicKeyMaterial(second))).isInstanceOf(ServiceQuotaExceededException.class);
    }

    // ------------------------------------------------------------------------------------------ ingest configurations

    @Test
    void ingestConfigurationLifecycle() {
        Stage stage = ivs.createStage(r -> { }).stage();
        IngestConfiguration ic = ivs.createIngestConfiguration(r -> r.name("cam").ingestProtocol(IngestProtocol.RTMPS)
                .userId("camera-1").attributes(Map.of("pos", "left")).tags(Map.of("t", "1"))).ingestConfiguration();
        assertThat(ic.arn()).matches("arn:aws:ivs:us-east-1:123456789012:ingest-configuration/" + ARN_ID);
        assertThat(ic.state()).isEqualTo(IngestConfigurationState.INACTIVE);
        assertThat(ic.stageArn()).isEmpty();
        assertThat(ic.participantId()).matches("[a-zA-Z0-9]{12}");
        assertThat(ic.streamKey()).matches("rt_[0-9]+_[a-z0-9-]+_[a-zA-Z0-9-]+_.+")
                .startsWith("rt_123456789012_us-east-1_" + ic.arn().substring(ic.arn().lastIndexOf('/') + 1) + "_");
        assertThat(ic.attributes()).containsEntry("pos", "left");
        assertThat(ic.userId()).isEqualTo("camera-1");
        assertThat(ic.tags()).containsEntry("t", "1");
        assertThat(ivs.getIngestConfiguration(r -> r.arn(ic.arn())).ingestConfiguration()).isEqualTo(ic);

        IngestConfiguration updated = ivs.updateIngestConfiguration(r -> r.arn(ic.arn()).stageArn(stage.arn())).ingestConfiguration();
        assertThat(updated.stageArn()).isEqualTo(stage.arn());
        assertThat(updated.streamKey()).isEqualTo(ic.streamKey());
        String missingStage = stage.arn().substring(0, stage.arn().lastIndexOf('/') + 1) + "AAAAAAAAAAAA";
        assertThatThrownBy(() -> ivs.updateIngestConfiguration(r -> r.arn(ic.arn()).stageArn(missingStage)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(missingStage);
        assertThat(ivs.updateIngestConfiguration(r -> r.arn(ic.arn()).stageArn("")).ingestConfiguration().stageArn()).isEmpty();

        ivs.deleteIngestConfiguration(r -> r.arn(ic.arn()));
        assertThatThrownBy(() -> ivs.getIngestConfiguration(r -> r.arn(ic.arn()))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.updateIngestConfiguration(r -> r.arn(ic.arn()))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.deleteIngestConfiguration(r -> r.arn(ic.arn()))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void ingestConfigurationCreateRules() {
        assertThatThrownBy(() -> ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMP)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("insecureIngest");
        assertThat(ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMP).insecureIngest(true))
                .ingestConfiguration().ingestProtocol()).isEqualTo(IngestProtocol.RTMP);
        String missingStage = "arn:aws:ivs:us-east-1:123456789012:stage/AAAAAAAAAAAA";
        assertThatThrownBy(() -> ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS).stageArn(missingStage)))
                .isInstanceOf(ValidationException.class).hasMessageContaining(missingStage);
        Map<String, String> big = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            big.put("k" + i, "v".repeat(100));
        }
        assertThatThrownBy(() -> ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS).attributes(big)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1 KB");
        local.service().quotas().set(Quotas.INGEST_CONFIGURATIONS, 1);
        assertThatThrownBy(() -> ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS)))
                .isInstanceOf(ServiceQuotaExceededException.class);
    }

    @Test
    void listIngestConfigurationsFiltersAndPaginates() {
        Stage a = ivs.createStage(r -> { }).stage();
        Stage b = ivs.createStage(r -> { }).stage();
        List<String> onA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            onA.add(ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS).stageArn(a.arn())).ingestConfiguration().arn());
        }
        String onB = ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS).stageArn(b.arn())).ingestConfiguration().arn();
        List<String> paged = new ArrayList<>();
        ivs.listIngestConfigurationsPaginator(r -> r.filterByStageArn(a.arn()).maxResults(2)).ingestConfigurations()
                .forEach(i -> paged.add(i.arn()));
        assertThat(paged).containsExactlyElementsOf(onA);
        sim("ingestStart", "ingestConfigurationArn", onB);
        List<IngestConfigurationSummary> active = ivs.listIngestConfigurations(r -> r.filterByState(IngestConfigurationState.ACTIVE))
                .ingestConfigurations();
        assertThat(active).extracting(IngestConfigurationSummary::arn).containsExactly(onB);
        assertThat(active.get(0).stageArn()).isEqualTo(b.arn());
        assertThat(ivs.listIngestConfigurations(r -> r.filterByState(IngestConfigurationState.INACTIVE)).ingestConfigurations())
                .extracting(IngestConfigurationSummary::arn).containsExactlyElementsOf(onA);
    }

    @Test
    void activeIngestConfigurationRules() {
        Stage stage = ivs.createStage(r -> { }).stage();
        IngestConfiguration ic = ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS).stageArn(stage.arn())
                .userId("enc")).ingestConfiguration();
        var started = sim("ingestStart", "ingestConfigurationArn", ic.arn());
        assertThat(started.get("participantId").asText()).isEqualTo(ic.participantId());
        assertThat(started.at("/participant/protocol").asText()).isEqualTo("RTMPS");
        assertThat(started.at("/participant/published").asBoolean()).isTrue();
        assertThat(ivs.getIngestConfiguration(r -> r.arn(ic.arn())).ingestConfiguration().state()).isEqualTo(IngestConfigurationState.ACTIVE);
        String session = ivs.getStage(r -> r.arn(stage.arn())).stage().activeSessionId();
        assertThat(session).isEqualTo(started.get("sessionId").asText());

        assertThatThrownBy(() -> ivs.updateIngestConfiguration(r -> r.arn(ic.arn()).stageArn("")))
                .isInstanceOf(ConflictException.class).hasMessageContaining(ic.arn());
        assertThatThrownBy(() -> ivs.deleteIngestConfiguration(r -> r.arn(ic.arn())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("force");
        ivs.deleteIngestConfiguration(r -> r.arn(ic.arn()).force(true));
        assertThatThrownBy(() -> ivs.getIngestConfiguration(r -> r.arn(ic.arn()))).isInstanceOf(ResourceNotFoundException.class);
        var p = ivs.getParticipant(r -> r.stageArn(stage.arn()).sessionId(session).participantId(ic.participantId())).participant();
        assertThat(p.stateAsString()).isEqualTo("DISCONNECTED");
        assertThat(ivs.getStage(r -> r.arn(stage.arn())).stage().activeSessionId()).isNull();
    }

    @Test
    void ingestStopMakesItInactiveAgain() {
        Stage stage = ivs.createStage(r -> { }).stage();
        IngestConfiguration ic = ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMP).insecureIngest(true)
                .stageArn(stage.arn())).ingestConfiguration();
        assertThat(sim("ingestStart", "ingestConfigurationArn", ic.arn()).at("/participant/protocol").asText()).isEqualTo("RTMP");
        sim("ingestStop", "ingestConfigurationArn", ic.arn());
        IngestConfiguration after = ivs.getIngestConfiguration(r -> r.arn(ic.arn())).ingestConfiguration();
        assertThat(after.state()).isEqualTo(IngestConfigurationState.INACTIVE);
        assertThat(after.stageArn()).isEqualTo(stage.arn());
        assertThat(ivs.updateIngestConfiguration(r -> r.arn(ic.arn()).stageArn("")).ingestConfiguration().stageArn()).isEmpty();
    }

    @Test
    void deleteStageDetachesPublishingIngestConfigurations() {
        Stage stage = ivs.createStage(r -> { }).stage();
        String publishing = ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS).stageArn(stage.arn()))
                .ingestConfiguration().arn();
        String idle = ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS).stageArn(stage.arn()))
                .ingestConfiguration().arn();
        sim("ingestStart", "ingestConfigurationArn", publishing);
        var viewer = sim("join", "stageArn", stage.arn());
        ivs.deleteStage(r -> r.arn(stage.arn()));
        IngestConfiguration p = ivs.getIngestConfiguration(r -> r.arn(publishing)).ingestConfiguration();
        assertThat(p.stageArn()).isEmpty();
        assertThat(p.state()).isEqualTo(IngestConfigurationState.INACTIVE);
        assertThat(ivs.getIngestConfiguration(r -> r.arn(idle)).ingestConfiguration().stageArn()).isEqualTo(stage.arn());
        assertThat(viewer.get("participantId").asText()).isNotEmpty();
        assertThatThrownBy(() -> ivs.listStageSessions(r -> r.stageArn(stage.arn()))).isInstanceOf(ResourceNotFoundException.class);
    }

    // ------------------------------------------------------------------------------------------ tags

    @Test
    void tagOperationsOnEveryResourceKind() throws Exception {
        String stage = ivs.createStage(r -> r.tags(Map.of("a", "1"))).stage().arn();
        String encoder = ivs.createEncoderConfiguration(r -> r.tags(Map.of("a", "1"))).encoderConfiguration().arn();
        String storage = ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName("bucket")).tags(Map.of("a", "1")))
                .storageConfiguration().arn();
        String key = ivs.importPublicKey(r -> r.publicKeyMaterial(pemUnchecked("EC")).tags(Map.of("a", "1"))).publicKey().arn();
        String ingest = ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS).tags(Map.of("a", "1")))
                .ingestConfiguration().arn();
        String composition = ivs.startComposition(r -> r.stageArn(stage).tags(Map.of("a", "1"))
                .destinations(d -> d.s3(s -> s.storageConfigurationArn(storage).encoderConfigurationArns(encoder))))
                .composition().arn();
        for (String arn : List.of(stage, encoder, storage, key, ingest, composition)) {
            assertThat(ivs.listTagsForResource(r -> r.resourceArn(arn)).tags()).as(arn).containsExactly(Map.entry("a", "1"));
            ivs.tagResource(r -> r.resourceArn(arn).tags(Map.of("b", "2", "c", "s", "a", "3")));
            assertThat(ivs.listTagsForResource(r -> r.resourceArn(arn)).tags()).as(arn)
                    .isEqualTo(Map.of("a", "3", "b", "2", "c", "s"));
            ivs.untagResource(r -> r.resourceArn(arn).tagKeys("a", "missing"));
            assertThat(ivs.listTagsForResource(r -> r.resourceArn(arn)).tags()).as(arn)
                    .isEqualTo(Map.of("b", "2", "c", "s"));
        }
        Map<String, String> expected = Map.of("b", "2", "c", "s");
        assertThat(ivs.getStage(r -> r.arn(stage)).stage().tags()).isEqualTo(expected);
        assertThat(ivs.listStages(r -> { }).stages().get(0).tags()).isEqualTo(expected);
        assertThat(ivs.getEncoderConfiguration(r -> r.arn(encoder)).encoderConfiguration().tags()).isEqualTo(expected);
        assertThat(ivs.listEncoderConfigurations(r -> { }).encoderConfigurations().get(0).tags()).isEqualTo(expected);
        assertThat(ivs.getStorageConfiguration(r -> r.arn(storage)).storageConfiguration().tags()).isEqualTo(expected);
        assertThat(ivs.getPublicKey(r -> r.arn(key)).publicKey().tags()).isEqualTo(expected);
        assertThat(ivs.listPublicKeys(r -> { }).publicKeys().get(0).tags()).isEqualTo(expected);
        assertThat(ivs.getIngestConfiguration(r -> r.arn(ingest)).ingestConfiguration().tags()).isEqualTo(expected);
        assertThat(ivs.getComposition(r -> r.arn(composition)).composition().tags()).isEqualTo(expected);
        assertThat(ivs.listCompositions(r -> { }).compositions().get(0).tags()).isEqualTo(expected);
    }

    @Test
    void tagLimitAndUnknownResources() {
        String stage = ivs.createStage(r -> { }).stage().arn();
        Map<String, String> forty = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            forty.put("k" + i, "v");
        }
        ivs.tagResource(r -> r.resourceArn(stage).tags(forty));
        Map<String, String> eleven = new HashMap<>();
        for (int i = 40; i < 51; i++) {
            eleven.put("k" + i, "v");
        }
        assertThatThrownBy(() -> ivs.tagResource(r -> r.resourceArn(stage).tags(eleven)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("50");
        assertThat(ivs.listTagsForResource(r -> r.resourceArn(stage)).tags()).hasSize(40);
        eleven.remove("k50");
        ivs.tagResource(r -> r.resourceArn(stage).tags(eleven));
        assertThat(ivs.listTagsForResource(r -> r.resourceArn(stage)).tags()).hasSize(50);

        String missing = "arn:aws:ivs:us-east-1:123456789012:stage/AAAAAAAAAAAA";
        assertThatThrownBy(() -> ivs.tagResource(r -> r.resourceArn(missing).tags(Map.of("a", "b"))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(missing);
        assertThatThrownBy(() -> ivs.untagResource(r -> r.resourceArn(missing).tagKeys("a")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.listTagsForResource(r -> r.resourceArn(missing)))
                .isInstanceOf(ResourceNotFoundException.class);
        String channel = "arn:aws:ivs:us-east-1:123456789012:channel/AAAAAAAAAAAA";
        assertThatThrownBy(() -> ivs.listTagsForResource(r -> r.resourceArn(channel)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static String pemUnchecked(String algorithm) {
        try {
            return pem(algorithm);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
