package community.ivsrealtime.emulator.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * All state of one account in one region. One read-write lock guards everything in it: reads (Get, List)
 * share it, every change holds it exclusively, so cross-resource rules (a composition using an encoder
 * configuration, an ingest configuration publishing to a stage) are checked and applied atomically.
 */
final class RegionStore {
    final String account;
    final String region;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    final Table<Stage> stages = new Table<>("stage", "Stage", Quotas.STAGES);
    final Table<Encoder> encoders = new Table<>("encoder-configuration", "EncoderConfiguration", Quotas.ENCODER_CONFIGURATIONS);
    final Table<Storage> storages = new Table<>("storage-configuration", "StorageConfiguration", Quotas.STORAGE_CONFIGURATIONS);
    final Table<Key> keys = new Table<>("public-key", "PublicKey", Quotas.PUBLIC_KEYS);
    final Table<Ingest> ingests = new Table<>("ingest-configuration", "IngestConfiguration", Quotas.INGEST_CONFIGURATIONS);
    final Table<Composition> compositions = new Table<>("composition", "Composition", Quotas.COMPOSITIONS);
    final List<Table<? extends Resource>> tables = List.of(stages, encoders, storages, keys, ingests, compositions);

    /** Imported keys by fingerprint (importing the same key twice is a conflict). */
    final Map<String, Key> keysByFingerprint = new HashMap<>();
    /** Running compositions by idempotency token. */
    final Map<String, Composition> compositionsByToken = new HashMap<>();

    /** Host prefix of this account's stage endpoints (12 hex characters, stable per account and region). */
    final String endpointPrefix;
    private long seq;

    RegionStore(String account, String region) {
        this.account = account;
        this.region = region;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((account + "/" + region).getBytes(StandardCharsets.UTF_8));
            this.endpointPrefix = Ids.hex(java.util.Arrays.copyOf(d, 6), "");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Next creation sequence number; call with the write lock held. */
    long nextSeq() {
        return ++seq;
    }

    /** The last creation sequence number handed out (saved with the state). */
    long seq() {
        return seq;
    }

    /** Continues numbering after a loaded state's last sequence number. */
    void restoreSeq(long last) {
        seq = Math.max(seq, last);
    }

    String arn(String type) {
        return Ids.arn(region, account, type, Ids.resourceId());
    }

    /**
     * Whether the composition has ended by itself: IVS stops a composition about a minute
     * ({@link Composition#IDLE_TIMEOUT}) after its stage has nobody in it (counted from the composition's
     * start or the end of the stage's last session, whichever is later).
     */
    boolean ended(Composition c, Instant now) {
        Stage stage = stages.find(c.stageArn);
        if (stage == null) {
            return true;
        }
        if (stage.active != null) {
            return false;
        }
        Instant idleSince = c.start;
        if (stage.sessions != null && !stage.sessions.isEmpty()) {
            Instant end = stage.sessions.get(stage.sessions.size() - 1).end;
            if (end != null && end.isAfter(idleSince)) {
                idleSince = end;
            }
        }
        return !now.isBefore(idleSince.plus(Composition.IDLE_TIMEOUT));
    }

    /** The running composition, or ResourceNotFoundException (also once it has ended by itself). */
    Composition composition(String arn, Instant now) {
        Composition c = compositions.require(arn);
        if (ended(c, now)) {
            throw Ids.notFound(compositions.label, arn);
        }
        return c;
    }

    void removeComposition(Composition c) {
        compositions.remove(c);
        if (c.idempotencyToken != null) {
            compositionsByToken.remove(c.idempotencyToken);
        }
    }

    /** Deletes the compositions that ended by themselves; call with the write lock held. */
    void purgeEndedCompositions(Instant now) {
        for (Composition c : new ArrayList<>(compositions.values())) {
            if (ended(c, now)) {
                removeComposition(c);
            }
        }
    }

    /** The table holding ARNs of this type, or null. */
    Table<? extends Resource> tableFor(String arn) {
        String type = Ids.typeOf(arn);
        for (Table<? extends Resource> t : tables) {
            if (t.type.equals(type)) {
                return t;
            }
        }
        return null;
    }
}
