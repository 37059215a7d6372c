package community.ivsrealtime.emulator.protocol;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a raw {@code POST} with SigV4 computed here from the SigV4 rules (default key pair, service ivs), so a test
 * can sign any header set, scope and payload hash, and then send something other than what it signed. Each
 * {@code with...} returns a changed copy.
 *
 * @param endpoint    the endpoint's base URI
 * @param path        the request path (no query)
 * @param signedBody  the body the signature covers
 * @param sentBody    the body actually sent
 * @param region      the scope's region
 * @param scopeDate   the scope's date (YYYYMMDD)
 * @param amzDate     the X-Amz-Date header
 * @param terminator  the scope's terminator ({@code aws4_request})
 * @param payloadHash the payload hash of the canonical request and the x-amz-content-sha256 header, or null for
 *                    the SHA-256 of {@code signedBody} without that header
 * @param signed      the signed headers
 * @param more        extra headers to send
 */
record RawSigner(URI endpoint, String path, String signedBody, String sentBody, String region, String scopeDate,
                 String amzDate, String terminator, String payloadHash, List<String> signed, Map<String, String> more) {

    static RawSigner post(URI endpoint, String path, String body) {
        return new RawSigner(endpoint, path, body, body, "us-east-1", "20260101", "20260101T000000Z", "aws4_request",
                null, List.of("content-type", "host", "x-amz-date"), Map.of());
    }

    RawSigner withSentBody(String body) {
        return new RawSigner(endpoint, path, signedBody, body, region, scopeDate, amzDate, terminator, payloadHash, signed, more);
    }

    RawSigner withRegion(String r) {
        return new RawSigner(endpoint, path, signedBody, sentBody, r, scopeDate, amzDate, terminator, payloadHash, signed, more);
    }

    RawSigner withAmzDate(String date) {
        return new RawSigner(endpoint, path, signedBody, sentBody, region, scopeDate, date, terminator, payloadHash, signed, more);
    }

    RawSigner withTerminator(String t) {
        return new RawSigner(endpoint, path, signedBody, sentBody, region, scopeDate, amzDate, t, payloadHash, signed, more);
    }

    /** Signs and sends {@code x-amz-content-sha256: hash} (also a made-up one, or UNSIGNED-PAYLOAD). */
    RawSigner withPayloadHash(String hash) {
        List<String> s = new java.util.ArrayList<>(signed);
        if (!s.contains("x-amz-content-sha256")) {
            s.add("x-amz-content-sha256");
        }
        return new RawSigner(endpoint, path, signedBody, sentBody, region, scopeDate, amzDate, terminator, hash, List.copyOf(s), more);
    }

    RawSigner withSigned(List<String> headers, Map<String, String> extra) {
        return new RawSigner(endpoint, path, signedBody, sentBody, region, scopeDate, amzDate, terminator, payloadHash, headers, extra);
    }

    HttpRequest build() {
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/json");
        headers.put("host", endpoint.getHost() + ":" + endpoint.getPort()); // what java.net.http sends
        headers.put("x-amz-date", amzDate);
        String hash = payloadHash != null ? payloadHash
                : SigV4Verifier.hexSha256(signedBody.getBytes(StandardCharsets.UTF_8));
        if (payloadHash != null) {
            headers.put("x-amz-content-sha256", payloadHash);
        }
        more.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        List<String> sorted = signed.stream().sorted().toList();
        StringBuilder canonical = new StringBuilder("POST\n" + path + "\n\n");
        sorted.forEach(h -> canonical.append(h).append(':').append(headers.get(h)).append('\n'));
        canonical.append('\n').append(String.join(";", sorted)).append('\n').append(hash);
        String scope = scopeDate + "/" + region + "/ivs/" + terminator;
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + SigV4Verifier.hexSha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
        byte[] key = ("AWS4" + IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of(scopeDate, region, "ivs", terminator, toSign)) {
            key = hmac(key, part);
        }
        String authorization = "AWS4-HMAC-SHA256 Credential=" + IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID + "/" + scope
                + ", SignedHeaders=" + String.join(";", sorted) + ", Signature=" + HexFormat.of().formatHex(key);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("X-Amz-Date", amzDate).POST(HttpRequest.BodyPublishers.ofString(sentBody));
        if (payloadHash != null) {
            b.header("x-amz-content-sha256", payloadHash);
        }
        more.forEach(b::header);
        return b.build();
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
