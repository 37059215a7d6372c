package community.ivsrealtime.emulator.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stage session: opened by the first join, ended when the last connected participant leaves. */
final class Session {
    final String id;
    final Instant start;
    Instant end;
    final List<Participant> participants = new ArrayList<>();
    private final Map<String, Participant> byId = new HashMap<>();

    Session(String id, Instant start) {
        this.id = id;
        this.start = start;
    }

    Participant participant(String participantId) {
        return byId.get(participantId);
    }

    void add(Participant p) {
        participants.add(p);
        byId.put(p.id, p);
    }

    long connected() {
        return participants.stream().filter(p -> p.connected).count();
    }

    long publishing() {
        return participants.stream().filter(p -> p.connected && p.published).count();
    }
}
