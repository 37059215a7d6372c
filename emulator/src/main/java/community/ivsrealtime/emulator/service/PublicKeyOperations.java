package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public keys (for participant tokens the caller signs): ImportPublicKey, GetPublicKey, DeletePublicKey,
 * ListPublicKeys. The fingerprint is the MD5 of the DER (SubjectPublicKeyInfo) bytes, lower-case hex pairs joined
 * with {@code :} (the 16-pair form of the IVS documentation examples); EC and RSA keys are accepted, and importing
 * the same key twice is a ConflictException.
 */
final class PublicKeyOperations implements OperationRegistry.Family {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----\\r?\\n([a-zA-Z0-9+/=\\r\\n]+)\\r?\\n-----END PUBLIC KEY-----");

    private final Quotas quotas;

    PublicKeyOperations(Quotas quotas) {
        this.quotas = quotas;
    }

    @Override
    public void register(OperationRegistry r) {
        r.write("ImportPublicKey", this::importPublicKey);
        r.read("GetPublicKey", this::getPublicKey);
        r.write("DeletePublicKey", this::deletePublicKey);
        r.read("ListPublicKeys", this::listPublicKeys);
    }

    ObjectNode importPublicKey(ObjectNode in, RegionStore s, Instant now) {
        String material = Json.text(in, "publicKeyMaterial", "");
        byte[] der = parsePublicKey(material);
        String fingerprint;
        try {
            fingerprint = Ids.hex(MessageDigest.getInstance("MD5").digest(der), ":");
        } catch (GeneralSecurityException e) {
            throw IvsException.internal("MD5 unavailable");
        }
        Key existing = s.keysByFingerprint.get(fingerprint);
        if (existing != null) {
            throw IvsException.conflict("publicKeyMaterial: this public key is already imported as " + existing.arn);
        }
        s.keys.checkQuota(quotas);
        Key k = new Key(s.arn("public-key"), s.nextSeq(), Json.text(in, "name", ""), Resource.tagsOf(in), material,
                fingerprint);
        s.keys.add(k);
        s.keysByFingerprint.put(fingerprint, k);
        return Json.wrap("publicKey", k.full());
    }

    ObjectNode getPublicKey(ObjectNode in, RegionStore s, Instant now) {
        return Json.wrap("publicKey", s.keys.require(Json.text(in, "arn", null)).full());
    }

    ObjectNode deletePublicKey(ObjectNode in, RegionStore s, Instant now) {
        Key k = s.keys.require(Json.text(in, "arn", null));
        s.keys.remove(k);
        s.keysByFingerprint.remove(k.fingerprint);
        return Json.obj();
    }

    ObjectNode listPublicKeys(ObjectNode in, RegionStore s, Instant now) {
        return Pager.list(in, "publicKeys", s.keys, 50, r -> true, Resource::base);
    }

    /** The DER of a PEM public key that Java reads as an EC or RSA key, else ValidationException. */
    static byte[] parsePublicKey(String material) {
        Matcher m = PEM.matcher(material);
        if (!m.find()) {
            throw IvsException.validation("publicKeyMaterial: not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw IvsException.validation("publicKeyMaterial: invalid base64 in the PEM body");
        }
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                return der;
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw IvsException.validation("publicKeyMaterial: not a valid EC or RSA public key");
    }
}
