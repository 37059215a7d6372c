package community.ivsrealtime.registry;

/**
 * template.yml, the SAM template with each type's handler entry point ({@code <Type>TypeFunction}) and contract-test
 * entry point ({@code <Type>TestEntrypoint}) over the one shaded jar. The repository's copy is this text for the
 * default runtime; a test keeps the two equal. Rewrite it with
 * {@code mvn -B -pl handlers -am -Pwrite-template process-classes -DskipTests}.
 */
public final class SamTemplate {

    /** Where SAM finds the shaded handler jar, relative to the repository root. */
    public static final String CODE_URI = "handlers/target/ivs-realtime-handlers.jar";

    private SamTemplate() {
    }

    public static String render(final String runtime) {
        TypePackages.checkRuntime(runtime);
        final StringBuilder s = new StringBuilder()
            .append("# Generated from the type registry (community.ivsrealtime.registry.ResourceType); do not edit.\n")
            .append("# Rewrite: mvn -B -pl handlers -am -Pwrite-template process-classes -DskipTests\n")
            .append("AWSTemplateFormatVersion: \"2010-09-09\"\n")
            .append("Transform: AWS::Serverless-2016-10-31\n")
            .append("Description: >-\n")
            .append("  Handler functions of the Community::IVSRealTime resource types, for local testing with SAM\n")
            .append("  (sam local invoke TYPEFunction --event request.json). Build the jar first: mvn -B package.\n")
            .append("  One shaded jar serves all types; each type has its handler entrypoint (TypeFunction)\n")
            .append("  and the test entrypoint used by contract tests (TestEntrypoint).\n\n")
            .append("Globals:\n")
            .append("  Function:\n")
            .append("    Timeout: 180\n")
            .append("    MemorySize: 512\n\n")
            .append("Resources:");
        for (ResourceType type : ResourceType.values()) {
            function(s, type.simpleName() + "TypeFunction", type.entrypoint(), runtime);
            function(s, type.simpleName() + "TestEntrypoint", type.testEntrypoint(), runtime);
        }
        return s.append('\n').toString();
    }

    private static void function(final StringBuilder s, final String id, final String handler, final String runtime) {
        s.append("\n  ").append(id).append(":\n")
            .append("    Type: AWS::Serverless::Function\n")
            .append("    Properties:\n")
            .append("      Handler: ").append(handler).append('\n')
            .append("      Runtime: ").append(runtime).append('\n')
            .append("      CodeUri: ").append(CODE_URI).append('\n');
    }
}
