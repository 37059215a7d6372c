package community.ivsrealtime.emulator.service;

import community.ivsrealtime.emulator.core.IvsException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The resources of one kind in one account and region: by ARN, and in creation order for listing.
 * Not thread-safe on its own: guarded by the lock of the owning {@link RegionStore}.
 */
final class Table<R extends Resource> {
    /** ARN resource type, for example {@code stage}. */
    final String type;
    /** Human name used in messages, for example {@code Stage}. */
    final String label;
    /** Quota limiting {@link #size()}, or null. */
    final String quota;
    private final Map<String, R> byArn = new HashMap<>();
    private final NavigableMap<Long, R> bySeq = new TreeMap<>();

    Table(String type, String label, String quota) {
        this.type = type;
        this.label = label;
        this.quota = quota;
    }

    R find(String arn) {
        return arn == null ? null : byArn.get(arn);
    }

    /** The resource, or ResourceNotFoundException naming the ARN. */
    R require(String arn) {
        R r = find(arn);
        if (r == null) {
            throw Ids.notFound(label, arn);
        }
        return r;
    }

    /** ServiceQuotaExceededException when one more would exceed the quota. */
    void checkQuota(Quotas quotas) {
        if (quota != null) {
            int limit = quotas.get(quota);
            if (byArn.size() >= limit) {
                throw IvsException.quotaExceeded("Quota exceeded: at most " + limit + " " + label
                        + " resources per account and region (quota " + quota + ")");
            }
        }
    }

    void add(R r) {
        byArn.put(r.arn, r);
        bySeq.put(r.seq, r);
    }

    void remove(R r) {
        byArn.remove(r.arn);
        bySeq.remove(r.seq);
    }

    int size() {
        return byArn.size();
    }

    Collection<R> values() {
        return Collections.unmodifiableCollection(bySeq.values());
    }

    NavigableMap<Long, R> ordered() {
        return Collections.unmodifiableNavigableMap(bySeq);
    }
}
