package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.ReservedTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tags of any taggable resource (stage, encoder, storage and ingest configuration, public key, composition):
 * TagResource, UntagResource, ListTagsForResource. An unknown ARN, and a composition that has ended, is a
 * ResourceNotFoundException. Keys starting with {@code aws:} are refused by TagResource and UntagResource
 * ({@link ReservedTags#checkCallerMaySet}).
 */
final class TagOperations implements OperationRegistry.Family {

    @Override
    public void register(OperationRegistry r) {
        r.write("TagResource", this::tagResource);
        r.write("UntagResource", this::untagResource);
        r.read("ListTagsForResource", this::listTagsForResource);
    }

    ObjectNode tagResource(ObjectNode in, RegionStore s, Instant now) {
        Map<String, String> add = Json.stringMap(in, "tags");
        if (add != null) {
            ReservedTags.checkCallerMaySet("tags", add.keySet(), false);
            Resource.checkTagCount(add);
        }
        taggable(s, in, now).tag(add);
        return Json.obj();
    }

    ObjectNode untagResource(ObjectNode in, RegionStore s, Instant now) {
        List<String> keys = new ArrayList<>();
        in.path("tagKeys").forEach(k -> keys.add(k.asText()));
        ReservedTags.checkCallerMaySet("tagKeys", keys, false);
        taggable(s, in, now).untag(keys);
        return Json.obj();
    }

    ObjectNode listTagsForResource(ObjectNode in, RegionStore s, Instant now) {
        return Json.wrap("tags", taggable(s, in, now).tagsNode());
    }

    private static Resource taggable(RegionStore s, ObjectNode in, Instant now) {
        String arn = Json.text(in, "resourceArn", null);
        Table<? extends Resource> table = s.tableFor(arn);
        Resource r = table == null ? null : table.find(arn);
        // a composition that ended by itself is gone (GetComposition answers 404), even before it is purged
        if (r == null || (r instanceof Composition c && s.ended(c, now))) {
            throw Ids.notFound("Resource", arn);
        }
        return r;
    }
}
