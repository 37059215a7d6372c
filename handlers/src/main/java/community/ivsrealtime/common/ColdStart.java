package community.ivsrealtime.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.resource.Serializer;

/**
 * The first request of a new Lambda container, prepared on more than one core. A cold CREATE spends most of its time
 * loading and initializing classes of the plugin, Jackson, everit and the SDK, one after the other on one thread.
 * {@link #prepare}, called by each type's {@code LambdaEntrypoint} when Lambda loads it, spreads that over three
 * threads:
 * <ol>
 *   <li><b>class loading</b> ({@value #PRELOAD_THREAD}): loads, without initializing, the classes a cold CREATE uses,
 *       in the order it first uses them ({@value #CLASS_LIST}, made by the benchmarks' {@code preload-list}
 *       command). Loading (reading, parsing, verifying) is most of the cost of a class and runs no code of the
 *       class, so it cannot deadlock with the threads that use the classes; a name missing from this JVM or jar
 *       is skipped.</li>
 *   <li><b>the plugin's static state</b> ({@value #PLUGIN_THREAD}): initializes the plugin's {@code AbstractWrapper},
 *       whose static initializer builds an Apache HTTP client with TLS (for CloudWatch) and with it most of the
 *       SDK's HTTP classes.</li>
 *   <li><b>the calling thread</b>, meanwhile: loads the type's schema and warms the plugin's Jackson serializer (its
 *       mappers are static, so their caches are the ones the request will use) and the request checks, on a
 *       made-up request of this type.</li>
 * </ol>
 * The second and third touch disjoint libraries (the SDK and Apache; Jackson, everit and org.json), so neither
 * waits on a class the other is initializing ({@code ColdStartIT} checks this on the shaded jar, class by class).
 * The calling thread then waits for the plugin's thread and the wrapper is built as usual. Nothing here changes what
 * a request does: a request repeats any step that failed and reports its errors itself, so every failure here is
 * ignored. With one CPU the threads take turns and the total CPU time is what it was; see BENCHMARKS.md.
 */
public final class ColdStart {

    /** The class list: one binary name per line; {@value #TYPE_PACKAGE} stands for the type's package. */
    public static final String CLASS_LIST = "/community/ivsrealtime/common/cold-start-classes.txt";
    /** Placeholder for the type's package in {@link #CLASS_LIST} ({@code community.ivsrealtime.stage}...). */
    public static final String TYPE_PACKAGE = "@TYPE_PACKAGE@";
    /** The class-loading thread's name. */
    public static final String PRELOAD_THREAD = "ivsrt-cold-start-classes";
    /** The name of the thread that initializes the plugin's static state. */
    public static final String PLUGIN_THREAD = "ivsrt-cold-start-plugin";
    /** The plugin class whose static initializer builds its HTTP client. */
    static final String PLUGIN_WRAPPER = "software.amazon.cloudformation.AbstractWrapper";
    /**
     * Classes both parts use, initialized by {@link #prepare} before it starts the other threads (so that neither
     * initializes them while the other may need them): the plugin's {@code Action} enum, used by the plugin's
     * static state and by the request checks.
     */
    public static final java.util.List<Class<?>> INITIALIZED_FIRST = java.util.List.of(Action.class);
    /** How long the calling thread waits for the plugin's thread at most (it then goes on regardless). */
    private static final long JOIN_MILLIS = 20_000;

    private ColdStart() {
    }

