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
 *
 * <p>Who may set them: the create calls accept CloudFormation's system tags ({@code aws:cloudformation:*}) and no
 * other {@code aws:} key; TagResource and UntagResource accept none, so no caller can forge or remove the tags
 * that say which stack and logical id a resource belongs to
 * (the tag restrictions of "Tagging your AWS resources", https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html:
 * the {@code aws:} prefix is reserved for AWS use, and such tags can be neither edited nor deleted).
 */
public final class ReservedTags {
    /** Tags a resource can have, reserved ones not counted (model: {@code Tags} map max 50). */
    public static final int MAX_TAGS = 50;
    private static final String CLOUDFORMATION_PREFIX = "aws:cloudformation:";

    private ReservedTags() {
    }

    public static boolean isReserved(String key) {
        return key != null && key.regionMatches(true, 0, "aws:", 0, 4);
    }

    /** CloudFormation's system tags ({@code aws:cloudformation:stack-name}, ...-id, logical-id), in any letter case. */
    public static boolean isCloudFormationSystemTag(String key) {
        return key != null && key.regionMatches(true, 0, CLOUDFORMATION_PREFIX, 0, CLOUDFORMATION_PREFIX.length());
    }

    /**
     * Refuses reserved keys a caller may not set: on TagResource and UntagResource every {@code aws:} key (AWS's
     * tagging rules: "You can't edit or delete tag keys or values with this prefix"); on the create calls every
     * {@code aws:} key except CloudFormation's system tags, which CloudFormation stamps on the resources it creates.
     *
     * @param member    the member for the message ({@code tags}, {@code tagKeys})
     * @param onCreate  whether CloudFormation's system tags are allowed
     * @throws IvsException ValidationException naming the member and the key
     */
    public static void checkCallerMaySet(String member, Collection<String> keys, boolean onCreate) {
        for (String key : keys) {
            if (isReserved(key) && !(onCreate && isCloudFormationSystemTag(key))) {
                throw IvsException.validation(member + ": tag keys starting with 'aws:' are reserved for AWS use"
                        + (onCreate ? " (only CloudFormation's aws:cloudformation:* system tags may be set on create)" : "")
                        + ", got '" + key + "'");
            }
        }
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
