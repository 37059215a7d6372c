package community.ivsrealtime.storageconfiguration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.model.ListStorageConfigurationsResponse;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfigurationSummary;

class TranslatorTest {

    private static final String ARN = "arn:aws:ivs:us-east-1:123456789012:storage-configuration/abcdABCDefgh";

    @Test
    void bucketRoundTrips() {
        final ResourceModel model = ResourceModel.builder().name("sc")
            .s3(S3StorageConfiguration.builder().bucketName("my-bucket").build()).build();

        final var request = Translator.create(model, Map.of());
        assertThat(request.s3().bucketName()).isEqualTo("my-bucket");
        assertThat(request.hasTags()).isFalse();

        final StorageConfiguration stored = StorageConfiguration.builder().arn(ARN).name("sc").s3(request.s3()).build();
        assertThat(Translator.OPS.fromService(stored, null)).isEqualTo(model.toBuilder().arn(ARN).build());
    }

    @Test
    void listModelsCarryTheBucketFromTheSummary() {
        final var models = Translator.fromList(ListStorageConfigurationsResponse.builder()
            .storageConfigurations(StorageConfigurationSummary.builder().arn(ARN).name("sc")
                .s3(s3 -> s3.bucketName("b")).build())
            .nextToken("next").build());
        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.getArn()).isEqualTo(ARN);
            assertThat(m.getS3().getBucketName()).isEqualTo("b");
        });
        assertThat(Translator.OPS.createOnly()).containsOnlyKeys("Name", "S3");
    }
}
