package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import community.ivsrealtime.emulator.core.ReservedTags;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every ARN-identified resource has: ARN, creation sequence (its list position), name and tags.
 * Kept lean: tags are null while empty. Guarded by the lock of its {@link RegionStore}.
 */
abstract class Resource {
    static final int MAX_TAGS = ReservedTags.MAX_TAGS;

    final String arn;
    final long seq;
    String name;
    private Map<String, String> tags;

    Resource(String arn, long seq, String name, Map<String, String> tags) {
        this.arn = arn;
        this.seq = seq;
        this.name = name == null ? "" : name;
        this.tags = tags == null || tags.isEmpty() ? null : tags;
    }

    String id() {
        return Ids.idOf(arn);
    }

    /** Adds or replaces tags; more than 50 after the merge (reserved {@code aws:} keys not counted) is a ValidationException and changes nothing. */
    void tag(Map<String, String> add) {
        if (add == null || add.isEmpty()) {
            return;
        }
        Map<String, String> merged = tags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tags);
        merged.putAll(add);
        int counted = ReservedTags.counted(merged.keySet());
        if (counted > MAX_TAGS) {
            throw IvsException.validation("tags: a resource can have at most " + MAX_TAGS + " tags, " + arn
                    + " would have " + counted);
        }
        tags = merged;
    }

    void untag(Collection<String> keys) {
        if (tags != null) {
            tags.keySet().removeAll(keys);
            if (tags.isEmpty()) {
                tags = null;
            }
        }
    }

    /** The tags (null while empty), for saving the state. */
    Map<String, String> tagMap() {
        return tags;
    }

    ObjectNode tagsNode() {
        return Json.mapNode(tags);
    }

    /** {@code arn}, {@code name} and {@code tags}, the start of every Get and summary output. */
    ObjectNode base() {
        ObjectNode o = Json.obj();
        o.put("arn", arn);
        o.put("name", name);
        o.set("tags", tagsNode());
        return o;
    }

    /** The {@code tags} member of a create call, checked for reserved keys and its count. */
    static Map<String, String> tagsOf(com.fasterxml.jackson.databind.JsonNode in) {
        Map<String, String> tags = Json.stringMap(in, "tags");
        if (tags != null) {
            ReservedTags.checkCallerMaySet("tags", tags.keySet(), true);
        }
        checkTagCount(tags);
        return tags;
    }

    static void checkTagCount(Map<String, String> tags) {
        if (tags != null && ReservedTags.counted(tags.keySet()) > MAX_TAGS) {
            throw IvsException.validation("tags: at most " + MAX_TAGS + " tags, got " + ReservedTags.counted(tags.keySet()));
        }
    }
}
