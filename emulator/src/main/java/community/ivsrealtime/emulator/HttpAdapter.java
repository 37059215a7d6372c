package community.ivsrealtime.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import community.ivsrealtime.emulator.protocol.ProtocolHandler;
import community.ivsrealtime.emulator.protocol.RequestIds;
import community.ivsrealtime.emulator.protocol.Responses;
import community.ivsrealtime.emulator.protocol.WireRequest;
import community.ivsrealtime.emulator.protocol.WireResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bridges the JDK HTTP server to the endpoint: reads the request (raw path and query, lower-cased headers,
 * body up to a limit), sends it to the admin API ({@value AdminApi#PREFIX}) or the IVS API, and writes the
 * response, or closes the connection without one when a fault says so.
 */
final class HttpAdapter implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(HttpAdapter.class.getName());

    private final ProtocolHandler api;
    private final AdminApi admin;
    private final int maxBodyBytes;

    HttpAdapter(ProtocolHandler api, AdminApi admin, int maxBodyBytes) {
        this.api = api;
        this.admin = admin;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            WireResponse response = respond(exchange);
            if (response.dropConnection()) {
                exchange.close(); // no response headers sent: the server closes the socket
                return;
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "request failed", e);
            throw e;
        } finally {
            exchange.close();
        }
    }

    private WireResponse respond(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        byte[] body = readBody(exchange.getRequestBody(), headers);
        if (body == null) {
            exchange.getResponseHeaders().set("Connection", "close");
            return Responses.error(413, "RequestEntityTooLargeException",
                    "Request body is larger than the limit of " + maxBodyBytes + " bytes",
                    RequestIds.next());
        }
        WireRequest request = new WireRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                rawPath == null ? "/" : rawPath, exchange.getRequestURI().getRawQuery(), headers, body);
        return rawPath != null && rawPath.startsWith(AdminApi.PREFIX) ? admin.handle(request) : api.handle(request);
    }

    /** The body, or null when it is larger than the limit. */
    private byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        if (length != null && !length.isEmpty()) {
            try {
                if (Long.parseLong(length.get(0).trim()) > maxBodyBytes) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // the server rejects bad lengths itself; read what comes
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > maxBodyBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
