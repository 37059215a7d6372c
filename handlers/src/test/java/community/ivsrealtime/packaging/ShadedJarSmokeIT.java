package community.ivsrealtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.registry.ResourceType;
import community.ivsrealtime.schema.TypeFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the shaded jar itself, loaded in isolation from the test classpath as Lambda would load it: CREATE with
 * the type's contract create input, READ, DELETE, against the local endpoint. Proves that nothing the jar needs
 * at run time was left out of it.
 */
class ShadedJarSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINT_PROPERTY = "aws.endpointUrlIvsRealTime";

    private static IvsRealTimeEmulator emulator;
    private static URLClassLoader jar;

    @BeforeAll
    static void start() throws Exception {
        emulator = IvsRealTimeEmulator.start();
        System.setProperty(ENDPOINT_PROPERTY, emulator.endpoint().toString());
        jar = new URLClassLoader(new URL[] {TypePackagesIT.shadedJar().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty(ENDPOINT_PROPERTY);
        if (jar != null) {
            jar.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void createReadDeleteThroughTheShadedJar(ResourceType type) throws Exception {
        ObjectNode input = (ObjectNode) JSON.readTree(TypeFiles.read(TypeFiles.inputFile(type, "create")));
        JsonNode created = invoke(type, request(type, "CREATE", input));
        assertThat(created.path("status").asText()).as(created.toString()).isEqualTo("SUCCESS");
        String arn = created.path("resourceModel").path("Arn").asText();
        assertThat(arn).startsWith("arn:aws:ivs:");

        ObjectNode identifier = JSON.createObjectNode().put("Arn", arn);
        JsonNode read = invoke(type, request(type, "READ", identifier));
        assertThat(read.path("status").asText()).as(read.toString()).isEqualTo("SUCCESS");
        assertThat(read.path("resourceModel").path("Name").asText()).isEqualTo(input.path("Name").asText());

        JsonNode deleted = invoke(type, request(type, "DELETE", identifier));
        assertThat(deleted.path("status").asText()).as(deleted.toString()).isEqualTo("SUCCESS");
        JsonNode gone = invoke(type, request(type, "READ", identifier));
        assertThat(gone.path("errorCode").asText()).isEqualTo("NotFound");
    }

    private static byte[] request(ResourceType type, String action, ObjectNode properties) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("awsAccountId", IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID);
        root.put("bearerToken", UUID.randomUUID().toString());
        root.put("region", IvsRealTimeEmulator.DEFAULT_REGION);
        root.put("action", action);
        root.put("resourceType", type.typeName());
        root.put("resourceTypeVersion", "00000001");
        root.put("stackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/smoke/11111111-2222-3333-4444-555555555555");
        root.putNull("callbackContext");
        ObjectNode data = root.putObject("requestData");
        ObjectNode credentials = data.putObject("callerCredentials");
        credentials.put("accessKeyId", IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID);
        credentials.put("secretAccessKey", IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY);
        credentials.put("sessionToken", "smoke-session-token");
        data.put("logicalResourceId", "Smoke" + type.simpleName());
        data.set("resourceProperties", properties);
        return JSON.writeValueAsBytes(root);
    }

    /** {@code new HandlerWrapper().handleRequest(in, out, context)} with classes from the shaded jar only. */
    private static JsonNode invoke(ResourceType type, byte[] request) throws Exception {
        Class<?> wrapperClass = Class.forName(type.packageName() + ".HandlerWrapper", true, jar);
        Class<?> contextClass = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, jar);
        Class<?> loggerClass = Class.forName("com.amazonaws.services.lambda.runtime.LambdaLogger", false, jar);
        Object logger = Proxy.newProxyInstance(jar, new Class<?>[] {loggerClass}, (p, m, a) -> null);
        Object context = Proxy.newProxyInstance(jar, new Class<?>[] {contextClass}, (p, m, a) -> switch (m.getName()) {
            case "getLogger" -> logger;
            case "getRemainingTimeInMillis" -> 900_000;
            case "getMemoryLimitInMB" -> 512;
            case "getAwsRequestId" -> "smoke-request";
            case "getFunctionName", "getLogGroupName", "getLogStreamName", "getFunctionVersion", "getInvokedFunctionArn" -> "smoke";
            case "hashCode" -> System.identityHashCode(p);
            case "equals" -> p == a[0];
            case "toString" -> "SmokeContext";
            default -> null;
        });
        Object wrapper = wrapperClass.getConstructor().newInstance();
        Method handle = wrapperClass.getMethod("handleRequest", InputStream.class, OutputStream.class, contextClass);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handle.invoke(wrapper, new ByteArrayInputStream(request), out, context);
        return JSON.readTree(new String(out.toByteArray(), StandardCharsets.UTF_8));
    }
}
