package community.ivsrealtime.ingestconfiguration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import community.ivsrealtime.common.IvsHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ListIngestConfigurationsResponse;

class TranslatorTest {

    private static final String ARN = "arn:aws:ivs:us-east-1:123456789012:ingest-configuration/abcdABCDefgh";
    private static final String STAGE = "arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh";

    @Test
    void createCarriesEveryWritableProperty() {
        final var request = Translator.create(ResourceModel.builder().name("i").stageArn(STAGE).userId("u")
            .attributes(Map.of("role", "cam")).ingestProtocol("RTMP").insecureIngest(true).build(), Map.of());
        assertThat(request.ingestProtocolAsString()).isEqualTo("RTMP");
        assertThat(request.insecureIngest()).isTrue();
        assertThat(request.attributes()).isEqualTo(Map.of("role", "cam"));
        assertThat(request.stageArn()).isEqualTo(STAGE);
        assertThat(request.userId()).isEqualTo("u");
    }

    @Test
    void readReturnsTheStreamKeyAndStateButNotTheWriteOnlyInsecureIngest() {
        final ResourceModel model = Translator.OPS.fromService(IngestConfiguration.builder().arn(ARN).name("i")
            .stageArn("").participantId("p").ingestProtocol("RTMPS").streamKey("rt_1_us-east-1_x_secret")
            .state("INACTIVE").attributes(Map.of()).build(), null);
        assertThat(model.getStreamKey()).isEqualTo("rt_1_us-east-1_x_secret");
        assertThat(model.getState()).isEqualTo("INACTIVE");
        assertThat(model.getInsecureIngest()).isNull();
        assertThat(Translator.OPS.writeOnly()).containsExactly("InsecureIngest");
        assertThat(Translator.OPS.lacksReadOnly(model)).isFalse();
        assertThat(Translator.OPS.lacksReadOnly(model.toBuilder().streamKey(null).build())).isTrue();
    }

    @Test
    void stageArnAbsentOrEmptyMeansNoStage() {
        final ResourceModel none = ResourceModel.builder().arn(ARN).build();
        final ResourceModel empty = none.toBuilder().stageArn("").build();
        final ResourceModel attached = none.toBuilder().stageArn(STAGE).build();

        assertThat(Translator.updateNeeded(none, empty)).isFalse();
        assertThat(Translator.updateNeeded(empty, attached)).isTrue();
        assertThat(Translator.update(attached, none).stageArn()).isEmpty();
        assertThat(Translator.update(none, attached).stageArn()).isEqualTo(STAGE);
    }

    @Test
    void deleteForcesAndListHasNoSecrets() {
        assertThat(Translator.delete(ResourceModel.builder().arn(ARN).build()).force()).isTrue();
        final var models = Translator.fromList(ListIngestConfigurationsResponse.builder()
            .ingestConfigurations(IngestConfigurationSummary.builder().arn(ARN).name("i").stageArn("")
                .participantId("p").ingestProtocol("RTMPS").state("ACTIVE").userId("u").build())
            .build());
        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.getStreamKey()).isNull();
            assertThat(m.getState()).isEqualTo("ACTIVE");
            assertThat(m.getParticipantId()).isEqualTo("p");
        });
    }

    @Test
    void createOnlyValuesCompareAsTheServiceStoresThem() {
        final ResourceModel template = ResourceModel.builder().arn(ARN).ingestProtocol("RTMPS").build();
        final ResourceModel stored = template.toBuilder().name("").userId("").attributes(Map.of())
            .insecureIngest(false).build();
        assertThat(IvsHandler.changedCreateOnlyProperty(template, stored, Translator.OPS, false)).isNull();
        assertThat(IvsHandler.changedCreateOnlyProperty(stored, template, Translator.OPS, false)).isNull();
        // a real change of a defaulted value is still one
        assertThat(IvsHandler.changedCreateOnlyProperty(stored.toBuilder().insecureIngest(true).build(), template,
            Translator.OPS, false)).isEqualTo("InsecureIngest");
        assertThat(IvsHandler.changedCreateOnlyProperty(template, template.toBuilder().userId("camera-2").build(),
            Translator.OPS, false)).isEqualTo("UserId");
        // a previous state from a handler lacks the write-only value: not a change
        assertThat(IvsHandler.changedCreateOnlyProperty(template, stored.toBuilder().insecureIngest(true).build(),
            Translator.OPS, false)).isNull();
    }
}
