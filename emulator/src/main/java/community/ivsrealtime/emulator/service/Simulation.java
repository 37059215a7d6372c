package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.AdminInput;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.core.IvsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The developer-only simulation API ({@code POST /_emulator/simulate/{action}}, or
 * {@link IvsRealTimeService#admin}): what happens in a real stage without an API call (participants joining,
 * publishing, leaving; RTMP ingest starting) and the service clock.
 *
 * <p>Every action answers a JSON object; unknown stages, participants or ingest configurations give
 * ResourceNotFoundException, missing members ValidationException. Before anything happens every member is
 * checked: an unknown member or a value of the wrong JSON type (a string where a list is expected, a JSON
 * {@code null}, a capability or protocol outside its enum) is a ValidationException naming the member, the
 * expected type and the value ({@link AdminInput}, shared with the admin fault and quota checks).
 * <ul>
 *   <li>{@code join} {@code {"stageArn", "token"?, "userId"?, "attributes"?, "capabilities"?, "publish"?,
 *       "subscribe"?, "protocol"? (UNKNOWN|WHIP|RTMP|RTMPS, default WHIP), "ispName"?, "osName"?, "osVersion"?,
 *       "browserName"?, "browserVersion"?, "sdkVersion"?}}: a participant joins. With {@code token} (from
 *       CreateParticipantToken or CreateStage) its participant id, user id, attributes and capabilities come
 *       from the token; an unknown, revoked or expired token is rejected (ValidationException). Without a
 *       token a participant with a new id and the given (default: PUBLISH, SUBSCRIBE) capabilities joins.
 *       The first join opens a session. Answer {@code {"stageArn","sessionId","participantId","participant"}}.</li>
 *   <li>{@code publish}, {@code unpublish}, {@code leave} {@code {"stageArn","participantId"}};
 *       {@code subscribe}, {@code unsubscribe} {@code {"stageArn","participantId","remoteParticipantId"?}}:
 *       same answer. Publishing without the PUBLISH capability records PUBLISH_ERROR and fails; the last
 *       leave ends the session.</li>
 *   <li>{@code ingestStart} / {@code ingestStop} {@code {"ingestConfigurationArn"}}: the configuration's
 *       participant joins its stage and publishes with protocol RTMP/RTMPS (state ACTIVE), or leaves.</li>
 *   <li>{@code advanceTime} {@code {"seconds"}}: moves this service's clock forward (token expiry,
 *       composition start-up), at most to 9999-12-31T23:59:59Z; {@code now} {@code {}}: the current time.
 *       Answer {@code {"now"}}.</li>
 * </ul>
 */
final class Simulation {
    private static final String[] CLIENT_ATTRIBUTES = {"ispName", "osName", "osVersion", "browserName", "browserVersion", "sdkVersion"};
    /** The members each action accepts, with their types (in the order of the class comment). */
    private static final Map<String, Map<String, AdminInput.Kind>> MEMBERS = members();

    private final IvsRealTimeService service;
    private final Sessions sessions;

    Simulation(IvsRealTimeService service, Sessions sessions) {
        this.service = service;
        this.sessions = sessions;
    }

    ObjectNode run(String action, ObjectNode body, CallContext ctx) {
        ObjectNode in = body == null ? Json.obj() : body;
        Map<String, AdminInput.Kind> members = MEMBERS.get(action);
        if (members == null) {
            throw IvsException.validation("Unknown simulation action: " + action
                    + " (known: " + String.join(", ", MEMBERS.keySet()) + ")");
        }
        AdminInput.check(action, in, members);
        if (action.equals("advanceTime")) {
            return Json.wrap("now", Json.F.textNode(Json.time(service.advance(in.get("seconds")))));
        }
        if (action.equals("now")) {
            return Json.wrap("now", Json.F.textNode(Json.time(service.now())));
        }
        RegionStore s = service.store(ctx);
        s.lock.writeLock().lock();
        try {
            Instant now = service.now();
            if (action.startsWith("ingest")) {
                return ingest(action, in, s, now);
            }
            Stage st = s.stages.require(required(action, in, "stageArn"));
            Participant p;
            if (action.equals("join")) {
                p = join(in, s, st, now);
            } else {
                p = sessions.connected(st, required(action, in, "participantId"));
                String remote = Json.text(in, "remoteParticipantId", null);
                switch (action) {
                    case "publish" -> sessions.publish(s, st, p, now);
                    case "unpublish" -> sessions.unpublish(s, p, now);
                    case "subscribe" -> sessions.subscribe(st, p, remote, now);
                    case "unsubscribe" -> sessions.unsubscribe(p, remote, now);
                    default -> sessions.leave(s, st, p, now, false);
                }
            }
            return answer(st, p);
        } finally {
            s.lock.writeLock().unlock();
        }
    }

