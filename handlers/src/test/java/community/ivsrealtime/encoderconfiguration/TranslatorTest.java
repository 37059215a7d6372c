package community.ivsrealtime.encoderconfiguration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import community.ivsrealtime.common.IvsHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.ListEncoderConfigurationsRequest;

class TranslatorTest {

    private static final String ARN = "arn:aws:ivs:us-east-1:123456789012:encoder-configuration/abcdABCDefgh";

    @Test
    void framerateIsAFloatInTheApiButKeepsItsDecimalValue() {
        final Video video = Video.builder().width(1920).height(1080).framerate(29.97).bitrate(6_000_000).build();

        final var sdk = Translator.toSdk(video);
        assertThat(sdk.framerate()).isEqualTo(29.97f);
        assertThat(Translator.fromSdk(sdk)).isEqualTo(video);
        assertThat(Translator.fromSdk(Translator.toSdk(Video.builder().framerate(30.0).build())).getFramerate())
            .isEqualTo(30.0);
    }

    @Test
    void createAndFromService() {
        final ResourceModel model = ResourceModel.builder().name("enc")
            .video(Video.builder().width(1280).height(720).framerate(30.0).bitrate(2_500_000).build()).build();

        final var request = Translator.create(model, Map.of("k", "v"));
        assertThat(request.name()).isEqualTo("enc");
        assertThat(request.video().width()).isEqualTo(1280);
        assertThat(request.tags()).isEqualTo(Map.of("k", "v"));

        final EncoderConfiguration stored = EncoderConfiguration.builder().arn(ARN).name("enc").video(request.video())
            .tags(Map.of("k", "v")).build();
        assertThat(Translator.OPS.fromService(stored, Translator.OPS.serviceTags(stored)))
            .isEqualTo(model.toBuilder().arn(ARN).tags(java.util.Set.of(Tag.builder().key("k").value("v").build())).build());
    }

    @Test
    void everythingButTagsIsCreateOnly() {
        assertThat(Translator.OPS.createOnly()).containsOnlyKeys("Name", "Video");
        assertThat(((ListEncoderConfigurationsRequest) Translator.OPS.list().request().apply(null)).maxResults())
            .isEqualTo(100);
        assertThat(Translator.OPS.readOnly()).containsExactly("Arn");
    }

    @Test
    void aVideoComparesWithTheServiceDefaultsFilledIn() {
        final ResourceModel partial = ResourceModel.builder().video(Video.builder().width(1920).height(1080).build())
            .build();
        final ResourceModel stored = ResourceModel.builder().name("").video(Video.builder().width(1920).height(1080)
            .framerate(30.0).bitrate(2_500_000).build()).build();
        assertThat(IvsHandler.changedCreateOnlyProperty(partial, stored, Translator.OPS, false)).isNull();
        assertThat(IvsHandler.changedCreateOnlyProperty(new ResourceModel(), ResourceModel.builder()
            .video(Translator.videoAsStored(null)).build(), Translator.OPS, false)).isNull();
        assertThat(Translator.videoAsStored(null)).isEqualTo(Video.builder().width(1280).height(720).framerate(30.0)
            .bitrate(2_500_000).build());
        assertThat(IvsHandler.changedCreateOnlyProperty(partial, stored.toBuilder()
            .video(stored.getVideo().toBuilder().framerate(60.0).build()).build(), Translator.OPS, false))
            .isEqualTo("Video");
        assertThat(IvsHandler.changedCreateOnlyProperty(partial, partial.toBuilder().name("renamed").build(),
            Translator.OPS, false)).isEqualTo("Name");
    }
}
