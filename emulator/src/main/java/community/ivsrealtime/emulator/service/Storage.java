package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A storage configuration (immutable apart from tags). */
final class Storage extends Resource {
    final String bucketName;

    Storage(String arn, long seq, String name, Map<String, String> tags, String bucketName) {
        super(arn, seq, name, tags);
        this.bucketName = bucketName;
    }

    /** Get and summary have the same members. */
    ObjectNode full() {
        ObjectNode o = base();
        o.putObject("s3").put("bucketName", bucketName);
        return o;
    }
}
