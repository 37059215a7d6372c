package community.ivsrealtime.bench;

import java.util.StringJoiner;
import org.json.JSONObject;
import org.json.JSONTokener;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.cloudformation.resource.ResourceTypeSchema;
import software.amazon.cloudformation.resource.Validator;

/**
 * Runs in a child JVM with the shaded handler jar: times, one after the other, the pieces of work a cold CREATE is
 * made of, in the order a request meets them, each the first time in the JVM (so each includes its class loading).
 * Prints {@code RESULT phase=ms ...}. Shows what is common to any handler on the plugin and the SDK (the first rows)
 * and what the plugin would repeat per request (the schema loads).
 */
public final class PhaseProbe {
    private static long last = System.nanoTime();
    private static final StringJoiner OUT = new StringJoiner(" ", "RESULT ", "");

    private PhaseProbe() {
    }

    private static void lap(final String phase) {
        final long now = System.nanoTime();
        OUT.add(phase + "=" + String.format("%.1f", (now - last) / 1e6));
        last = now;
    }

    public static void main(final String[] args) throws Exception {
        Class.forName("software.amazon.cloudformation.AbstractWrapper");
        lap("plugin_static_init_apache_client_tls");
        new software.amazon.cloudformation.resource.Serializer();
        lap("plugin_serializer_jackson");
        final JSONObject schema = new JSONObject(new JSONTokener(
            PhaseProbe.class.getResourceAsStream("/community-ivsrealtime-stage.json")));
        lap("schema_read");
        final Validator validator = new Validator();
        validator.validateObject(new JSONObject().put("Name", "probe"), schema);
        lap("plugin_validate_model_loads_schema");
        validator.validateObject(new JSONObject().put("Name", "probe"), schema);
        lap("plugin_validate_model_again");
        validator.loadResourceDefinitionSchema(schema);
        lap("schema_meta_schema_check");
        ResourceTypeSchema.load(schema);
        lap("plugin_sanitize_loads_schema_again");
        final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        lap("url_connection_client");
        final IvsRealTimeClient client = IvsRealTimeClient.builder().httpClient(http).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"), "probe")))
            .build();
        lap("sdk_client_build_incl_region_service_metadata");
        client.createStage(r -> r.name("probe"));
        lap("sdk_first_call_create_stage");
        client.getStage(r -> r.arn(client.listStages(l -> l.maxResults(1)).stages().get(0).arn()));
        lap("sdk_next_calls_list_get");
        System.out.println(OUT);
    }
}
