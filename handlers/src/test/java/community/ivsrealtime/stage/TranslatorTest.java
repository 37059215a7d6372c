package community.ivsrealtime.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.model.DeleteStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListStagesRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ListStagesResponse;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;
import software.amazon.awssdk.services.ivsrealtime.model.UpdateStageRequest;

class TranslatorTest {

    private static final String ARN = "arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh";
    private static final String STORAGE = "arn:aws:ivs:us-east-1:123456789012:storage-configuration/abcdABCDefgh";

    private static AutoParticipantRecordingConfiguration fullRecording() {
        return AutoParticipantRecordingConfiguration.builder()
            .storageConfigurationArn(STORAGE)
            .mediaTypes(List.of("AUDIO_ONLY"))
            .thumbnailConfiguration(ThumbnailConfiguration.builder().targetIntervalSeconds(30)
                .storage(Set.of("LATEST", "SEQUENTIAL")).recordingMode("INTERVAL").build())
            .recordingReconnectWindowSeconds(60)
            .hlsConfiguration(HlsConfiguration.builder().targetSegmentDurationSeconds(4).build())
            .recordParticipantReplicas(false)
            .build();
    }

    @Test
    void createCarriesEveryPropertyAndAllTags() {
        final ResourceModel model = ResourceModel.builder().name("s").autoParticipantRecordingConfiguration(fullRecording())
            .build();

        final var request = Translator.create(model, Map.of("a", "1", "aws:cloudformation:logical-id", "L"));

        assertThat(request.name()).isEqualTo("s");
        assertThat(request.tags()).containsEntry("aws:cloudformation:logical-id", "L").hasSize(2);
        assertThat(request.autoParticipantRecordingConfiguration().mediaTypesAsStrings()).containsExactly("AUDIO_ONLY");
        assertThat(request.autoParticipantRecordingConfiguration().thumbnailConfiguration().storageAsStrings())
            .containsExactlyInAnyOrder("LATEST", "SEQUENTIAL");
        assertThat(Translator.create(ResourceModel.builder().build(), Map.of()).hasTags()).isFalse();
    }

    @Test
    void recordingConfigurationRoundTripsThroughTheSdkShape() {
        assertThat(Translator.fromSdk(Translator.toSdk(fullRecording()))).isEqualTo(fullRecording());
        assertThat(Translator.toSdk(null)).isNull();
    }

    @Test
    void fromServiceKeepsEverythingTheServiceStores() {
        final Stage stage = Stage.builder().arn(ARN).name("s").activeSessionId("st-abcdefghijklm")
            .autoParticipantRecordingConfiguration(Translator.toSdk(fullRecording()))
            .endpoints(e -> e.events("wss://e").whip("https://w").rtmp("rtmp://r").rtmps("rtmps://r"))
            .tags(Map.of("a", "1")).build();

        final ResourceModel model = Translator.OPS.fromService(stage, Map.of("a", "1"));

        assertThat(model.getArn()).isEqualTo(ARN);
        assertThat(model.getActiveSessionId()).isEqualTo("st-abcdefghijklm");
        assertThat(model.getEndpoints()).isEqualTo(Endpoints.builder().events("wss://e").whip("https://w")
            .rtmp("rtmp://r").rtmps("rtmps://r").build());
        assertThat(model.getAutoParticipantRecordingConfiguration()).isEqualTo(fullRecording());
        assertThat(model.getTags()).containsExactly(Tag.builder().key("a").value("1").build());
        assertThat(Translator.OPS.fromService(stage, null).getTags()).isNull();
        assertThat(Translator.OPS.serviceTags(stage)).isEqualTo(Map.of("a", "1"));
        assertThat(Translator.OPS.serviceTags(stage.toBuilder().tags((Map<String, String>) null).build())).isNull();
    }

    @Test
    void updateSendsOnlyWhatChanged() {
        final ResourceModel previous = ResourceModel.builder().arn(ARN).name("old").build();

        final UpdateStageRequest rename = Translator.update(previous, previous.toBuilder().name("new").build());
        assertThat(rename.name()).isEqualTo("new");
        assertThat(rename.autoParticipantRecordingConfiguration()).isNull();

        final UpdateStageRequest record = Translator.update(previous,
            previous.toBuilder().autoParticipantRecordingConfiguration(fullRecording()).build());
        assertThat(record.name()).isNull();
        assertThat(record.autoParticipantRecordingConfiguration().storageConfigurationArn()).isEqualTo(STORAGE);

        final UpdateStageRequest stop = Translator.update(
            previous.toBuilder().autoParticipantRecordingConfiguration(fullRecording()).build(), previous);
        assertThat(stop.autoParticipantRecordingConfiguration().storageConfigurationArn()).isEmpty();

        final UpdateStageRequest unname = Translator.update(previous, previous.toBuilder().name(null).build());
        assertThat(unname.name()).isEmpty();
    }

