package community.ivsrealtime.publickey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKey;

class TranslatorTest {

    private static final String ARN = "arn:aws:ivs:us-east-1:123456789012:public-key/abcdABCDefgh";
    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";

    @Test
    void importCarriesMaterialNameAndTags() {
        final var request = Translator.create(ResourceModel.builder().name("k").publicKeyMaterial(PEM).build(),
            Map.of("a", "b"));
        assertThat(request.publicKeyMaterial()).isEqualTo(PEM);
        assertThat(request.name()).isEqualTo("k");
        assertThat(request.tags()).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void fingerprintIsReadOnlyAndKeptOnUpdate() {
        final ResourceModel stored = Translator.OPS.fromService(PublicKey.builder().arn(ARN).name("k")
            .publicKeyMaterial(PEM).fingerprint("ab:cd").build(), null);
        assertThat(stored.getFingerprint()).isEqualTo("ab:cd");

        final ResourceModel desired = ResourceModel.builder().arn(ARN).name("k").publicKeyMaterial(PEM).build();
        assertThat(Translator.OPS.withReadOnly(desired, stored).getFingerprint()).isEqualTo("ab:cd");
        assertThat(Translator.OPS.lacksReadOnly(desired)).isTrue();
        assertThat(Translator.OPS.lacksReadOnly(stored)).isFalse();
        assertThat(Translator.OPS.createOnly()).containsOnlyKeys("Name", "PublicKeyMaterial");
        assertThat(Translator.OPS.update()).as("no update API").isNull();
        assertThat(Translator.OPS.updateNeeded(stored, desired.toBuilder().name("other").build())).isFalse();
    }
}
