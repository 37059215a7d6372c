package community.ivsrealtime.emulator.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids in the UUID form AWS uses; random but not from a SecureRandom (they are not secrets). */
public final class RequestIds {
    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
