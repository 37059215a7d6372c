package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** An imported public key (immutable apart from tags). */
final class Key extends Resource {
    final String material;
    final String fingerprint;

    Key(String arn, long seq, String name, Map<String, String> tags, String material, String fingerprint) {
        super(arn, seq, name, tags);
        this.material = material;
        this.fingerprint = fingerprint;
    }

    ObjectNode full() {
        ObjectNode o = base();
        o.put("publicKeyMaterial", material);
        o.put("fingerprint", fingerprint);
        return o;
    }
}
