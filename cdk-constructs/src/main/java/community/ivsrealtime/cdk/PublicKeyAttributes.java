package community.ivsrealtime.cdk;

import java.util.Objects;

/** What {@link PublicKey#fromPublicKeyAttributes} needs to know about an existing public key. */
public final class PublicKeyAttributes {
    private final String publicKeyArn;
    private final String publicKeyFingerprint;

    private PublicKeyAttributes(Builder b) {
        this.publicKeyArn = Objects.requireNonNull(b.publicKeyArn, "publicKeyArn is required");
        this.publicKeyFingerprint = b.publicKeyFingerprint;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the ARN (required) */
    public String getPublicKeyArn() {
        return publicKeyArn;
    }

    /** @return the fingerprint; default: unknown ({@link IPublicKey#getPublicKeyFingerprint()} then throws) */
    public String getPublicKeyFingerprint() {
        return publicKeyFingerprint;
    }

    /** Builder of {@link PublicKeyAttributes}. */
    public static final class Builder {
        private String publicKeyArn;
        private String publicKeyFingerprint;

        private Builder() {
        }

        /** @param arn the public key ARN @return this */
        public Builder publicKeyArn(String arn) {
            this.publicKeyArn = arn;
            return this;
        }

        /** @param fingerprint the fingerprint IVS computed @return this */
        public Builder publicKeyFingerprint(String fingerprint) {
            this.publicKeyFingerprint = fingerprint;
            return this;
        }

        /** @return the attributes */
        public PublicKeyAttributes build() {
            return new PublicKeyAttributes(this);
        }
    }
}