    /**
     * Starts the class loading and the plugin's initialization, warms the serializer, schema and request checks of
     * {@code typeName} on this thread, then waits for the plugin's initialization to end.
     *
     * @param wrapper  the type's {@code HandlerWrapper} class (not initialized here: that would initialize the
     *                 plugin on this thread)
     * @param typeName the type's name, {@code Community::IVSRealTime::Stage}...
     */
    public static void prepare(final Class<?> wrapper, final String typeName) {
        final ClassLoader loader = wrapper.getClassLoader();
        for (Class<?> shared : INITIALIZED_FIRST) {
            initialize(shared);
        }
        start(PRELOAD_THREAD, new LoadClasses(loader, wrapper.getPackageName()), true);
        final Thread plugin = start(PLUGIN_THREAD, new InitializePlugin(loader), false);
        warmSerializationAndSchema(wrapper, typeName);
        try {
            plugin.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The calling thread's part: the type's schema, the plugin's serializer reading a request of this type and
     * writing a response, and the request checks. Touches no SDK or Apache class and does not initialize the
     * wrapper classes.
     */
    public static void warmSerializationAndSchema(final Class<?> wrapper, final String typeName) {
        try {
            final TypeSchema schema = TypeSchema.of(typeName);
            final String request = sampleRequest(typeName);
            final Serializer serializer = new Serializer();
            final HandlerRequest<?, ?, ?> read = serializer.deserialize(request,
                WrapperTypes.<HandlerRequest<?, ?, ?>>handlerRequest(wrapper));
            serializer.serialize(ProgressEvent.success(read.getRequestData().getResourceProperties(), null));
            new RequestChecks(typeName, schema).check(request);
        } catch (IOException | RuntimeException | LinkageError e) {
            // an optimization only: the request does this work again and reports what fails
        }
    }

    /**
     * The other thread's part: the plugin's {@code AbstractWrapper} initialized (its static Apache HTTP client with
     * TLS), which is the first thing building any wrapper does.
     */
    public static void initializePlugin(final ClassLoader loader) {
        try {
            Class.forName(PLUGIN_WRAPPER, true, loader);
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            // the wrapper's construction meets the same failure and reports it
        }
    }

    /**
     * Loads, without initializing, every class of {@link #CLASS_LIST} that {@code loader} can find; the type's own
     * classes are looked up in {@code typePackage}. Returns how many were loaded.
     */
    public static int loadClasses(final ClassLoader loader, final String typePackage) {
        final AtomicInteger loaded = new AtomicInteger();
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
                    loaded.incrementAndGet();
                } catch (ClassNotFoundException | LinkageError e) {
                    // not in this JVM or jar: the list is a hint
                }
            }
        } catch (IOException | RuntimeException e) {
            // a hint only
        }
        return loaded.get();
    }

    /** A CloudFormation-shaped CREATE of the type with an empty model; never sent anywhere. */
    static String sampleRequest(final String typeName) {
        return "{\"awsAccountId\":\"123456789012\",\"bearerToken\":\"cold-start\",\"region\":\"us-east-1\","
            + "\"action\":\"CREATE\",\"resourceType\":\"" + typeName + "\",\"resourceTypeVersion\":\"00000001\","
            + "\"stackId\":\"arn:aws:cloudformation:us-east-1:123456789012:stack/cold-start/"
            + "00000000-0000-0000-0000-000000000000\",\"callbackContext\":null,\"requestData\":{"
            + "\"callerCredentials\":{\"accessKeyId\":\"cold-start\",\"secretAccessKey\":\"cold-start\","
            + "\"sessionToken\":\"cold-start\"},\"logicalResourceId\":\"ColdStart\",\"resourceProperties\":{},"
            + "\"systemTags\":{\"aws:cloudformation:logical-id\":\"ColdStart\"},\"stackTags\":{}}}";
    }

    private static void initialize(final Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // the request meets the same failure and reports it
        }
    }

    private static Thread start(final String name, final Runnable work, final boolean daemon) {
        final Thread thread = new Thread(work, name);
        thread.setDaemon(daemon);
        thread.start();
        return thread;
    }

    /** Runs {@link #loadClasses} (a class of its own: a thread must not run code of a class being initialized). */
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

    /** Runs {@link #initializePlugin}. */
    private static final class InitializePlugin implements Runnable {
        private final ClassLoader loader;

        InitializePlugin(final ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public void run() {
            initializePlugin(loader);
        }
    }
}
