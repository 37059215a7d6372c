package community.ivsrealtime.cli.deploy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The app {@code ivsrt demo} deploys, in two versions: synthesized into a cloud assembly directory, as
 * {@code cdk synth} writes {@code cdk.out}.
 */
public interface DemoApp {

    /** What the demo changes between its two deploys. */
    record Version(String stageName, boolean ingestOnBackupStage, boolean fullHdEncoder) {

        /** The first deploy: the ingest configuration on the main stage, a 720p encoder. */
        public static final Version FIRST = new Version("demo-stage", false, false);
        /**
         * The second: the main stage renamed (an update in place), the ingest configuration moved to the backup
         * stage (an update in place), a 1080p encoder (its Video is createOnly: a replacement).
         */
        public static final Version SECOND = new Version("demo-stage-renamed", true, true);
    }

    /** A short description for the demo's output. */
    String describe();

    /** Synthesizes {@code version} of the app into {@code outdir} (a cloud assembly: manifest.json + templates). */
    Path synth(Path outdir, Version version) throws IOException;
}
