package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;

/**
 * Stand-in values for resources the local deploy does not create (an S3 bucket, an IAM role, a Lambda function):
 * stable (the same template gives the same values every run) and clearly fake ({@code ivsrt-fake} in every
 * one, account and region of the local stack), so that the IVS resources referring to them can be deployed.
 * A bucket's {@code Ref} is its {@code BucketName} when the template gives one literally.
 */
final class FakeValues {

    static final String MARK = "ivsrt-fake";

    private FakeValues() {
    }

    /** What {@code Ref} gives for a skipped resource. */
    static JsonNode ref(final Template.Resource resource, final String stackName) {
        final JsonNode name = resource.properties().get(nameProperty(resource.type()));
        if (name != null && name.isTextual()) {
            return TextNode.valueOf(name.asText());
        }
        return TextNode.valueOf(physicalName(resource, stackName));
    }

    /** What {@code Fn::GetAtt} gives for a skipped resource. */
    static JsonNode getAtt(final Template.Resource resource, final String attribute, final String stackName,
                           final String region, final String account) {
        final String name = ref(resource, stackName).asText();
        final String service = service(resource.type());
        if (attribute.endsWith("Arn")) {
            if ("s3".equals(service)) {
                return TextNode.valueOf("arn:aws:s3:::" + name);
            }
            return TextNode.valueOf("arn:aws:" + service + ":" + ("iam".equals(service) ? "" : region) + ":" + account
                + ":" + resource.type().replaceFirst("^[^:]+::[^:]+::", "").toLowerCase(Locale.ROOT) + "/" + name);
        }
        if ("DomainName".equals(attribute) && "s3".equals(service)) {
            return TextNode.valueOf(name + ".s3.amazonaws.com");
        }
        return TextNode.valueOf(name + "-" + attribute.toLowerCase(Locale.ROOT).replace('.', '-'));
    }

    /**
     * A name CloudFormation might generate ({@code stack-logicalid}, lower case, at most 40 characters before the
     * mark; a longer one is cut and given a hash of the whole), marked as fake.
     */
    static String physicalName(final Template.Resource resource, final String stackName) {
        final String base = (stackName + "-" + resource.logicalId()).toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9-]", "-");
        if (base.length() <= 40) {
            return base + "-" + MARK;
        }
        // shortened, with a hash of the whole so that two long logical ids never give the same name
        final String hash = Integer.toHexString(base.hashCode() & 0x7fffffff);
        return base.substring(0, 31) + "-" + hash + "-" + MARK;
    }

    private static String nameProperty(final String type) {
        final String[] parts = type.split("::");
        return parts.length == 3 ? parts[2] + "Name" : "Name";
    }

    private static String service(final String type) {
        final String[] parts = type.split("::");
        return parts.length == 3 ? parts[1].toLowerCase(Locale.ROOT) : "custom";
    }

    /** Why a resource of {@code type} is not deployed locally, or null for types that are simply skipped. */
    static String note(final String type) {
        if (type.startsWith("AWS::CloudFormation::Resource") || type.equals("AWS::CloudFormation::TypeActivation")
            || type.equals("AWS::CloudFormation::HookVersion")) {
            return "registers a type in an AWS account; locally the handlers run without registration";
        }
        return null;
    }

    /** CDK's bootstrap artefacts, ignored entirely. */
    static boolean ignored(final String logicalId, final String type) {
        return "AWS::CDK::Metadata".equals(type) || "CDKMetadata".equals(logicalId);
    }
}
