package community.ivsrealtime.cli.deploy;

import com.example.ivsrealtime.DemoStack;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import community.ivsrealtime.cdk.StageProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.RemovalPolicy;
import software.constructs.IConstruct;

/**
 * The repository's example CDK app ({@code examples/}, {@link DemoStack}), synthesized in this JVM with the AWS
 * CDK for Java (jsii: {@code node} must be on the PATH; no npm, no CDK CLI). Only its {@code IvsRealTimeDemo}
 * stack: the app's other stack registers the types in an AWS account (it needs the RegisterType packages), which
 * a local deploy does not need.
 *
 * <p>The demo changes the app as a user would change its code, with CDK's escape hatches on the synthesized
 * resources: a second stage ({@code BackupStage}); in the second version the main stage renamed, the ingest
 * configuration's StageArn on the backup stage, and a 1080p encoder (Video is createOnly). The app's IVS resources
 * keep their default removal policy RETAIN; the demo sets DESTROY so that its destroy step leaves nothing.
 * {@link NodeNoiseFilter} keeps node's lines about its own version's end of life and jsii's
 * deprecation warnings out of the demo's output (set {@code JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION} and
 * {@code JSII_DEPRECATED=quiet} to silence them at the source).
 */
public final class CdkDemoApp implements DemoApp {

    static final String STACK = "IvsRealTimeDemo";

    /** True when {@code node} can be started (jsii needs it). */
    public static boolean nodeAvailable() {
        try {
            final Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String describe() {
        return "the example CDK app (examples/, stack " + STACK + "), synthesized in this JVM";
    }

    @Override
    public Path synth(final Path outdir, final Version version) throws IOException {
        Files.createDirectories(outdir);
        final Map<String, Object> context = new LinkedHashMap<>();
        context.put(DemoStack.STAGE_NAME_CONTEXT, DemoStack.DEFAULT_STAGE_NAME);
        final App app = new App(AppProps.builder().outdir(outdir.toString()).context(context).build());
        final DemoStack stack = new DemoStack(app, STACK);
        // a second stage, for the ingest configuration to move to
        final community.ivsrealtime.cdk.Stage backup = new community.ivsrealtime.cdk.Stage(stack, "BackupStage",
            StageProps.builder().stageName(DemoStack.DEFAULT_STAGE_NAME + "-backup").build());
        for (final IConstruct construct : stack.getNode().findAll()) {
            if (!(construct instanceof CfnResource)) {
                continue;
            }
            final CfnResource resource = (CfnResource) construct;
            final String type = resource.getCfnResourceType();
            if (!type.startsWith(ResourceTypes.PREFIX)) {
                continue;
            }
            // the app keeps its IVS resources when they leave the stack (RETAIN); the demo shows them deleted
            resource.applyRemovalPolicy(RemovalPolicy.DESTROY);
            final String path = resource.getNode().getPath();
            if (type.endsWith("::Stage") && path.equals(STACK + "/Stage/Resource")) {
                resource.addPropertyOverride("Name", version.stageName());
            } else if (type.endsWith("::IngestConfiguration") && version.ingestOnBackupStage()) {
                resource.addPropertyOverride("StageArn", backup.getStageArn());
            } else if (type.endsWith("::EncoderConfiguration") && version.fullHdEncoder()) {
                resource.addPropertyOverride("Name", DemoStack.DEFAULT_STAGE_NAME + "-1080p");
                resource.addPropertyOverride("Video.Width", 1920);
                resource.addPropertyOverride("Video.Height", 1080);
                resource.addPropertyOverride("Video.Bitrate", 6_000_000);
            }
        }
        app.synth();
        return outdir;
    }

    /**
     * Passes stderr through, except node's end-of-life banner and jsii's deprecation warnings (jsii forwards node's
     * stderr from a thread of its own, so the filter stays in place for the whole demo).
     */
    static final class NodeNoiseFilter extends OutputStream {
        private final PrintStream target;
        private final StringBuilder line = new StringBuilder();
        private boolean inWarning;

        NodeNoiseFilter(final PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(final int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.append((char) b);
            }
        }

        @Override
        public synchronized void write(final byte[] bytes, final int off, final int len) {
            final String text = new String(bytes, off, len, StandardCharsets.UTF_8);
            for (final char c : text.toCharArray()) {
                if (c == '\n') {
                    flushLine();
                } else {
                    line.append(c);
                }
            }
        }

        private void flushLine() {
            final String text = line.toString();
            line.setLength(0);
            final boolean warning = text.startsWith("[WARNING] ") && text.contains("deprecated");
            final boolean continued = inWarning && text.startsWith("  ");
            final boolean noise = text.isBlank() || text.startsWith("!!") || warning || continued;
            inWarning = warning || inWarning && text.startsWith("  ");
            if (!noise) {
                target.println(text);
            }
        }
    }
}
