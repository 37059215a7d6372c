package community.ivsrealtime.ingestconfiguration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A generated model that reaches a log line must not leak the stream key or attributes. */
class ResourceModelToStringTest {

    @Test
    void toStringShowsOnlyThePrimaryIdentifier() {
        final String arn = "arn:aws:ivs:us-east-1:123456789012:ingest-configuration/abcdABCDefgh";
        final ResourceModel model = ResourceModel.builder()
            .arn(arn)
            .name("cam-1")
            .streamKey("rt_123456789012_us-east-1_abcdABCDefgh_SECRETsecret")
            .attributes(Map.of("seat", "front-row-secret"))
            .build();

        assertThat(model.toString())
            .contains(arn)
            .doesNotContain("SECRETsecret")
            .doesNotContain("front-row-secret")
            .doesNotContain("cam-1");
    }
}
