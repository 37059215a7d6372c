package community.ivsrealtime.emulator.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A participant token minted for a stage (CreateParticipantToken or CreateStage). */
final class Token {
    final String token;
    final String participantId;
    final String userId;
    final Map<String, String> attributes;
    final List<String> capabilities;
    final int duration;
    final Instant expires;
    /** Set by DisconnectParticipant: IVS revokes the participant permanently. */
    boolean revoked;

    Token(String token, String participantId, String userId, Map<String, String> attributes, List<String> capabilities,
          int duration, Instant expires) {
        this.token = token;
        this.participantId = participantId;
        this.userId = userId;
        this.attributes = attributes;
        this.capabilities = capabilities;
        this.duration = duration;
        this.expires = expires;
    }
}
