package community.ivsrealtime.cdk;

import static community.ivsrealtime.cdk.L2Tests.getAtt;
import static community.ivsrealtime.cdk.L2Tests.properties;
import static community.ivsrealtime.cdk.L2Tests.stack;
import static community.ivsrealtime.cdk.L2Tests.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/** {@link PublicKey}, proven through synthesized templates. */
class PublicKeyTest {

    private static final String TYPE = "Community::IVSRealTime::PublicKey";
    static final String PEM = "-----BEGIN PUBLIC KEY-----\n"
            + "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEz0PAU2hWoGkLcOvaVt9nJ8C4jcSjP1z8\n"
            + "-----END PUBLIC KEY-----\n";
    private static final String ARN = "arn:aws:ivs:us-west-2:123456789012:public-key/k3y";

    @Test
    void materialAndNameRenderAndTheFingerprintIsAnAttribute() {
        Stack stack = stack();
        PublicKey key = new PublicKey(stack, "Key", PublicKeyProps.builder().publicKeyName("signer")
                .publicKeyMaterial(PEM).build());
        assertThat(properties(synth(stack), TYPE)).isEqualTo(Map.of("Name", "signer",
                "PublicKeyMaterial", PEM));
        assertThat(stack.resolve(key.getPublicKeyFingerprint())).isEqualTo(getAtt(key, "Fingerprint"));
        assertThat(stack.resolve(key.getPublicKeyArn())).isEqualTo(getAtt(key, "Arn"));
    }

    @Test
    void materialMustBePem() {
        assertThatThrownBy(() -> new PublicKey(stack(), "Key", PublicKeyProps.builder()
                .publicKeyMaterial("ssh-ed25519 AAAA").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("publicKeyMaterial must match " + PublicKey.PEM_PATTERN + ", got \"ssh-ed25519 AAAA\"");
        assertThatThrownBy(() -> PublicKeyProps.builder().build()).hasMessage("publicKeyMaterial is required");
    }

    @Test
    void importsWithAndWithoutFingerprint() {
        Stack stack = stack();
        IPublicKey byArn = PublicKey.fromPublicKeyArn(stack, "A", ARN);
        assertThat(byArn.getPublicKeyId()).isEqualTo("k3y");
        assertThatThrownBy(byArn::getPublicKeyFingerprint).isInstanceOf(IllegalStateException.class)
                .hasMessage("the fingerprint of public key S/A is unknown: import it with "
                        + "PublicKey.fromPublicKeyAttributes and publicKeyFingerprint");
        IPublicKey withFingerprint = PublicKey.fromPublicKeyAttributes(stack, "B", PublicKeyAttributes.builder()
                .publicKeyArn(ARN).publicKeyFingerprint("12:34").build());
        assertThat(withFingerprint.getPublicKeyFingerprint()).isEqualTo("12:34");
        assertThatThrownBy(() -> PublicKey.fromPublicKeyArn(stack, "C", "arn:aws:iam::123456789012:public-key/k3y"))
                .hasMessage("Invalid service, expected 'ivs', got 'iam'");
    }
}
