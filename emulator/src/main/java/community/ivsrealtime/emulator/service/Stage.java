package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stage, its sessions (oldest first) and the participant tokens minted for it. */
final class Stage extends Resource {
    /** The stored recording configuration with defaults filled in; null means "all defaults". */
    ObjectNode recording;
    Session active;
    List<Session> sessions;
    Map<String, Token> tokens;

    Stage(String arn, long seq, String name, Map<String, String> tags) {
        super(arn, seq, name, tags);
    }

    List<Session> sessions() {
        if (sessions == null) {
            sessions = new ArrayList<>(2);
        }
        return sessions;
    }

    Map<String, Token> tokens() {
        if (tokens == null) {
            tokens = new HashMap<>();
        }
        return tokens;
    }

    Session session(String sessionId) {
        if (sessions != null) {
            for (Session s : sessions) {
                if (s.id.equals(sessionId)) {
                    return s;
                }
            }
        }
        return null;
    }
}
