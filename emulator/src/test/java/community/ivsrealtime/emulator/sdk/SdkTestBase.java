package community.ivsrealtime.emulator.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.junit.IvsRealTimeExtension;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * One emulator per test class, the real SDK client (url-connection, signed with the default pair) and
 * a reset before each test. Simulation goes through {@code service().admin(...)}.
 */
abstract class SdkTestBase {
    static final String ACCOUNT = IvsRealTimeEmulator.DEFAULT_ACCOUNT_ID;
    static final String REGION = "us-east-1";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Resets before each test, quotas included. */
    @RegisterExtension
    static final IvsRealTimeExtension local = IvsRealTimeExtension.create();
    static IvsRealTimeClient ivs;

    @BeforeAll
    static void startClient() {
        ivs = client(REGION);
    }

    @AfterAll
    static void stopClient() {
        ivs.close();
    }

    static IvsRealTimeClient client(String region) {
        return IvsRealTimeClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(local.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)))
                .build();
    }

    /** Runs a simulation action in the default account and us-east-1; members as name/value pairs. */
    static ObjectNode sim(String action, Object... nameValues) {
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < nameValues.length; i += 2) {
            body.set((String) nameValues[i], JSON.valueToTree(nameValues[i + 1]));
        }
        return local.service().admin(action, body, new CallContext(ACCOUNT, REGION, null, "test"));
    }

    static String pem(String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp384r1"));
        } else {
            g.initialize(2048);
        }
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }
}
