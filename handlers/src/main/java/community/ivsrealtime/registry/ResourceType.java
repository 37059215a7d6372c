package community.ivsrealtime.registry;

import community.ivsrealtime.common.IvsHandlerWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.json.JSONObject;

/**
 * The project's one list of resource types. Everything else that names the types is derived from it: the
 * RegisterType packages ({@link TypePackages}), template.yml ({@link SamTemplate}), {@code LocalInvoker}, the
 * tools of the {@code ivsrt} command and the tests.
 *
 * <p>Adding a type means: its schema in {@code resource-schemas/} (file name = type name lower-cased, {@code ::}
 * replaced by {@code -}), its {@code Translator} with the {@code OPS} descriptor in the package named after it (the
 * models, {@code HandlerWrapper} and {@code CallbackContext} are generated from the schema at build time), its
 * contract test inputs under {@code handlers/src/package/<name>/inputs/}, and one line here. A test fails when one
 * of those is missing.
 *
 * <p>The constructor references are not called until {@link #newWrapper()}: listing the types loads no handler.
 */
public enum ResourceType {
    STAGE("Stage", community.ivsrealtime.stage.HandlerWrapper::new),
    ENCODER_CONFIGURATION("EncoderConfiguration", community.ivsrealtime.encoderconfiguration.HandlerWrapper::new),
    STORAGE_CONFIGURATION("StorageConfiguration", community.ivsrealtime.storageconfiguration.HandlerWrapper::new),
    PUBLIC_KEY("PublicKey", community.ivsrealtime.publickey.HandlerWrapper::new),
    INGEST_CONFIGURATION("IngestConfiguration", community.ivsrealtime.ingestconfiguration.HandlerWrapper::new);

    /** The namespace every type name starts with. */
    public static final String NAMESPACE = "Community::IVSRealTime::";

    private static final String ROOT_PACKAGE = "community.ivsrealtime.";

    private final String simpleName;
    private final Supplier<? extends IvsHandlerWrapper<?, ?, ?>> wrapper;

    ResourceType(final String simpleName, final Supplier<? extends IvsHandlerWrapper<?, ?, ?>> wrapper) {
        this.simpleName = simpleName;
        this.wrapper = wrapper;
    }

    /** {@code Stage}, {@code EncoderConfiguration}, ... */
    public String simpleName() {
        return simpleName;
    }

    /** {@code Community::IVSRealTime::Stage}, ... */
    public String typeName() {
        return NAMESPACE + simpleName;
    }

    /** {@code stage}, {@code encoderconfiguration}, ...: the Java package's last part and the file names' part. */
    public String lowerName() {
        return simpleName.toLowerCase(Locale.ROOT);
    }

    /** {@code community.ivsrealtime.stage}, ...: where the type's Translator, models and wrapper live. */
    public String packageName() {
        return ROOT_PACKAGE + lowerName();
    }

    /** {@code community-ivsrealtime-stage}: the base name of the schema file, the RegisterType zip and the docs. */
    public String fileBaseName() {
        return typeName().toLowerCase(Locale.ROOT).replace("::", "-");
    }

    /** {@code community-ivsrealtime-stage.json}: in {@code resource-schemas/} and at the handler jar's root. */
    public String schemaFileName() {
        return IvsHandlerWrapper.schemaFileName(typeName());
    }

    /** {@code community-ivsrealtime-stage.zip}: the RegisterType package. */
    public String packageFileName() {
        return fileBaseName() + ".zip";
    }

    /** {@code Community-IVSRealTime-Stage}: the type name as it appears in type ARNs and log group names. */
    public String hyphenatedName() {
        return typeName().replace("::", "-");
    }

    /**
     * The Lambda handler: {@code community.ivsrealtime.stage.LambdaEntrypoint::handleRequest}, which prepares a cold
     * start in parallel ({@code ColdStart}) and hands every request to the type's {@code HandlerWrapper}.
     */
    public String entrypoint() {
        return packageName() + ".LambdaEntrypoint::handleRequest";
    }

    /** The contract-test entry point: {@code community.ivsrealtime.stage.HandlerWrapper::testEntrypoint}. */
    public String testEntrypoint() {
        return packageName() + ".HandlerWrapper::testEntrypoint";
    }

    /** A new instance of the type's {@code HandlerWrapper} (a cold start's worth of work). */
    public IvsHandlerWrapper<?, ?, ?> newWrapper() {
        return wrapper.get();
    }

    /** The wrapper's constructor, for callers that make one wrapper per request. */
    public Supplier<? extends IvsHandlerWrapper<?, ?, ?>> wrapperFactory() {
        return wrapper;
    }

    /**
     * The type's schema (from the classpath root: the handler jar carries every schema). A copy of the one the
     * handlers use, so a caller may change it.
     */
    public JSONObject schema() {
        return new JSONObject(IvsHandlerWrapper.schema(typeName()).toString());
    }

    /** The type named {@code typeName} ({@code Community::IVSRealTime::Stage}). */
    public static ResourceType of(final String typeName) {
        for (ResourceType type : values()) {
            if (type.typeName().equals(typeName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no resource type \"" + typeName + "\"; known: " + Arrays.stream(values())
                .map(ResourceType::typeName).collect(Collectors.joining(", ")));
    }

    /** True when {@code typeName} is one of ours. */
    public static boolean isKnown(final String typeName) {
        return Arrays.stream(values()).anyMatch(t -> t.typeName().equals(typeName));
    }

    /**
     * The Lambda runtime the RegisterType packages and template.yml declare: the build's {@code handler.runtime}
     * property (see the root pom), recorded in {@code build.properties} at build time.
     */
    public static String handlerRuntime() {
        return BuildProperties.VALUES.getProperty("handler.runtime");
    }

    /** The project's default Lambda runtime ({@code handler.runtime.default} of the root pom): template.yml's. */
    public static String defaultHandlerRuntime() {
        return BuildProperties.VALUES.getProperty("handler.runtime.default");
    }

    /** Values the build wrote into {@code community/ivsrealtime/registry/build.properties}. */
    private static final class BuildProperties {
        static final Properties VALUES = load();

        private static Properties load() {
            final Properties properties = new Properties();
            try (InputStream in = ResourceType.class.getResourceAsStream("build.properties")) {
                if (in == null) {
                    throw new IllegalStateException("community/ivsrealtime/registry/build.properties is not on the classpath");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        }
    }
}
