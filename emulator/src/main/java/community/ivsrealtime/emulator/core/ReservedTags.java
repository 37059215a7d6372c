package community.ivsrealtime.emulator.core;

import java.util.Collection;

/**
 * Tag keys starting with {@code aws:} (in any letter case) are reserved for AWS, which sets them itself (such as
 * CloudFormation's {@code aws:cloudformation:stack-name}); by AWS's tagging rules they "do not count against your
 * tags-per-resource limit" (the tag restrictions of the AWS General Reference, repeated in the services' API
 * references). The model's {@code Tags} map (size 0..50) and the limit of 50 tags a resource can carry count
 * only the other keys.
 *
 * <p>This is an assumption: IVS's own documentation says nothing about {@code aws:} keys, and whether its request
 * validation counts them in the {@code Tags} map of a create call cannot be checked without AWS. The handlers
 * make the same assumption (CREATE sends up to 50 resource and stack tags plus CloudFormation's system tags).
 */
public final class ReservedTags {
    /** Tags a resource can have, reserved ones not counted (model: {@code Tags} map max 50). */
    public static final int MAX_TAGS = 50;

    private ReservedTags() {
    }

    public static boolean isReserved(String key) {
        return key != null && key.regionMatches(true, 0, "aws:", 0, 4);
    }

    /** How many of {@code keys} count against the limit. */
    public static int counted(Collection<String> keys) {
        int counted = 0;
        for (String key : keys) {
            if (!isReserved(key)) {
                counted++;
            }
        }
        return counted;
    }
}
