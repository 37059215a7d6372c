package community.ivsrealtime.emulator.protocol;

import java.util.Map;

/**
 * What to send back: a status, headers and a body, or nothing at all ({@link #dropConnection()}: close the
 * socket without a response, as an injected fault).
 */
public record WireResponse(int status, Map<String, String> headers, byte[] body, boolean dropConnection) {

    public static WireResponse of(int status, Map<String, String> headers, byte[] body) {
        return new WireResponse(status, Map.copyOf(headers), body, false);
    }

    public static WireResponse dropped() {
        return new WireResponse(0, Map.of(), new byte[0], true);
    }
}
