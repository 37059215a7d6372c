package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compositions (server-side mixing of a stage into channels and S3): StartComposition, GetComposition,
 * StopComposition, ListCompositions.
 *
 * <p>Idempotency: the same token with the same request returns the running composition; the same token with a
 * different request is a ConflictException. A stopped composition is deleted (GetComposition then 404) and frees
 * its token. Compositions are STARTING for one second of clock time, then ACTIVE; as in IVS a composition also
 * ends by itself 60 s after its stage became empty (counted from its start or the end of the stage's last
 * session, whichever is later), and DeleteStage ends those of the stage.
 */
final class CompositionOperations implements OperationRegistry.Family {
    private static final ObjectNode GRID_DEFAULTS = Json.parse(
            "{\"featuredParticipantAttribute\":\"\",\"omitStoppedVideo\":false,\"videoAspectRatio\":\"VIDEO\",\"gridGap\":2}");
    private static final ObjectNode PIP_DEFAULTS = Json.parse(
            "{\"featuredParticipantAttribute\":\"\",\"omitStoppedVideo\":false,\"videoFillMode\":\"COVER\",\"gridGap\":0,"
            + "\"pipParticipantAttribute\":\"\",\"pipBehavior\":\"STATIC\",\"pipOffset\":0,\"pipPosition\":\"BOTTOM_RIGHT\"}");
    private static final ObjectNode S3_DESTINATION_DEFAULTS = Json.parse(
            "{\"recordingConfiguration\":{\"format\":\"HLS\",\"hlsConfiguration\":{\"targetSegmentDurationSeconds\":2}}}");
    private static final ObjectNode THUMBNAIL_DEFAULTS = Json.parse(
            "{\"targetIntervalSeconds\":60,\"storage\":[\"SEQUENTIAL\"]}");

    private final Quotas quotas;

    CompositionOperations(Quotas quotas) {
        this.quotas = quotas;
    }

    @Override
    public void register(OperationRegistry r) {
        r.write("StartComposition", this::startComposition);
        r.read("GetComposition", this::getComposition);
        r.write("StopComposition", this::stopComposition);
        r.read("ListCompositions", this::listCompositions);
    }

    ObjectNode startComposition(ObjectNode in, RegionStore s, Instant now) {
        s.purgeEndedCompositions(now);
        String token = Json.text(in, "idempotencyToken", null);
        ObjectNode request = in.deepCopy();
        request.remove("idempotencyToken");
        if (token != null) {
            Composition existing = s.compositionsByToken.get(token);
            if (existing != null) {
                if (existing.request.equals(request)) {
                    return Json.wrap("composition", existing.full(now));
                }
                throw IvsException.conflict("idempotencyToken " + token + " was already used with a different request (composition "
                        + existing.arn + ")");
            }
        }
        Stage st = s.stages.require(Json.text(in, "stageArn", null));
        String arn = s.arn("composition");
        List<ObjectNode> destinations = new ArrayList<>();
        int index = 0;
        for (JsonNode d : in.path("destinations")) {
            destinations.add(destination(s, (ObjectNode) d, index++, Ids.idOf(arn)));
        }
        checkChannelsOffline(s, destinations, now);
        ObjectNode layout = in.has("layout") ? ((ObjectNode) in.get("layout")).deepCopy() : Json.obj();
        if (!layout.has("grid") && !layout.has("pip")) {
            layout.putObject("grid");
        }
        if (layout.has("grid")) {
            Json.fillDefaults((ObjectNode) layout.get("grid"), GRID_DEFAULTS);
        }
        if (layout.has("pip")) {
            Json.fillDefaults((ObjectNode) layout.get("pip"), PIP_DEFAULTS);
        }
        s.compositions.checkQuota(quotas);
        Composition c = new Composition(arn, s.nextSeq(), Resource.tagsOf(in), st.arn, layout, destinations, now, token,
                request);
        s.compositions.add(c);
        if (token != null) {
            s.compositionsByToken.put(token, c);
        }
        return Json.wrap("composition", c.full(now));
    }

