package com.example.ivsrealtime;

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The example CDK app: one stack registers the Community::IVSRealTime types in the account, the other uses them.
 *
 * <p>Context (cdk.json, {@code cdk synth -c key=value}, or {@link #synth(Path, Map)}):
 * <ul>
 *   <li>{@value #PACKAGES_CONTEXT}: the folder with the RegisterType packages (default {@value #DEFAULT_PACKAGES});</li>
 *   <li>{@value DemoStack#STAGE_NAME_CONTEXT}: the stage's name (default {@value DemoStack#DEFAULT_STAGE_NAME}).</li>
 * </ul>
 */
public final class IvsRealTimeApp {

    /** Context key: the folder with community-ivsrealtime-&lt;type&gt;.zip. */
    public static final String PACKAGES_CONTEXT = "ivs-realtime:packages";
    /** Where `mvn package` of this repository writes the packages, seen from this folder. */
    public static final String DEFAULT_PACKAGES = "../handlers/target";

    private IvsRealTimeApp() {
    }

    public static void main(final String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Adds the two stacks to {@code app}. */
    public static void build(final App app) {
        Object packages = app.getNode().tryGetContext(PACKAGES_CONTEXT);
        TypesStack types = new TypesStack(app, "IvsRealTimeTypes",
                packages == null ? DEFAULT_PACKAGES : packages.toString());
        DemoStack demo = new DemoStack(app, "IvsRealTimeDemo");
        // the demo's resources are of the registered types: deploy the registration first
        demo.addStackDependency(types);
    }

    /** {@link #synth(Path, Map)} with the defaults: the packages in {@value #DEFAULT_PACKAGES}, the default stage name. */
    public static CloudAssembly synth(final Path outdir) {
        return synth(outdir, Map.of());
    }

    /**
     * Synthesizes the app in this JVM into {@code outdir} (what `cdk synth` writes to cdk.out), with the given context
     * (for example {@code Map.of("stageName", "other", "ivs-realtime:packages", "/path/to/packages")}).
     */
    public static CloudAssembly synth(final Path outdir, final Map<String, ?> context) {
        App app = new App(AppProps.builder().outdir(outdir.toString()).context(context).build());
        build(app);
        return app.synth();
    }
}
