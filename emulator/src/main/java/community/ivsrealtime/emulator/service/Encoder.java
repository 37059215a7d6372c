package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** An encoder configuration (immutable apart from tags). */
final class Encoder extends Resource {
    final int width;
    final int height;
    final double framerate;
    final int bitrate;

    Encoder(String arn, long seq, String name, Map<String, String> tags, int width, int height, double framerate, int bitrate) {
        super(arn, seq, name, tags);
        this.width = width;
        this.height = height;
        this.framerate = framerate;
        this.bitrate = bitrate;
    }

    ObjectNode full() {
        ObjectNode o = base();
        ObjectNode v = o.putObject("video");
        v.put("width", width);
        v.put("height", height);
        v.put("framerate", (float) framerate);
        v.put("bitrate", bitrate);
        return o;
    }
}