    @Test
    void documentedDefaultsAreNotAChange() {
        final ResourceModel template = ResourceModel.builder().arn(ARN).build();
        final ResourceModel stored = template.toBuilder().name("")
            .autoParticipantRecordingConfiguration(AutoParticipantRecordingConfiguration.builder()
                .storageConfigurationArn("").mediaTypes(List.of("AUDIO_VIDEO"))
                .thumbnailConfiguration(ThumbnailConfiguration.builder().targetIntervalSeconds(60)
                    .storage(Set.of("SEQUENTIAL")).recordingMode("DISABLED").build())
                .recordingReconnectWindowSeconds(0)
                .hlsConfiguration(HlsConfiguration.builder().targetSegmentDurationSeconds(6).build())
                .recordParticipantReplicas(true).build())
            .build();

        assertThat(Translator.updateNeeded(stored, template)).isFalse();
        assertThat(Translator.updateNeeded(template, stored)).isFalse();
        assertThat(Translator.updateNeeded(stored, stored.toBuilder().autoParticipantRecordingConfiguration(
            stored.getAutoParticipantRecordingConfiguration().toBuilder().recordParticipantReplicas(false).build())
            .build())).isTrue();
    }

    @Test
    void listAndGetAndDeleteRequests() {
        final ListStagesRequest list = (ListStagesRequest) Translator.OPS.list().request().apply("tok");
        assertThat(list.maxResults()).isEqualTo(100);
        assertThat(list.nextToken()).isEqualTo("tok");
        assertThat(((GetStageRequest) Translator.OPS.get().request().apply(ResourceModel.builder().arn(ARN).build()))
            .arn()).isEqualTo(ARN);
        assertThat(((DeleteStageRequest) Translator.OPS.delete().request().apply(ResourceModel.builder().arn(ARN)
            .build())).arn()).isEqualTo(ARN);
        final var models = Translator.fromList(ListStagesResponse.builder().stages(StageSummary.builder().arn(ARN)
            .name("n").tags(Map.of("aws:cloudformation:stack-name", "x", "a", "1")).build()).build());
        assertThat(models).containsExactly(ResourceModel.builder().arn(ARN).name("n")
            .tags(Set.of(Tag.builder().key("a").value("1").build())).build());
    }

    @Test
    void withReadOnlyFillsOnlyMissingReadOnlyValues() {
        final ResourceModel source = ResourceModel.builder().arn(ARN).activeSessionId("st-1")
            .endpoints(Endpoints.builder().events("e").build()).name("old").build();
        final ResourceModel filled = Translator.OPS.withReadOnly(ResourceModel.builder().name("new").build(), source);
        assertThat(filled.getName()).isEqualTo("new");
        assertThat(filled.getArn()).isEqualTo(ARN);
        assertThat(filled.getEndpoints().getEvents()).isEqualTo("e");
        assertThat(filled.getActiveSessionId()).as("a session may have ended since: never copied").isNull();
        final ResourceModel own = ResourceModel.builder().arn("other").activeSessionId("st-2").build();
        assertThat(Translator.OPS.withReadOnly(own, source).getActiveSessionId()).isEqualTo("st-2");
        assertThat(Translator.OPS.withReadOnly(own, source).getArn()).isEqualTo("other");
        assertThat(Translator.OPS.withReadOnly(own, null)).isSameAs(own);
    }

    @Test
    void endpointsAreAlwaysReturnedButAnActiveSessionOnlySometimes() {
        final ResourceModel stored = ResourceModel.builder().arn(ARN).endpoints(Endpoints.builder().events("e").build())
            .build();
        assertThat(Translator.OPS.lacksReadOnly(stored)).isFalse();
        assertThat(Translator.OPS.lacksReadOnly(stored.toBuilder().endpoints(null).build())).isTrue();
        assertThat(Translator.OPS.readOnly()).containsExactly("Arn", "Endpoints", "ActiveSessionId");
        assertThat(Translator.OPS.createOnly()).isEmpty();
        assertThat(Translator.OPS.update()).isNotNull();
    }

    @Test
    void theDefaultThumbnailIntervalIsSentOnlyInIntervalMode() {
        assertThat(Translator.intervalToSend(ThumbnailConfiguration.builder().recordingMode("DISABLED")
            .targetIntervalSeconds(60).build())).isNull();
        assertThat(Translator.intervalToSend(ThumbnailConfiguration.builder().targetIntervalSeconds(60).build()))
            .as("recording mode absent: DISABLED by default").isNull();
        assertThat(Translator.intervalToSend(ThumbnailConfiguration.builder().recordingMode("INTERVAL")
            .targetIntervalSeconds(60).build())).isEqualTo(60);
        assertThat(Translator.intervalToSend(ThumbnailConfiguration.builder().recordingMode("DISABLED")
            .targetIntervalSeconds(30).build())).as("left for IVS to refuse, naming it").isEqualTo(30);
        assertThat(Translator.toSdk(AutoParticipantRecordingConfiguration.builder().storageConfigurationArn("")
            .thumbnailConfiguration(ThumbnailConfiguration.builder().recordingMode("DISABLED").targetIntervalSeconds(60)
                .build()).build()).thumbnailConfiguration().targetIntervalSeconds()).isNull();
    }

    @Test
    void anEmptyMediaTypesListIsTheDefaultWhenComparing() {
        assertThat(Translator.withDefaults(AutoParticipantRecordingConfiguration.builder().mediaTypes(List.of())
            .build())).isEqualTo(Translator.withDefaults(null));
    }
}
