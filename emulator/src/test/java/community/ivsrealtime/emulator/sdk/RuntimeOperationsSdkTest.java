package community.ivsrealtime.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import community.ivsrealtime.emulator.core.IvsException;
import community.ivsrealtime.emulator.service.Quotas;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.model.Composition;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionState;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.DestinationConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.DestinationState;
import software.amazon.awssdk.services.ivsrealtime.model.Event;
import software.amazon.awssdk.services.ivsrealtime.model.EventErrorCode;
import software.amazon.awssdk.services.ivsrealtime.model.EventName;
import software.amazon.awssdk.services.ivsrealtime.model.IngestProtocol;
import software.amazon.awssdk.services.ivsrealtime.model.Participant;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantProtocol;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantRecordingFilterByRecordingState;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantReplica;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantState;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantToken;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantTokenCapability;
import software.amazon.awssdk.services.ivsrealtime.model.PipPosition;
import software.amazon.awssdk.services.ivsrealtime.model.ReplicationState;
import software.amazon.awssdk.services.ivsrealtime.model.ReplicationType;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivsrealtime.model.StageSession;
import software.amazon.awssdk.services.ivsrealtime.model.StageSessionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;
import software.amazon.awssdk.services.ivsrealtime.model.VideoAspectRatio;

/** Participant tokens, sessions, participants, events, replication and compositions through the SDK. */
class RuntimeOperationsSdkTest extends SdkTestBase {
    private static final String MISSING_STAGE = "arn:aws:ivs:us-east-1:123456789012:stage/AAAAAAAAAAAA";

    private static String newStage() {
        return ivs.createStage(r -> { }).stage().arn();
    }

    // ------------------------------------------------------------------------------------------ tokens

