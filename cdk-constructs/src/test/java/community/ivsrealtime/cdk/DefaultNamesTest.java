package community.ivsrealtime.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.constructs.Construct;

/**
 * The default names the L2s make in Java ({@link DefaultNames}) against the names aws-cdk-lib's
 * {@code Names.uniqueResourceName} makes in node for the same constructs, over paths that exercise every rule: stack
 * names that differ from their IDs, stacks in a CDK stage, {@code Default} and {@code Resource} IDs, characters that
 * are dropped, repeats, IDs long enough to be cut, IDs outside ASCII, and the places where Java cannot know the path
 * (a construct of the user's, a nested stack), where the L2s ask node.
 */
class DefaultNamesTest {

    private static final UniqueResourceNameOptions OPTIONS = UniqueResourceNameOptions.builder()
            .maxLength(Checks.NAME_MAX_LENGTH).allowedSpecialCharacters(IvsResource.NAME_SPECIAL_CHARACTERS).build();

    /** An L2 with a default name and the name node makes for it. */
    private record Named(String path, String ours, String node) {
    }

    private static Named named(EncoderConfiguration l2) {
        String ours = ((CfnEncoderConfiguration) l2.getNode().getDefaultChild()).getName();
        return new Named(l2.getNode().getPath(), ours, Names.uniqueResourceName(l2, OPTIONS));
    }

    private static Named named(IngestConfiguration l2) {
        String ours = ((CfnIngestConfiguration) l2.getNode().getDefaultChild()).getName();
        return new Named(l2.getNode().getPath(), ours, Names.uniqueResourceName(l2, OPTIONS));
    }

    @Test
    void namesAreNodesOnEveryPath() {
        App app = new App();
        Stack plain = new Stack(app, "S");
        Stack renamed = new Stack(app, "Id", StackProps.builder().stackName("my-stack-name").build());
        software.amazon.awscdk.Stage prod = new software.amazon.awscdk.Stage(app, "Prod");
        Stack inStage = new Stack(prod, "Inner");
        Stack repeats = new Stack(app, "LiveStage");
        Construct mine = new Construct(plain, "Mine");
        NestedStack nested = new NestedStack(plain, "Nested");

        List<Named> names = new ArrayList<>();
        for (Stack stack : List.of(plain, renamed, inStage, repeats)) {
            names.add(named(new EncoderConfiguration(stack, "Encoder")));
            names.add(named(new EncoderConfiguration(stack, "Default")));
            names.add(named(new EncoderConfiguration(stack, "Resource")));
            names.add(named(new EncoderConfiguration(stack, "my encoder! (1080p).v2-x_y")));
            names.add(named(new EncoderConfiguration(stack, "Stage")));
            names.add(named(new EncoderConfiguration(stack, "e".repeat(60) + "-" + "f".repeat(140))));
            names.add(named(new EncoderConfiguration(stack, "Bühne")));
            Stage stage = new Stage(stack, "Stage" + names.size());
            names.add(named(stage.addIngestConfiguration("Ingest", IngestConfigurationOptions.builder().build())));
            names.add(named(stage.addIngestConfiguration("In gest!", IngestConfigurationOptions.builder().build())));
            names.add(named(new IngestConfiguration(stage, "Stage")));
            names.add(named(new EncoderConfiguration(stage, "x".repeat(130))));
        }
        names.add(named(new EncoderConfiguration(mine, "Encoder")));
        names.add(named(new Stage(mine, "Stage").addIngestConfiguration("Ingest",
                IngestConfigurationOptions.builder().build())));
        names.add(named(new EncoderConfiguration(nested, "Encoder")));
        names.add(named(new Stage(nested, "Stage").addIngestConfiguration("Ingest",
                IngestConfigurationOptions.builder().build())));

        assertThat(names).hasSize(48).allSatisfy(n -> assertThat(n.ours()).as(n.path()).isEqualTo(n.node()));
        // the rules above did apply: a name cut in the middle, a single component, dropped characters
        assertThat(names).extracting(Named::ours).contains("S", "SEncoder" + hash("S/Encoder"))
                .anySatisfy(n -> assertThat(n).hasSize(Checks.NAME_MAX_LENGTH))
                .anySatisfy(n -> assertThat(n).startsWith("Smyencoder1080pv2-x_y"))
                .anySatisfy(n -> assertThat(n).startsWith("my-stack-nameEncoder"))
                .anySatisfy(n -> assertThat(n).startsWith("LiveStage").doesNotContain("LiveStageStage"));
    }

    @Test
    void javaKnowsThePathInAStackAndInOurL2sOnly() {
        App app = new App();
        Stack stack = new Stack(app, "Id", StackProps.builder().stackName("named").build());
        assertThat(DefaultNames.components(stack, "Stage", null)).containsExactly("named", "Stage");
        assertThat(DefaultNames.components(stack, "Ingest", List.of("named", "Stage")))
                .containsExactly("named", "Stage", "Ingest");
        assertThat(DefaultNames.components(new Construct(stack, "Mine"), "Stage", null)).isNull();
        assertThat(DefaultNames.components(new NestedStack(stack, "Nested"), "Stage", null)).isNull();
        assertThat(DefaultNames.components(stack, "Bühne", null)).isNull();
    }

    @Test
    void makeFollowsTheRulesWithoutNode() {
        assertThat(DefaultNames.make(List.of("S", "Default"), 128, "-_")).isEqualTo("S");
        assertThat(DefaultNames.make(List.of("S", "Stage", "Resource"), 128, "-_"))
                .isEqualTo("SStage" + hash("S/Stage/Resource"));
        assertThat(DefaultNames.make(List.of("LiveStage", "Stage"), 128, "-_"))
                .isEqualTo("LiveStage" + hash("LiveStage/Stage"));
        assertThatThrownBy(() -> DefaultNames.make(List.of("Default"), 128, "-_"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[Default]");
    }

    private static String hash(String path) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().withUpperCase().formatHex(md5, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
