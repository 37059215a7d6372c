package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.time.Instant;
import java.util.Map;

/**
 * Ingest configurations (RTMP/RTMPS publishing into a stage): Create, Get, Update, Delete, List. A configuration
 * is ACTIVE while its participant publishes (simulated with {@code ingestStart}); an active one cannot be updated,
 * and is deleted only with {@code force}. The stage a create names must exist (ValidationException: the model
 * declares no ResourceNotFound for it); the stage an update names must exist (ResourceNotFoundException).
 */
final class IngestConfigurationOperations implements OperationRegistry.Family {
    private final Quotas quotas;
    private final Sessions sessions;

    IngestConfigurationOperations(Quotas quotas, Sessions sessions) {
        this.quotas = quotas;
        this.sessions = sessions;
    }

    @Override
    public void register(OperationRegistry r) {
        r.write("CreateIngestConfiguration", this::createIngestConfiguration);
        r.read("GetIngestConfiguration", this::getIngestConfiguration);
        r.write("UpdateIngestConfiguration", this::updateIngestConfiguration);
        r.write("DeleteIngestConfiguration", this::deleteIngestConfiguration);
        r.read("ListIngestConfigurations", this::listIngestConfigurations);
    }

    ObjectNode createIngestConfiguration(ObjectNode in, RegionStore s, Instant now) {
        String protocol = Json.text(in, "ingestProtocol", "RTMPS");
        boolean insecure = Json.bool(in, "insecureIngest", false);
        if ("RTMP".equals(protocol) && !insecure) {
            throw IvsException.validation("insecureIngest: must be true when ingestProtocol is RTMP, got "
                    + (Json.has(in, "insecureIngest") ? "false" : "none (default false)"));
        }
        String stageArn = Json.text(in, "stageArn", "");
        if (!stageArn.isEmpty() && s.stages.find(stageArn) == null) {
            throw IvsException.validation("stageArn: Stage not found: " + stageArn);
        }
        Map<String, String> attributes = Json.stringMap(in, "attributes");
        Json.checkAttributesSize(attributes, "attributes");
        s.ingests.checkQuota(quotas);
        String arn = s.arn("ingest-configuration");
        String streamKey = "rt_" + s.account + "_" + s.region + "_" + Ids.idOf(arn) + "_" + Ids.alnum(32);
        Ingest i = new Ingest(arn, s.nextSeq(), Json.text(in, "name", ""), Resource.tagsOf(in), protocol, insecure,
                stageArn, Json.text(in, "userId", null), attributes, Ids.alnum(12), streamKey);
        s.ingests.add(i);
        return Json.wrap("ingestConfiguration", i.full());
    }

    ObjectNode getIngestConfiguration(ObjectNode in, RegionStore s, Instant now) {
        return Json.wrap("ingestConfiguration", s.ingests.require(Json.text(in, "arn", null)).full());
    }

    ObjectNode updateIngestConfiguration(ObjectNode in, RegionStore s, Instant now) {
        Ingest i = s.ingests.require(Json.text(in, "arn", null));
        if (i.publishingTo != null) {
            throw IvsException.conflict("IngestConfiguration " + i.arn + " is ACTIVE and cannot be updated");
        }
        if (in.has("stageArn")) {
            String stageArn = Json.text(in, "stageArn", "");
            if (!stageArn.isEmpty()) {
                s.stages.require(stageArn);
            }
            i.stageArn = stageArn;
        }
        return Json.wrap("ingestConfiguration", i.full());
    }

    ObjectNode deleteIngestConfiguration(ObjectNode in, RegionStore s, Instant now) {
        Ingest i = s.ingests.require(Json.text(in, "arn", null));
        if (i.publishingTo != null) {
            if (!Json.bool(in, "force", false)) {
                throw IvsException.conflict("IngestConfiguration " + i.arn + " is publishing to " + i.publishingTo
                        + "; set force to delete it");
            }
            Stage st = s.stages.find(i.publishingTo);
            if (st != null && st.active != null) {
                Participant p = st.active.participant(i.participantId);
                if (p != null) {
                    sessions.leave(s, st, p, now, true);
                }
            }
            i.publishingTo = null;
        }
        s.ingests.remove(i);
        return Json.obj();
    }

    ObjectNode listIngestConfigurations(ObjectNode in, RegionStore s, Instant now) {
        String stage = Json.text(in, "filterByStageArn", null);
        String state = Json.text(in, "filterByState", null);
        return Pager.list(in, "ingestConfigurations", s.ingests, 50,
                i -> (stage == null || stage.equals(i.stageArn)) && (state == null || state.equals(i.state())),
                Ingest::summary);
    }
}
