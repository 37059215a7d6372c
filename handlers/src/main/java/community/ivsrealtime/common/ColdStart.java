package community.ivsrealtime.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The first request of a new Lambda container, prepared on a second core. A cold CREATE spends most of its time
 * loading classes of the plugin, Jackson, everit and the SDK, one after the other, on the thread that serves it.
 * {@link #prepare}, called by each type's {@code LambdaEntrypoint} when Lambda loads it, starts a daemon thread
 * ({@value #PRELOAD_THREAD}) that loads those classes ahead of it: the classes a cold CREATE uses, in the order it first
 * uses them ({@value #CLASS_LIST}, made by the benchmarks' {@code preload-list} command), each with
 * {@code Class.forName(name, false, loader)}. Loading (reading, parsing, verifying) is most of the cost of a class; it
 * runs no code of the class, and a class loader that loads a class for one thread makes any other thread that needs it
 * wait for it, so the request's thread only ever finds classes loaded or loads them itself. Nothing is initialized
 * here, so there is no class-initialization order to get wrong and nothing that can deadlock. A name missing from
 * this JVM or jar is skipped. With one CPU the two threads take turns and the total is what it was; see BENCHMARKS.md.
 */
public final class ColdStart {

    /** The class list: one binary name per line; {@value #TYPE_PACKAGE} stands for the type's package. */
    public static final String CLASS_LIST = "/community/ivsrealtime/common/cold-start-classes.txt";
    /** Placeholder for the type's package in {@link #CLASS_LIST} ({@code community.ivsrealtime.stage}...). */
    public static final String TYPE_PACKAGE = "@TYPE_PACKAGE@";
    /** The class-loading thread's name. */
    public static final String PRELOAD_THREAD = "ivsrt-cold-start-classes";

    private ColdStart() {
    }

    /**
     * Starts loading the classes of {@link #CLASS_LIST} on a daemon thread, the type's own from the package of
     * {@code wrapper}, and returns at once.
     *
     * @param wrapper the type's {@code HandlerWrapper} class
     * @return the thread (for tests; nobody needs to wait for it)
     */
    public static Thread prepare(final Class<?> wrapper) {
        final Thread thread = new Thread(new LoadClasses(wrapper.getClassLoader(), wrapper.getPackageName()),
            PRELOAD_THREAD);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Loads, without initializing, every class of {@link #CLASS_LIST} that {@code loader} can find; the type's own
     * classes are looked up in {@code typePackage}. Returns how many were loaded.
     */
    public static int loadClasses(final ClassLoader loader, final String typePackage) {
        int loaded = 0;
        try (InputStream in = ColdStart.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return 0;
            }
            final BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                try {
                    Class.forName(line.replace(TYPE_PACKAGE, typePackage), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // not in this JVM or jar: the list is a hint
                }
            }
        } catch (IOException | RuntimeException e) {
            // a hint only: the request loads what it needs itself
        }
        return loaded;
    }

    /** Runs {@link #loadClasses} (a class of its own: no thread may run code of a class still being initialized). */
    private static final class LoadClasses implements Runnable {
        private final ClassLoader loader;
        private final String typePackage;

        LoadClasses(final ClassLoader loader, final String typePackage) {
            this.loader = loader;
            this.typePackage = typePackage;
        }

        @Override
        public void run() {
            loadClasses(loader, typePackage);
        }
    }
}