    private Participant join(ObjectNode in, RegionStore s, Stage st, Instant now) {
        ObjectNode client = null;
        for (String a : CLIENT_ATTRIBUTES) {
            if (Json.has(in, a)) {
                if (client == null) {
                    client = Json.obj();
                }
                client.put(a, in.get(a).asText());
            }
        }
        String protocol = Json.text(in, "protocol", "WHIP");
        String tokenText = Json.text(in, "token", null);
        Participant p;
        if (tokenText != null) {
            Token t = st.tokens == null ? null : st.tokens.get(tokenText);
            if (t == null) {
                throw IvsException.validation("join rejected: the token was not issued for stage " + st.arn);
            }
            if (t.revoked) {
                throw IvsException.validation("join rejected: participant " + t.participantId + " was disconnected and its token revoked");
            }
            if (!now.isBefore(t.expires)) {
                throw IvsException.validation("join rejected: the token expired at " + Json.time(t.expires));
            }
            p = sessions.join(st, new Sessions.Join(t.participantId, t.userId, t.attributes, t.capabilities.contains("PUBLISH"),
                    t.capabilities.contains("SUBSCRIBE"), client, protocol), now);
            p.token = t;
        } else {
            boolean pub = true;
            boolean sub = true;
            if (in.has("capabilities")) {
                List<String> caps = new ArrayList<>();
                in.get("capabilities").forEach(c -> caps.add(c.asText()));
                pub = caps.contains("PUBLISH");
                sub = caps.contains("SUBSCRIBE");
            }
            Map<String, String> attributes = Json.stringMap(in, "attributes");
            p = sessions.join(st, new Sessions.Join(Ids.alnum(12), Json.text(in, "userId", null), attributes, pub, sub,
                    client, protocol), now);
        }
        if (Json.bool(in, "publish", false)) {
            sessions.publish(s, st, p, now);
        }
        if (Json.bool(in, "subscribe", false)) {
            sessions.subscribe(st, p, null, now);
        }
        return p;
    }

    private ObjectNode ingest(String action, ObjectNode in, RegionStore s, Instant now) {
        Ingest i = s.ingests.require(required(action, in, "ingestConfigurationArn"));
        Stage st;
        Participant p;
        if (action.equals("ingestStart")) {
            if (i.publishingTo != null) {
                throw IvsException.conflict("IngestConfiguration " + i.arn + " is already publishing to " + i.publishingTo);
            }
            if (i.stageArn.isEmpty()) {
                throw IvsException.validation("IngestConfiguration " + i.arn + " is not attached to a stage (stageArn is empty)");
            }
            st = s.stages.require(i.stageArn);
            p = sessions.join(st, new Sessions.Join(i.participantId, i.userId, i.attributes, true, false, null,
                    i.protocol), now);
            p.ingestArn = i.arn;
            try {
                sessions.publish(s, st, p, now);
            } catch (IvsException e) {
                sessions.leave(s, st, p, now, false);
                throw e;
            }
            i.publishingTo = st.arn;
        } else {
            if (i.publishingTo == null) {
                throw IvsException.conflict("IngestConfiguration " + i.arn + " is not publishing");
            }
            st = s.stages.require(i.publishingTo);
            p = sessions.connected(st, i.participantId);
            sessions.leave(s, st, p, now, false);
        }
        ObjectNode out = answer(st, p);
        out.set("ingestConfiguration", i.full());
        return out;
    }

    private static ObjectNode answer(Stage st, Participant p) {
        ObjectNode o = Json.obj();
        o.put("stageArn", st.arn);
        Session se = null;
        if (st.sessions != null) {
            for (Session x : st.sessions) {
                if (x.participant(p.id) == p) {
                    se = x;
                }
            }
        }
        Json.putIfNotNull(o, "sessionId", se == null ? null : se.id);
        o.put("participantId", p.id);
        o.set("participant", p.full());
        return o;
    }

    private static String required(String action, ObjectNode in, String field) {
        String v = Json.text(in, field, null);
        if (v == null || v.isEmpty()) {
            throw IvsException.validation(action + " member " + field + " is required and must not be empty");
        }
        return v;
    }

    private static Map<String, Map<String, AdminInput.Kind>> members() {
        Map<String, AdminInput.Kind> join = new LinkedHashMap<>();
        join.put("stageArn", AdminInput.STRING);
        join.put("token", AdminInput.STRING);
        join.put("userId", AdminInput.STRING);
        join.put("attributes", AdminInput.STRING_MAP);
        join.put("capabilities", AdminInput.listOf("PUBLISH or SUBSCRIBE strings", AdminInput.oneOf("PUBLISH", "SUBSCRIBE")));
        join.put("publish", AdminInput.BOOLEAN);
        join.put("subscribe", AdminInput.BOOLEAN);
        join.put("protocol", AdminInput.oneOf("UNKNOWN", "WHIP", "RTMP", "RTMPS"));
        for (String a : CLIENT_ATTRIBUTES) {
            join.put(a, AdminInput.STRING);
        }
        Map<String, AdminInput.Kind> participant = Map.of("stageArn", AdminInput.STRING, "participantId", AdminInput.STRING);
        Map<String, AdminInput.Kind> remote = Map.of("stageArn", AdminInput.STRING, "participantId", AdminInput.STRING,
                "remoteParticipantId", AdminInput.STRING);
        Map<String, AdminInput.Kind> ingest = Map.of("ingestConfigurationArn", AdminInput.STRING);
        Map<String, Map<String, AdminInput.Kind>> all = new LinkedHashMap<>();
        all.put("join", Map.copyOf(join));
        all.put("publish", participant);
        all.put("unpublish", participant);
        all.put("subscribe", remote);
        all.put("unsubscribe", remote);
        all.put("leave", participant);
        all.put("ingestStart", ingest);
        all.put("ingestStop", ingest);
        all.put("advanceTime", Map.of("seconds", AdminInput.NUMBER));
        all.put("now", Map.of());
        return Collections.unmodifiableMap(all);
    }
}