    @Test
    void createParticipantToken() {
        String stage = newStage();
        Instant now = local.service().now();
        ParticipantToken t = ivs.createParticipantToken(r -> r.stageArn(stage).duration(60).userId("bob")
                .attributes(Map.of("seat", "3")).capabilities(ParticipantTokenCapability.PUBLISH)).participantToken();
        assertThat(t.duration()).isEqualTo(60);
        assertThat(t.userId()).isEqualTo("bob");
        assertThat(t.attributes()).containsExactly(Map.entry("seat", "3"));
        assertThat(t.capabilities()).containsExactly(ParticipantTokenCapability.PUBLISH);
        assertThat(Duration.between(now, t.expirationTime()).toMinutes()).isBetween(59L, 60L);
        assertThat(t.token().split("\\.")).hasSize(3);
        ParticipantToken d = ivs.createParticipantToken(r -> r.stageArn(stage)).participantToken();
        assertThat(d.duration()).isEqualTo(720);
        assertThat(d.capabilities()).containsExactly(ParticipantTokenCapability.PUBLISH, ParticipantTokenCapability.SUBSCRIBE);

        assertThatThrownBy(() -> ivs.createParticipantToken(r -> r.stageArn(MISSING_STAGE)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(MISSING_STAGE);
        Map<String, String> big = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            big.put("k" + i, "x".repeat(100));
        }
        assertThatThrownBy(() -> ivs.createParticipantToken(r -> r.stageArn(stage).attributes(big)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1 KB");
    }

    @Test
    void tokensAreCheckedAtJoin() {
        String stage = newStage();
        String other = newStage();
        ParticipantToken t = ivs.createParticipantToken(r -> r.stageArn(stage).duration(1)).participantToken();
        assertThatThrownBy(() -> sim("join", "stageArn", other, "token", t.token()))
                .isInstanceOf(IvsException.class).hasMessageContaining("not issued");
        sim("advanceTime", "seconds", 61);
        assertThatThrownBy(() -> sim("join", "stageArn", stage, "token", t.token()))
                .isInstanceOf(IvsException.class).hasMessageContaining("expired");
        ParticipantToken fresh = ivs.createParticipantToken(r -> r.stageArn(stage)).participantToken();
        assertThat(sim("join", "stageArn", stage, "token", fresh.token()).get("participantId").asText())
                .isEqualTo(fresh.participantId());
        assertThatThrownBy(() -> sim("join", "stageArn", stage, "token", fresh.token()))
                .isInstanceOf(IvsException.class).hasMessageContaining("already connected");
    }

    // ------------------------------------------------------------------------------------------ sessions

    @Test
    void sessionsOpenAndEnd() {
        String stage = newStage();
        assertThat(ivs.listStageSessions(r -> r.stageArn(stage)).stageSessions()).isEmpty();
        var a = sim("join", "stageArn", stage, "userId", "a");
        var b = sim("join", "stageArn", stage, "userId", "b");
        String sessionId = a.get("sessionId").asText();
        assertThat(sessionId).matches("st-[a-zA-Z0-9]{13}");
        assertThat(b.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(ivs.getStage(r -> r.arn(stage)).stage().activeSessionId()).isEqualTo(sessionId);
        assertThat(ivs.listStages(r -> { }).stages().get(0).activeSessionId()).isEqualTo(sessionId);
        StageSession s = ivs.getStageSession(r -> r.stageArn(stage).sessionId(sessionId)).stageSession();
        assertThat(s.sessionId()).isEqualTo(sessionId);
        assertThat(s.startTime()).isNotNull();
        assertThat(s.endTime()).isNull();

        sim("leave", "stageArn", stage, "participantId", a.get("participantId").asText());
        assertThat(ivs.getStage(r -> r.arn(stage)).stage().activeSessionId()).isEqualTo(sessionId);
        sim("advanceTime", "seconds", 5);
        sim("leave", "stageArn", stage, "participantId", b.get("participantId").asText());
        assertThat(ivs.getStage(r -> r.arn(stage)).stage().activeSessionId()).isNull();
        StageSession ended = ivs.getStageSession(r -> r.stageArn(stage).sessionId(sessionId)).stageSession();
        assertThat(Duration.between(ended.startTime(), ended.endTime()).getSeconds()).isEqualTo(5);

        String second = sim("join", "stageArn", stage).get("sessionId").asText();
        assertThat(second).isNotEqualTo(sessionId);
        sim("join", "stageArn", stage);
        List<String> ids = new ArrayList<>();
        int[] pages = {0};
        ivs.listStageSessionsPaginator(r -> r.stageArn(stage).maxResults(1)).forEach(p -> {
            pages[0]++;
            p.stageSessions().forEach(x -> ids.add(x.sessionId()));
        });
        assertThat(ids).containsExactly(sessionId, second);
        assertThat(pages[0]).isEqualTo(2);
        assertThat(ivs.listStageSessions(r -> r.stageArn(stage)).stageSessions())
                .extracting(StageSessionSummary::endTime).first().isNotNull();

        assertThatThrownBy(() -> ivs.getStageSession(r -> r.stageArn(stage).sessionId("st-AAAAAAAAAAAAA")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("st-AAAAAAAAAAAAA");
        assertThatThrownBy(() -> ivs.getStageSession(r -> r.stageArn(MISSING_STAGE).sessionId(sessionId)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.listStageSessions(r -> r.stageArn(MISSING_STAGE)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    // ------------------------------------------------------------------------------------------ participants

    @Test
    void participantsAndFilters() {
        String storage = ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName("rec-bucket"))).storageConfiguration().arn();
        String stage = ivs.createStage(r -> r.autoParticipantRecordingConfiguration(c -> c.storageConfigurationArn(storage)))
                .stage().arn();
        ParticipantToken t = ivs.createParticipantToken(r -> r.stageArn(stage).userId("host").attributes(Map.of("role", "host")))
                .participantToken();
        var host = sim("join", "stageArn", stage, "token", t.token(), "publish", true, "browserName", "Firefox",
                "osName", "Linux", "sdkVersion", "1.2.3");
        String session = host.get("sessionId").asText();
        var viewer = sim("join", "stageArn", stage, "userId", "viewer", "capabilities", List.of("SUBSCRIBE"));
        var gone = sim("join", "stageArn", stage, "userId", "gone");
        sim("leave", "stageArn", stage, "participantId", gone.get("participantId").asText());

        Participant p = ivs.getParticipant(r -> r.stageArn(stage).sessionId(session).participantId(t.participantId())).participant();
        assertThat(p.userId()).isEqualTo("host");
        assertThat(p.attributes()).containsEntry("role", "host");
        assertThat(p.state()).isEqualTo(ParticipantState.CONNECTED);
        assertThat(p.published()).isTrue();
        assertThat(p.browserName()).isEqualTo("Firefox");
        assertThat(p.osName()).isEqualTo("Linux");
        assertThat(p.sdkVersion()).isEqualTo("1.2.3");
        assertThat(p.protocol()).isEqualTo(ParticipantProtocol.WHIP);
        assertThat(p.recordingStateAsString()).isEqualTo("ACTIVE");
        assertThat(p.recordingS3BucketName()).isEqualTo("rec-bucket");
        assertThat(p.recordingS3Prefix()).isNotEmpty();
        assertThat(p.replicationType()).isEqualTo(ReplicationType.NONE);
        assertThat(p.firstJoinTime()).isNotNull();

        assertThat(ids(ivs.listParticipants(r -> r.stageArn(stage).sessionId(session)).participants()))
                .containsExactly(t.participantId(), viewer.get("participantId").asText(), gone.get("participantId").asText());
        assertThat(ivs.listParticipants(r -> r.stageArn(stage).sessionId(session).filterByUserId("viewer")).participants())
                .extracting(ParticipantSummary::userId).containsExactly("viewer");
        assertThat(ids(ivs.listParticipants(r -> r.stageArn(stage).sessionId(session).filterByPublished(true)).participants()))
                .containsExactly(t.participantId());
        assertThat(ivs.listParticipants(r -> r.stageArn(stage).sessionId(session).filterByState(ParticipantState.DISCONNECTED))
                .participants()).extracting(ParticipantSummary::userId).containsExactly("gone");
        assertThat(ids(ivs.listParticipants(r -> r.stageArn(stage).sessionId(session)
                .filterByRecordingState(ParticipantRecordingFilterByRecordingState.ACTIVE)).participants()))
                .containsExactly(t.participantId());
        List<String> paged = new ArrayList<>();
        ivs.listParticipantsPaginator(r -> r.stageArn(stage).sessionId(session).maxResults(2))
                .forEach(page -> paged.addAll(ids(page.participants())));
        assertThat(paged).hasSize(3).doesNotHaveDuplicates();
        assertThat(ivs.listParticipants(r -> r.stageArn(stage).sessionId("st-AAAAAAAAAAAAA")).participants()).isEmpty();

        assertThatThrownBy(() -> ivs.getParticipant(r -> r.stageArn(stage).sessionId(session).participantId("nobody")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> ivs.getParticipant(r -> r.stageArn(stage).sessionId("st-AAAAAAAAAAAAA").participantId("x")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.listParticipants(r -> r.stageArn(MISSING_STAGE).sessionId(session)))
                .isInstanceOf(ResourceNotFoundException.class);
        // a participant without PUBLISH cannot publish
        assertThatThrownBy(() -> sim("publish", "stageArn", stage, "participantId", viewer.get("participantId").asText()))
                .isInstanceOf(IvsException.class).hasMessageContaining("PUBLISH");
    }

    @Test
    void participantEvents() {
        String stage = newStage();
        var pub = sim("join", "stageArn", stage, "publish", true);
        String pubId = pub.get("participantId").asText();
        String session = pub.get("sessionId").asText();
        var sub = sim("join", "stageArn", stage, "capabilities", List.of("SUBSCRIBE"));
        String subId = sub.get("participantId").asText();
        sim("subscribe", "stageArn", stage, "participantId", subId, "remoteParticipantId", pubId);
        sim("unsubscribe", "stageArn", stage, "participantId", subId, "remoteParticipantId", pubId);
        assertThatThrownBy(() -> sim("publish", "stageArn", stage, "participantId", subId)).isInstanceOf(IvsException.class);
        sim("unpublish", "stageArn", stage, "participantId", pubId);
        sim("leave", "stageArn", stage, "participantId", pubId);

        List<Event> pubEvents = new ArrayList<>();
        int[] pages = {0};
        ivs.listParticipantEventsPaginator(r -> r.stageArn(stage).sessionId(session).participantId(pubId).maxResults(1))
                .forEach(p -> {
                    pages[0]++;
                    pubEvents.addAll(p.events());
                });
        assertThat(pages[0]).isEqualTo(4);
        assertThat(pubEvents).extracting(Event::name)
                .containsExactly(EventName.JOINED, EventName.PUBLISH_STARTED, EventName.PUBLISH_STOPPED, EventName.LEFT);
        assertThat(pubEvents).allSatisfy(e -> {
            assertThat(e.participantId()).isEqualTo(pubId);
            assertThat(e.eventTime()).isNotNull();
            assertThat(e.replica()).isFalse();
        });
        List<Event> subEvents = ivs.listParticipantEvents(r -> r.stageArn(stage).sessionId(session).participantId(subId)).events();
        assertThat(subEvents).extracting(Event::name, Event::remoteParticipantId, Event::errorCode).containsExactly(
                tuple(EventName.JOINED, null, null),
                tuple(EventName.SUBSCRIBE_STARTED, pubId, null),
                tuple(EventName.SUBSCRIBE_STOPPED, pubId, null),
                tuple(EventName.PUBLISH_ERROR, null, EventErrorCode.INSUFFICIENT_CAPABILITIES));
        assertThat(ivs.listParticipantEvents(r -> r.stageArn(stage).sessionId(session).participantId("nobody")).events()).isEmpty();
        assertThatThrownBy(() -> ivs.listParticipantEvents(r -> r.stageArn(MISSING_STAGE).sessionId(session).participantId(pubId)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void disconnectParticipant() {
        String stage = newStage();
        ParticipantToken t = ivs.createParticipantToken(r -> r.stageArn(stage)).participantToken();
        var joined = sim("join", "stageArn", stage, "token", t.token(), "publish", true);
        String session = joined.get("sessionId").asText();
        ivs.disconnectParticipant(r -> r.stageArn(stage).participantId(t.participantId()).reason("bye"));
        Participant p = ivs.getParticipant(r -> r.stageArn(stage).sessionId(session).participantId(t.participantId())).participant();
        assertThat(p.state()).isEqualTo(ParticipantState.DISCONNECTED);
        assertThat(p.published()).as("ever published to the session").isTrue();
        assertThat(ivs.listParticipantEvents(r -> r.stageArn(stage).sessionId(session).participantId(t.participantId())).events())
                .extracting(Event::name).endsWith(EventName.PUBLISH_STOPPED, EventName.LEFT);
        assertThat(ivs.getStage(r -> r.arn(stage)).stage().activeSessionId()).isNull();
        // the token is revoked
        assertThatThrownBy(() -> sim("join", "stageArn", stage, "token", t.token()))
                .isInstanceOf(IvsException.class).hasMessageContaining("revoked");
        assertThatThrownBy(() -> ivs.disconnectParticipant(r -> r.stageArn(stage).participantId(t.participantId())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.disconnectParticipant(r -> r.stageArn(MISSING_STAGE).participantId("x")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void disconnectingAnIngestParticipantDetachesItsConfiguration() {
        String stage = newStage();
        var ic = ivs.createIngestConfiguration(r -> r.ingestProtocol(IngestProtocol.RTMPS).stageArn(stage)).ingestConfiguration();
        sim("ingestStart", "ingestConfigurationArn", ic.arn());
        ivs.disconnectParticipant(r -> r.stageArn(stage).participantId(ic.participantId()));
        var after = ivs.getIngestConfiguration(r -> r.arn(ic.arn())).ingestConfiguration();
        assertThat(after.stageArn()).isEmpty();
        assertThat(after.stateAsString()).isEqualTo("INACTIVE");
    }

    @Test
    void participantsPerStageQuota() {
        String stage = newStage();
        local.service().quotas().set(Quotas.PARTICIPANTS_PER_STAGE, 2);
        sim("join", "stageArn", stage);
        sim("join", "stageArn", stage);
        assertThatThrownBy(() -> sim("join", "stageArn", stage))
                .isInstanceOfSatisfying(IvsException.class, e -> assertThat(e.status()).isEqualTo(402));
        local.service().quotas().set(Quotas.PUBLISHERS_PER_STAGE, 1);
        String other = newStage();
        sim("join", "stageArn", other, "publish", true);
        assertThatThrownBy(() -> sim("join", "stageArn", other, "publish", true))
                .isInstanceOfSatisfying(IvsException.class, e -> assertThat(e.code()).isEqualTo("ServiceQuotaExceededException"));
    }

    // ------------------------------------------------------------------------------------------ replication

    @Test
    void participantReplication() {
        String source = newStage();
        String destination = newStage();
        String third = newStage();
        var pub = sim("join", "stageArn", source, "userId", "star", "publish", true);
        String id = pub.get("participantId").asText();
        String sourceSession = pub.get("sessionId").asText();
        var idle = sim("join", "stageArn", source);

        assertThatThrownBy(() -> ivs.startParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(destination)
                .participantId(idle.get("participantId").asText()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ivs.startParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(destination)
                .participantId("nobody"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.startParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(MISSING_STAGE)
                .participantId(id))).isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(MISSING_STAGE);
        assertThatThrownBy(() -> ivs.startParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(source)
                .participantId(id))).isInstanceOf(ValidationException.class);

        ivs.startParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(destination).participantId(id)
                .reconnectWindowSeconds(10));
        assertThatThrownBy(() -> ivs.startParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(destination)
                .participantId(id))).isInstanceOf(ConflictException.class);
        ivs.startParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(third).participantId(id));

        String destSession = ivs.getStage(r -> r.arn(destination)).stage().activeSessionId();
        assertThat(destSession).isNotNull();
        Participant replica = ivs.getParticipant(r -> r.stageArn(destination).sessionId(destSession).participantId(id)).participant();
        assertThat(replica.replicationType()).isEqualTo(ReplicationType.REPLICA);
        assertThat(replica.replicationState()).isEqualTo(ReplicationState.ACTIVE);
        assertThat(replica.sourceStageArn()).isEqualTo(source);
        assertThat(replica.sourceSessionId()).isEqualTo(sourceSession);
        assertThat(replica.published()).isTrue();
        assertThat(replica.userId()).isEqualTo("star");
        Participant src = ivs.getParticipant(r -> r.stageArn(source).sessionId(sourceSession).participantId(id)).participant();
        assertThat(src.replicationType()).isEqualTo(ReplicationType.SOURCE);

        List<ParticipantReplica> replicas = new ArrayList<>();
        ivs.listParticipantReplicasPaginator(r -> r.sourceStageArn(source).participantId(id).maxResults(1)).replicas()
                .forEach(replicas::add);
        assertThat(replicas).extracting(ParticipantReplica::destinationStageArn).containsExactly(destination, third);
        assertThat(replicas.get(0).destinationSessionId()).isEqualTo(destSession);
        assertThat(replicas.get(0).sourceSessionId()).isEqualTo(sourceSession);
        assertThat(replicas.get(0).replicationState()).isEqualTo(ReplicationState.ACTIVE);

        List<Event> srcEvents = ivs.listParticipantEvents(r -> r.stageArn(source).sessionId(sourceSession).participantId(id)).events();
        assertThat(srcEvents).filteredOn(e -> e.name() == EventName.REPLICATION_STARTED)
                .extracting(Event::destinationStageArn, Event::destinationSessionId).first().isEqualTo(tuple(destination, destSession));
        List<Event> replicaEvents = ivs.listParticipantEvents(r -> r.stageArn(destination).sessionId(destSession).participantId(id)).events();
        assertThat(replicaEvents).extracting(Event::name).containsExactly(EventName.JOINED, EventName.PUBLISH_STARTED);
        assertThat(replicaEvents).allSatisfy(e -> assertThat(e.replica()).isTrue());

        ivs.stopParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(destination).participantId(id));
        assertThat(ivs.listParticipantReplicas(r -> r.sourceStageArn(source).participantId(id)).replicas())
                .extracting(ParticipantReplica::replicationState).containsExactly(ReplicationState.STOPPED, ReplicationState.ACTIVE);
        assertThat(ivs.getStage(r -> r.arn(destination)).stage().activeSessionId()).isNull();
        assertThat(ivs.listParticipantEvents(r -> r.stageArn(source).sessionId(sourceSession).participantId(id)).events())
                .extracting(Event::name).contains(EventName.REPLICATION_STOPPED);
        assertThatThrownBy(() -> ivs.stopParticipantReplication(r -> r.sourceStageArn(source).destinationStageArn(destination)
                .participantId(id))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.listParticipantReplicas(r -> r.sourceStageArn(MISSING_STAGE).participantId(id)))
                .isInstanceOf(ResourceNotFoundException.class);

        // the source leaving stops the remaining replication
        sim("leave", "stageArn", source, "participantId", id);
        assertThat(ivs.listParticipantReplicas(r -> r.sourceStageArn(source).participantId(id)).replicas())
                .extracting(ParticipantReplica::replicationState).containsOnly(ReplicationState.STOPPED);
        assertThat(ivs.getStage(r -> r.arn(third)).stage().activeSessionId()).isNull();
    }

    // ------------------------------------------------------------------------------------------ compositions

    @Test
    void compositionLifecycle() {
        String stage = newStage();
        String encoder = ivs.createEncoderConfiguration(r -> { }).encoderConfiguration().arn();
        String storage = ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName("bucket"))).storageConfiguration().arn();
        String channel = "arn:aws:ivs:us-east-1:123456789012:channel/abcdABCDefgh";
        Composition c = ivs.startComposition(r -> r.stageArn(stage).idempotencyToken("tok-1")
                .destinations(
                        DestinationConfiguration.builder().name("live").channel(ch -> ch.channelArn(channel).encoderConfigurationArn(encoder)).build(),
                        DestinationConfiguration.builder().s3(s -> s.storageConfigurationArn(storage).encoderConfigurationArns(encoder)
                                .thumbnailConfigurations(t -> t.targetIntervalSeconds(5))).build())).composition();
        assertThat(c.arn()).matches("arn:aws:ivs:us-east-1:123456789012:composition/[a-zA-Z0-9]{12}");
        assertThat(c.stageArn()).isEqualTo(stage);
        assertThat(c.state()).isEqualTo(CompositionState.STARTING);
        assertThat(c.startTime()).isNotNull();
        assertThat(c.layout().grid().gridGap()).isEqualTo(2);
        assertThat(c.layout().grid().videoAspectRatio()).isEqualTo(VideoAspectRatio.VIDEO);
        assertThat(c.layout().grid().featuredParticipantAttribute()).isEmpty();
        assertThat(c.destinations()).hasSize(2);
        assertThat(c.destinations()).extracting(d -> d.id()).doesNotHaveDuplicates().allMatch(id -> !id.isEmpty());
        assertThat(c.destinations().get(0).configuration().channel().channelArn()).isEqualTo(channel);
        assertThat(c.destinations().get(0).configuration().name()).isEqualTo("live");
        assertThat(c.destinations().get(0).detail()).isNull();
        var s3 = c.destinations().get(1);
        assertThat(s3.detail().s3().recordingPrefix()).isNotEmpty();
        assertThat(s3.configuration().s3().recordingConfiguration().hlsConfiguration().targetSegmentDurationSeconds()).isEqualTo(2);
        assertThat(s3.configuration().s3().recordingConfiguration().formatAsString()).isEqualTo("HLS");
        assertThat(s3.configuration().s3().thumbnailConfigurations().get(0).targetIntervalSeconds()).isEqualTo(5);
        assertThat(s3.configuration().s3().thumbnailConfigurations().get(0).storageAsStrings()).containsExactly("SEQUENTIAL");
        assertThat(s3.state()).isEqualTo(DestinationState.STARTING);

        sim("advanceTime", "seconds", 2);
        Composition active = ivs.getComposition(r -> r.arn(c.arn())).composition();
        assertThat(active.state()).isEqualTo(CompositionState.ACTIVE);
        assertThat(active.destinations()).extracting(d -> d.state()).containsOnly(DestinationState.ACTIVE);

        // idempotency: a retry returns the same composition, a different request with the token conflicts
        Composition retry = ivs.startComposition(r -> r.stageArn(stage).idempotencyToken("tok-1")
                .destinations(
                        DestinationConfiguration.builder().name("live").channel(ch -> ch.channelArn(channel).encoderConfigurationArn(encoder)).build(),
                        DestinationConfiguration.builder().s3(s -> s.storageConfigurationArn(storage).encoderConfigurationArns(encoder)
                                .thumbnailConfigurations(t -> t.targetIntervalSeconds(5))).build())).composition();
        assertThat(retry.arn()).isEqualTo(c.arn());
        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(stage).idempotencyToken("tok-1")
                .destinations(d -> d.channel(ch -> ch.channelArn(channel))))).isInstanceOf(ConflictException.class);
        assertThat(ivs.listCompositions(r -> { }).compositions()).hasSize(1);

        // configurations in use cannot be deleted
        assertThatThrownBy(() -> ivs.deleteEncoderConfiguration(r -> r.arn(encoder)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(c.arn());
        assertThatThrownBy(() -> ivs.deleteStorageConfiguration(r -> r.arn(storage)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(c.arn());

        ivs.stopComposition(r -> r.arn(c.arn()));
        assertThatThrownBy(() -> ivs.getComposition(r -> r.arn(c.arn()))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.stopComposition(r -> r.arn(c.arn()))).isInstanceOf(ResourceNotFoundException.class);
        ivs.deleteEncoderConfiguration(r -> r.arn(encoder));
        ivs.deleteStorageConfiguration(r -> r.arn(storage));
        // a stopped composition frees its token
        assertThat(ivs.startComposition(r -> r.stageArn(stage).idempotencyToken("tok-1")
                .destinations(d -> d.channel(ch -> ch.channelArn(channel)))).composition().arn()).isNotEqualTo(c.arn());
    }

    @Test
    void compositionValidationAndReferences() {
        String stage = newStage();
        String encoder = ivs.createEncoderConfiguration(r -> { }).encoderConfiguration().arn();
        String storage = ivs.createStorageConfiguration(r -> r.s3(s -> s.bucketName("bucket"))).storageConfiguration().arn();
        String channel = "arn:aws:ivs:us-east-1:123456789012:channel/abcdABCDefgh";
        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(stage).destinations(d -> d.name("empty"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("destinations.0: Either a channel or an s3 must be specified, got neither");
        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(stage).destinations(d -> d.channel(ch -> ch.channelArn(channel))
                .s3(s -> s.storageConfigurationArn(storage).encoderConfigurationArns(encoder)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("destinations.0: Either a channel or an s3 must be specified, got both");
        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(stage).destinations(d -> d.channel(ch -> ch.channelArn(
                "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh"))))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("destinations.0.channel.channelArn: ")
                .hasMessageContaining("got arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh");
        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(MISSING_STAGE).destinations(d -> d.channel(ch -> ch.channelArn(channel)))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(MISSING_STAGE);
        String missingEncoder = encoder.substring(0, encoder.lastIndexOf('/') + 1) + "AAAAAAAAAAAA";
        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(stage).destinations(d -> d.channel(ch -> ch.channelArn(channel)
                .encoderConfigurationArn(missingEncoder))))).isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(missingEncoder);
        String missingStorage = storage.substring(0, storage.lastIndexOf('/') + 1) + "AAAAAAAAAAAA";
        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(stage).destinations(d -> d.s3(s -> s
                .storageConfigurationArn(missingStorage).encoderConfigurationArns(encoder)))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(missingStorage);
        assertThat(ivs.listCompositions(r -> { }).compositions()).isEmpty();

        Composition pip = ivs.startComposition(r -> r.stageArn(stage).layout(l -> l.pip(p -> p.pipParticipantAttribute("main")))
                .destinations(d -> d.channel(ch -> ch.channelArn(channel)))).composition();
        assertThat(pip.layout().grid()).isNull();
        assertThat(pip.layout().pip().pipParticipantAttribute()).isEqualTo("main");
        assertThat(pip.layout().pip().pipPosition()).isEqualTo(PipPosition.BOTTOM_RIGHT);
        assertThat(pip.layout().pip().gridGap()).isZero();
    }

    @Test
    void listCompositionsFiltersPaginatesAndQuota() {
        String a = newStage();
        String b = newStage();
        String encoder = ivs.createEncoderConfiguration(r -> { }).encoderConfiguration().arn();
        String channel = "arn:aws:ivs:us-east-1:123456789012:channel/abcdABCDefgh";
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String stage = i < 3 ? a : b;
            boolean withEncoder = i % 2 == 0;
            String own = channel + i; // a channel broadcasts for one composition at a time
            all.add(ivs.startComposition(r -> r.stageArn(stage).destinations(d -> d.channel(ch -> {
                ch.channelArn(own);
                if (withEncoder) {
                    ch.encoderConfigurationArn(encoder);
                }
            }))).composition().arn());
        }
        assertThatThrownBy(() -> ivs.startComposition(r -> r.stageArn(a).destinations(d -> d.channel(ch -> ch.channelArn(channel)))))
                .isInstanceOf(ServiceQuotaExceededException.class);
        List<String> paged = new ArrayList<>();
        int[] pages = {0};
        ivs.listCompositionsPaginator(r -> r.maxResults(2)).forEach(p -> {
            pages[0]++;
            p.compositions().forEach(c -> paged.add(c.arn()));
        });
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(pages[0]).isEqualTo(3);
        assertThat(ivs.listCompositions(r -> r.filterByStageArn(b)).compositions()).extracting(CompositionSummary::arn)
                .containsExactly(all.get(3), all.get(4));
        assertThat(ivs.listCompositions(r -> r.filterByEncoderConfigurationArn(encoder)).compositions()).extracting(CompositionSummary::arn)
                .containsExactly(all.get(0), all.get(2), all.get(4));
        CompositionSummary s = ivs.listCompositions(r -> r.filterByStageArn(b)).compositions().get(0);
        assertThat(s.stageArn()).isEqualTo(b);
        assertThat(s.destinations()).hasSize(1);
        assertThat(s.startTime()).isNotNull();
        // deleting the stage removes its compositions
        ivs.deleteStage(r -> r.arn(b));
        assertThat(ivs.listCompositions(r -> { }).compositions()).hasSize(3);
        assertThatThrownBy(() -> ivs.getComposition(r -> r.arn(all.get(4)))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void compositionEndsAMinuteAfterItsStageIsEmpty() {
        String stage = newStage();
        String encoder = ivs.createEncoderConfiguration(r -> { }).encoderConfiguration().arn();
        String channel = "arn:aws:ivs:us-east-1:123456789012:channel/abcdABCDefgh";
        var host = sim("join", "stageArn", stage, "publish", true);
        String arn = ivs.startComposition(r -> r.stageArn(stage).destinations(d -> d.channel(ch -> ch.channelArn(channel)
                .encoderConfigurationArn(encoder)))).composition().arn();
        sim("advanceTime", "seconds", 120);
        assertThat(ivs.getComposition(r -> r.arn(arn)).composition().state()).isEqualTo(CompositionState.ACTIVE);
        sim("leave", "stageArn", stage, "participantId", host.get("participantId").asText());
        sim("advanceTime", "seconds", 59);
        assertThat(ivs.listCompositions(r -> { }).compositions()).extracting(CompositionSummary::arn).containsExactly(arn);
        assertThatThrownBy(() -> ivs.deleteEncoderConfiguration(r -> r.arn(encoder))).isInstanceOf(ConflictException.class);
        sim("advanceTime", "seconds", 1);
        assertThatThrownBy(() -> ivs.getComposition(r -> r.arn(arn))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(ivs.listCompositions(r -> { }).compositions()).isEmpty();
        ivs.deleteEncoderConfiguration(r -> r.arn(encoder));
        assertThatThrownBy(() -> ivs.stopComposition(r -> r.arn(arn))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void simulationOverTheAdminHttpApi() throws Exception {
        String stage = newStage();
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(local.endpoint().resolve("/_emulator/simulate/join"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"stageArn\":\"" + stage + "\",\"userId\":\"web\",\"publish\":true}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var body = JSON.readTree(response.body());
        String session = body.get("sessionId").asText();
        assertThat(ivs.listParticipants(r -> r.stageArn(stage).sessionId(session)).participants())
                .extracting(ParticipantSummary::participantId, ParticipantSummary::userId, ParticipantSummary::published)
                .containsExactly(tuple(body.get("participantId").asText(), "web", true));
    }

    private static List<String> ids(List<ParticipantSummary> list) {
        return list.stream().map(ParticipantSummary::participantId).toList();
    }

}
