package community.ivsrealtime.emulator.service;

import community.ivsrealtime.emulator.core.IvsException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * S3's naming rules for general purpose buckets
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), applied to
 * CreateStorageConfiguration's {@code s3.bucketName}: a name S3 can never have is refused with a
 * ValidationException naming the rule. Whether the bucket exists (and lets IVS write) is not simulated: any
 * well-formed name is accepted.
 */
final class BucketNames {
    /** Lower-case letters, digits, dots and hyphens; a letter or digit first and last; no two dots in a row. */
    static final Pattern SHAPE = Pattern.compile("[a-z0-9]((\\.?[a-z0-9-])*\\.?[a-z0-9])?");
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNames() {
    }

    /** Null when the name follows the rules, else the rule it breaks. */
    static String problem(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return "must be 3 to 63 characters long";
        }
        if (!name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
            return "may contain only lower-case letters, digits, dots (.) and hyphens (-)";
        }
        if (name.contains("..")) {
            return "must not contain two adjacent dots";
        }
        if (!SHAPE.matcher(name).matches()) {
            return "must begin and end with a letter or a digit";
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return "must not be formatted as an IP address";
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return "must not start with the reserved prefix " + prefix;
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return "must not end with the reserved suffix " + suffix;
            }
        }
        return null;
    }

    /** ValidationException when the name breaks a rule. */
    static void check(String member, String name) {
        String problem = problem(name);
        if (problem != null) {
            throw IvsException.validation(member + ": an S3 bucket name " + problem + " (S3 bucket naming rules), got '"
                    + name + "'");
        }
    }
}
