package community.ivsrealtime.emulator.protocol;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as received, independent of the server implementation.
 *
 * @param method   upper-case HTTP method
 * @param rawPath  the path exactly as sent (still percent-encoded)
 * @param rawQuery the query string exactly as sent, or null
 * @param headers  header names in lower case, values in the order received
 * @param body     the body bytes (empty when there is none)
 * @param remote   the address of the client that sent it
 */
public record WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, InetAddress remote) {

    /** A request from a loopback client. */
    public WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this(method, rawPath, rawQuery, headers, body, InetAddress.getLoopbackAddress());
    }

    /** First value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