    ObjectNode getComposition(ObjectNode in, RegionStore s, Instant now) {
        return Json.wrap("composition", s.composition(Json.text(in, "arn", null), now).full(now));
    }

    ObjectNode stopComposition(ObjectNode in, RegionStore s, Instant now) {
        s.purgeEndedCompositions(now);
        s.removeComposition(s.compositions.require(Json.text(in, "arn", null)));
        return Json.obj();
    }

    ObjectNode listCompositions(ObjectNode in, RegionStore s, Instant now) {
        String stage = Json.text(in, "filterByStageArn", null);
        String encoder = Json.text(in, "filterByEncoderConfigurationArn", null);
        return Pager.list(in, "compositions", s.compositions, 100,
                c -> (stage == null || stage.equals(c.stageArn)) && (encoder == null || c.uses(encoder))
                        && !s.ended(c, now),
                c -> c.summary(now));
    }

    /**
     * "The channel must be offline (not broadcasting)" (ChannelDestinationConfiguration, channelArn:
     * https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_ChannelDestinationConfiguration.html). The
     * channels themselves belong to the IVS low-latency API, which this endpoint does not serve: a channel counts as
     * broadcasting while a running composition sends to it. The same channel twice in one request is the request's
     * own mistake (ValidationException); a channel another composition broadcasts to is a state conflict
     * (ConflictException, which StartComposition declares).
     */
    private static void checkChannelsOffline(RegionStore s, List<ObjectNode> destinations, Instant now) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < destinations.size(); i++) {
            String channel = channelOf(destinations.get(i));
            if (channel == null) {
                continue;
            }
            if (seen.containsKey(channel)) {
                throw IvsException.validation("destinations." + i + ".channel.channelArn: the channel must be offline "
                        + "(not broadcasting), but destinations." + seen.get(channel) + " of this request already "
                        + "broadcasts to " + channel);
            }
            seen.put(channel, i);
            for (Composition c : s.compositions.values()) {
                if (!s.ended(c, now) && c.destinations.stream().anyMatch(d -> channel.equals(channelOf(d)))) {
                    throw IvsException.conflict("destinations." + i + ".channel.channelArn: the channel must be offline "
                            + "(not broadcasting), but composition " + c.arn + " broadcasts to " + channel);
                }
            }
        }
    }

    private static String channelOf(ObjectNode destination) {
        JsonNode arn = destination.path("configuration").path("channel").get("channelArn");
        return arn == null ? null : arn.asText();
    }

    private static ObjectNode destination(RegionStore s, ObjectNode given, int index, String compositionId) {
        ObjectNode cfg = given.deepCopy();
        boolean channel = Json.has(cfg, "channel");
        boolean s3 = Json.has(cfg, "s3");
        if (channel == s3) {
            throw IvsException.validation("destinations." + index + ": Either a channel or an s3 must be specified, got "
                    + (channel ? "both" : "neither"));
        }
        String id = Ids.alnum(12);
        ObjectNode d = Json.obj();
        d.put("id", id);
        if (channel) {
            String channelArn = cfg.path("channel").path("channelArn").asText();
            if (!Ids.sameAccountAndRegion(channelArn, s.account, s.region)) {
                throw IvsException.validation("destinations." + index + ".channel.channelArn: the channel must be in the account"
                        + " and region of the stage, got " + channelArn);
            }
            String encoder = Json.text(cfg.get("channel"), "encoderConfigurationArn", null);
            if (encoder != null) {
                s.encoders.require(encoder);
            }
        } else {
            ObjectNode c = (ObjectNode) cfg.get("s3");
            s.storages.require(Json.text(c, "storageConfigurationArn", null));
            for (JsonNode e : c.path("encoderConfigurationArns")) {
                s.encoders.require(e.asText());
            }
            Json.fillDefaults(c, S3_DESTINATION_DEFAULTS);
            for (JsonNode t : c.path("thumbnailConfigurations")) {
                Json.fillDefaults((ObjectNode) t, THUMBNAIL_DEFAULTS);
            }
            d.putObject("detail").putObject("s3").put("recordingPrefix", compositionId + "/" + id);
        }
        d.set("configuration", cfg);
        return d;
    }
}
