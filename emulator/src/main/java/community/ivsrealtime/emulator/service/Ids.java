package community.ivsrealtime.emulator.service;

import community.ivsrealtime.emulator.core.IvsException;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** Server-generated identifiers and ARNs in the real formats. */
final class Ids {
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();

    private Ids() {
    }

    /** {@code n} random alphanumeric characters. */
    static String alnum(int n) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ALNUM[r.nextInt(ALNUM.length)];
        }
        return new String(c);
    }

    /** Resource id inside an ARN: 12 alphanumerics (as in {@code stage/abcdABCDefgh}). */
    static String resourceId() {
        return alnum(12);
    }

    /** Stage session id: {@code st-} plus 13 alphanumerics, 16 characters in all. */
    static String sessionId() {
        return "st-" + alnum(13);
    }

    /** {@code n} secure random bytes (token signatures, stream key secrets). */
    static byte[] secureBytes(int n) {
        byte[] b = new byte[n];
        SECURE.nextBytes(b);
        return b;
    }

    static String hex(byte[] bytes, String separator) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(separator);
            }
            sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return sb.toString();
    }

    /** {@code arn:aws:ivs:{region}:{account}:{type}/{id}}. */
    static String arn(String region, String account, String type, String id) {
        return "arn:aws:ivs:" + region + ":" + account + ":" + type + "/" + id;
    }

    /** The resource id (text after the last slash) of an ARN. */
    static String idOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /**
     * The resource type of an IVS ARN ({@code stage}, {@code composition}, ...), or null when the text is
     * not an IVS ARN.
     */
    static String typeOf(String arn) {
        if (arn == null || !arn.startsWith("arn:aws:ivs:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length != 6) {
            return null;
        }
        int slash = parts[5].indexOf('/');
        return slash <= 0 ? null : parts[5].substring(0, slash);
    }

    /** {@code true} when the ARN names this account and region. */
    static boolean sameAccountAndRegion(String arn, String account, String region) {
        return arn.startsWith("arn:aws:ivs:" + region + ":" + account + ":");
    }

    static IvsException notFound(String what, String arn) {
        return IvsException.notFound(what + " not found: " + arn);
    }
}
