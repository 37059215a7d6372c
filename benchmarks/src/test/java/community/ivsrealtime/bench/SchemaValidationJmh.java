package community.ivsrealtime.bench;

import community.ivsrealtime.common.IvsHandlerWrapper;
import java.util.concurrent.TimeUnit;
import org.everit.json.schema.Schema;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.cloudformation.resource.ResourceTypeSchema;
import software.amazon.cloudformation.resource.Validator;

/**
 * The per-request schema work of a warm handler (JMH): what the plugin does by itself for every CREATE/UPDATE
 * (validate the model: {@code Validator.validateObject} loads the schema again, then validates) and for every
 * response ({@code sanitizeModel}: {@code ResourceTypeSchema.load}), against what the wrapper does now (validate
 * against the schema loaded once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SchemaValidationJmh {

    private JSONObject schema;
    private JSONObject model;
    private Validator validator;
    private Schema loaded;

    @Setup
    public void setUp() {
        schema = IvsHandlerWrapper.schema("Community::IVSRealTime::Stage");
        model = new JSONObject().put("Name", "bench-stage").put("Tags",
            new org.json.JSONArray().put(new JSONObject().put("Key", "team").put("Value", "bench")));
        validator = new Validator();
        loaded = SchemaLoader.builder().draftV7Support().schemaJson(schema).build().load().build();
    }

    /** The plugin, per CREATE/UPDATE request: load the schema, validate. */
    @Benchmark
    public void pluginValidateObject() throws Exception {
        validator.validateObject(model, schema);
    }

    /** The plugin, per response: load the schema for its write-only properties. */
    @Benchmark
    public Object pluginSanitizeLoad() {
        return ResourceTypeSchema.load(schema);
    }

    /** Now: validate against the schema loaded once per JVM. */
    @Benchmark
    public void loadedSchemaValidate() {
        loaded.validate(model);
    }
}
