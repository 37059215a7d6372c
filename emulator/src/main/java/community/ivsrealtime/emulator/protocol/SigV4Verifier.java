package community.ivsrealtime.emulator.protocol;

import community.ivsrealtime.emulator.core.IvsException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) of incoming requests.
 *
 * <p>The canonical request is rebuilt from exactly the headers the client listed in {@code SignedHeaders},
 * so clients that sign different header sets (the Java SDK v2 signs {@code x-amz-content-sha256}, botocore
 * does not) are both verified. The path is encoded once more on top of its raw form, as the non-S3 SigV4
 * rules require; query parameters are decoded, re-encoded with the SigV4 rules and sorted.
 */
public final class SigV4Verifier {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final int MAX_CACHED_KEYS = 1024;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    /** Derived signing keys by access key, date, region and service (they change once a day). */
    private final Map<String, byte[]> signingKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Credential> credentials;
    private final Credential defaultCredential;
    private final String service;
    private final String defaultRegion;
    private final boolean verify;

    public SigV4Verifier(List<Credential> credentials, String service, String defaultRegion, boolean verify) {
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("at least one credential is needed");
        }
        Map<String, Credential> byKey = new LinkedHashMap<>();
        credentials.forEach(c -> byKey.put(c.accessKeyId(), c));
        this.credentials = byKey;
        this.defaultCredential = credentials.get(0);
        this.service = service;
        this.defaultRegion = defaultRegion;
        this.verify = verify;
    }

    public boolean verifying() {
        return verify;
    }

    /**
     * Identifies the caller and, when verification is on, checks the signature.
     *
     * <p>Also without verification a credential scope whose region is not a well-formed region name
     * ({@link #isRegion}) is refused, since the region ends up in the ARNs of the resources the call creates.
     *
     * @throws IvsException 403 with the code AWS uses ({@code MissingAuthenticationTokenException},
     *                      {@code IncompleteSignatureException}, {@code UnrecognizedClientException},
     *                      {@code InvalidSignatureException})
     */
    public Caller verify(WireRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            if (verify) {
                throw new IvsException(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
            }
            return new Caller(null, defaultCredential.accountId(), defaultRegion);
        }
        Authorization auth;
        try {
            auth = Authorization.parse(authorization);
        } catch (IllegalArgumentException e) {
            if (verify) {
                throw new IvsException(403, "IncompleteSignatureException", e.getMessage());
            }
            return new Caller(null, defaultCredential.accountId(), defaultRegion);
        }
        if (verify) {
            checkSignedHeaders(request, auth);
        }
        // also without verification: the scope's region names the region the resources live in (their ARNs)
        if (!isRegion(auth.region())) {
            throw new IvsException(403, "InvalidSignatureException",
                    "Credential should be scoped to a valid region, not '" + auth.region() + "'. ");
        }
        Credential credential = credentials.get(auth.accessKeyId());
        if (!verify) {
            String account = credential != null ? credential.accountId() : defaultCredential.accountId();
            return new Caller(auth.accessKeyId(), account, auth.region());
        }
        if (credential == null) {
            throw new IvsException(403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        if (!service.equals(auth.service())) {
            throw new IvsException(403, "InvalidSignatureException",
                    "Credential should be scoped to correct service: '" + service + "'. ");
        }
        if (!"aws4_request".equals(auth.terminator())) {
            throw new IvsException(403, "InvalidSignatureException",
                    "Credential should be scoped with a valid terminator: 'aws4_request', not '" + auth.terminator() + "'. ");
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null || amzDate.length() < 8) {
            throw new IvsException(403, "IncompleteSignatureException",
                    "Authorization header requires existence of a valid 'X-Amz-Date' header.");
        }
        if (!amzDate.startsWith(auth.date())) {
            // the message AWS documents for this case: "Troubleshoot signature errors", Credential scope, Date
            // (https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html)
            throw new IvsException(403, "InvalidSignatureException",
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + auth.date() + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        String expected = signature(request, auth, amzDate, signingKey(credential, auth));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new IvsException(403, "InvalidSignatureException", SIGNATURE_MISMATCH);
        }
        return new Caller(auth.accessKeyId(), credential.accountId(), auth.region());
    }

    /**
     * Whether the text is a well-formed AWS region name: lower-case letters and digits in dash-separated parts,
     * a two-letter area first and a number last ({@code us-east-1}, {@code us-gov-west-1}, {@code cn-north-1},
     * {@code ap-southeast-4}). Resource ARNs carry the region, and the model's ARN patterns accept only this form.
     */
    public static boolean isRegion(String region) {
        return region != null && REGION.matcher(region).matches();
    }

    /**
     * The headers that must be signed, as AWS requires: {@code host} (or {@code :authority}) always, and
     * {@code x-amz-date} when the request carries one.
     */
    private static void checkSignedHeaders(WireRequest request, Authorization auth) {
        if (!auth.signedHeaders().contains("host") && !auth.signedHeaders().contains(":authority")) {
            throw new IvsException(403, "IncompleteSignatureException",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (request.header("x-amz-date") != null && !auth.signedHeaders().contains("x-amz-date")) {
            throw new IvsException(403, "IncompleteSignatureException",
                    "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        }
    }

    /** The access key id an Authorization header claims (verified or not), or null. */
    public static String claimedAccessKeyId(WireRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return null;
        }
        try {
            return Authorization.parse(authorization).accessKeyId();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] signingKey(Credential credential, Authorization auth) {
        String cacheKey = credential.accessKeyId() + "/" + auth.date() + "/" + auth.region() + "/" + auth.service();
        byte[] key = signingKeys.get(cacheKey);
        if (key == null) {
            key = hmac(bytes("AWS4" + credential.secretAccessKey()), auth.date());
            key = hmac(key, auth.region());
            key = hmac(key, auth.service());
            key = hmac(key, auth.terminator());
            if (signingKeys.size() >= MAX_CACHED_KEYS) {
                signingKeys.clear();
            }
            signingKeys.put(cacheKey, key);
        }
        return key;
    }

    private static String signature(WireRequest request, Authorization auth, String amzDate, byte[] signingKey) {
        String canonicalRequest = canonicalRequest(request, auth.signedHeaders());
        String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/" + auth.terminator();
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hexSha256(bytes(canonicalRequest));
        return BinaryUtils.toHex(hmac(signingKey, stringToSign));
    }

    static String canonicalRequest(WireRequest request, List<String> signedHeaders) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalPath(request.rawPath())).append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            List<String> trimmed = new ArrayList<>(values.size());
            values.forEach(v -> trimmed.add(collapseSpaces(v.trim())));
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
        canonical.append(payloadHash(request));
        return canonical.toString();
    }

    private static String collapseSpaces(String value) {
        if (!value.contains("  ")) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' || b.length() == 0 || b.charAt(b.length() - 1) != ' ') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String canonicalPath(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        return SdkHttpUtils.urlEncodeIgnoreSlashes(path);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String[] pair : PercentCoding.rawQueryPairs(rawQuery)) {
            sorted.computeIfAbsent(reencode(pair[0]), k -> new ArrayList<>()).add(reencode(pair[1]));
        }
        StringBuilder query = new StringBuilder();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(value -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(name).append('=').append(value);
        }));
        return query.toString();
    }

    private static String reencode(String raw) {
        try {
            return SdkHttpUtils.urlEncode(PercentCoding.decodeQuery(raw));
        } catch (PercentCoding.MalformedEncodingException e) {
            return raw;
        }
    }

    /**
     * Always the SHA-256 of the bytes received, never the client's {@code x-amz-content-sha256}: a body changed after
     * signing, or a declared hash (also {@code UNSIGNED-PAYLOAD}, an S3-only convention) that does not match the
     * body, fails the signature.
     */
    private static String payloadHash(WireRequest request) {
        return hexSha256(request.body());
    }

    static String hexSha256(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return BinaryUtils.toHex(digest.digest(data));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The parts of an {@code Authorization: AWS4-HMAC-SHA256 ...} header. */
    record Authorization(String accessKeyId, String date, String region, String service, String terminator,
                         List<String> signedHeaders, String signature) {

        static Authorization parse(String header) {
            if (!header.startsWith(ALGORITHM + " ")) {
                throw new IllegalArgumentException("Authorization header must use the " + ALGORITHM + " algorithm.");
            }
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
            for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
                if (!parts.containsKey(required)) {
                    throw new IllegalArgumentException("Authorization header requires '" + required + "' parameter.");
                }
            }
            String[] scope = parts.get("Credential").split("/");
            if (scope.length != 5) {
                throw new IllegalArgumentException("Credential must have exactly 5 slash-delimited elements, "
                        + "e.g. keyid/date/region/service/term.");
            }
            List<String> signed = new ArrayList<>();
            for (String name : parts.get("SignedHeaders").split(";")) {
                signed.add(name.trim().toLowerCase(Locale.ROOT));
            }
            return new Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], List.copyOf(signed),
                    parts.get("Signature").toLowerCase(Locale.ROOT));
        }
    }
}
