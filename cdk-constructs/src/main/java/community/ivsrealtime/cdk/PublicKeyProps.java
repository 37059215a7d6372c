package community.ivsrealtime.cdk;

import java.util.Objects;

import software.amazon.awscdk.RemovalPolicy;

/** Properties of a {@link PublicKey}. */
public final class PublicKeyProps {
    private final String publicKeyMaterial;
    private final String publicKeyName;
    private final RemovalPolicy removalPolicy;

    private PublicKeyProps(Builder b) {
        this.publicKeyMaterial = Objects.requireNonNull(b.publicKeyMaterial, "publicKeyMaterial is required");
        this.publicKeyName = b.publicKeyName;
        this.removalPolicy = b.removalPolicy;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The public key in PEM format ({@code -----BEGIN PUBLIC KEY-----} ... {@code -----END PUBLIC KEY-----}), whose
     * private key signs participant tokens (ES384). Changing it replaces the public key.
     *
     * @return the PEM text (required)
     */
    public String getPublicKeyMaterial() {
        return publicKeyMaterial;
    }

    /**
     * The name: letters, digits, {@code -} and {@code _}, at most 128 characters; it need not be unique. Changing it
     * replaces the public key.
     *
     * @return the name; default: a name made from the construct path
     */
    public String getPublicKeyName() {
        return publicKeyName;
    }

    /**
     * What happens to the public key when it is removed from the stack or replaced.
     *
     * @return the policy; default: {@code RemovalPolicy.RETAIN}
     */
    public RemovalPolicy getRemovalPolicy() {
        return removalPolicy;
    }

    /** Builder of {@link PublicKeyProps}. */
    public static final class Builder {
        private String publicKeyMaterial;
        private String publicKeyName;
        private RemovalPolicy removalPolicy;

        private Builder() {
        }

        /** @param pem see {@link PublicKeyProps#getPublicKeyMaterial()} @return this */
        public Builder publicKeyMaterial(String pem) {
            this.publicKeyMaterial = pem;
            return this;
        }

        /** @param name see {@link PublicKeyProps#getPublicKeyName()} @return this */
        public Builder publicKeyName(String name) {
            this.publicKeyName = name;
            return this;
        }

        /** @param policy see {@link PublicKeyProps#getRemovalPolicy()} @return this */
        public Builder removalPolicy(RemovalPolicy policy) {
            this.removalPolicy = policy;
            return this;
        }

        /** @return the props */
        public PublicKeyProps build() {
            return new PublicKeyProps(this);
        }
    }
}
