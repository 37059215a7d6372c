package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Mints participant tokens (CreateParticipantToken, and CreateStage's participantTokenConfigurations): a JWT-shaped
 * text whose payload carries what IVS documents (exp, iat, jti, resource, topic, user_id, attributes,
 * capabilities) and whose signature part is random, remembered by the stage so that a simulated join can use it.
 */
final class ParticipantTokens {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private ParticipantTokens() {
    }

    /**
     * Mints a token for the stage from a ParticipantTokenConfiguration-shaped node; {@code path} is the node's
     * member path for messages ({@code ""} or {@code participantTokenConfigurations.0.}).
     */
    static ObjectNode mint(Stage st, JsonNode cfg, String path, Instant now) {
        Integer d = Json.integer(cfg, "duration");
        int duration = d == null ? 720 : d;
        List<String> capabilities = new ArrayList<>();
        if (cfg.has("capabilities")) {
            cfg.get("capabilities").forEach(c -> {
                if (!capabilities.contains(c.asText())) {
                    capabilities.add(c.asText());
                }
            });
        } else {
            capabilities.add("PUBLISH");
            capabilities.add("SUBSCRIBE");
        }
        Map<String, String> attributes = Json.stringMap(cfg, "attributes");
        Json.checkAttributesSize(attributes, path + "attributes");
        String userId = Json.text(cfg, "userId", null);
        String participantId = Ids.alnum(12);
        Instant expires = now.plus(Duration.ofMinutes(duration));
        ObjectNode payload = Json.obj();
        payload.put("exp", expires.getEpochSecond());
        payload.put("iat", now.getEpochSecond());
        payload.put("jti", participantId);
        payload.put("resource", st.arn);
        payload.put("topic", st.id());
        Json.putIfNotNull(payload, "user_id", userId);
        payload.set("attributes", Json.mapNode(attributes));
        ObjectNode caps = payload.putObject("capabilities");
        caps.put("allow_publish", capabilities.contains("PUBLISH"));
        caps.put("allow_subscribe", capabilities.contains("SUBSCRIBE"));
        payload.put("version", "1.0");
        String jwt = b64("{\"alg\":\"ES384\",\"typ\":\"JWT\"}") + "." + b64(payload.toString()) + "."
                + B64URL.encodeToString(Ids.secureBytes(96));
        Token t = new Token(jwt, participantId, userId, attributes, List.copyOf(capabilities), duration, expires);
        st.tokens().put(jwt, t);

        ObjectNode o = Json.obj();
        o.put("participantId", participantId);
        o.put("token", jwt);
        Json.putIfNotNull(o, "userId", userId);
        o.set("attributes", Json.mapNode(attributes));
        o.put("duration", duration);
        o.set("capabilities", Json.strings(capabilities));
        Json.putTime(o, "expirationTime", expires);
        return o;
    }

    private static String b64(String text) {
        return B64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
