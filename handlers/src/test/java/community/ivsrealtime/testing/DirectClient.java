package community.ivsrealtime.testing;

import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * An SDK client of the tests' own (not the handlers'), to seed resources and to look at what the handlers did
 * (e.g. the tags the service stores, including the system tags READ never reports).
 */
public final class DirectClient {

    private DirectClient() {
    }

    public static IvsRealTimeClient of(final IvsRealTimeEmulator emulator) {
        return IvsRealTimeClient.builder()
            .endpointOverride(emulator.endpoint())
            .region(Region.of(IvsRealTimeEmulator.DEFAULT_REGION))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY)))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    }

    /** The tags the service stores for {@code arn}. */
    public static Map<String, String> tags(final IvsRealTimeEmulator emulator, final String arn) {
        try (IvsRealTimeClient client = of(emulator)) {
            return client.listTagsForResource(r -> r.resourceArn(arn)).tags();
        }
    }

    /** A fresh ECDSA P-384 public key in PEM, as IVS participant-token keys are. */
    public static String newPublicKeyPem() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            final String base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates one resource of {@code type} directly (not through a handler); returns its ARN. */
    public static String seed(final IvsRealTimeClient client, final TypeUnderTest type, final String name) {
        return switch (type) {
            case STAGE -> client.createStage(r -> r.name(name)).stage().arn();
            case ENCODER_CONFIGURATION -> client.createEncoderConfiguration(r -> r.name(name))
                .encoderConfiguration().arn();
            case STORAGE_CONFIGURATION -> client.createStorageConfiguration(r -> r.name(name)
                .s3(s3 -> s3.bucketName("seed-bucket"))).storageConfiguration().arn();
            case PUBLIC_KEY -> client.importPublicKey(r -> r.name(name).publicKeyMaterial(newPublicKeyPem()))
                .publicKey().arn();
            case INGEST_CONFIGURATION -> client.createIngestConfiguration(r -> r.name(name).ingestProtocol("RTMPS"))
                .ingestConfiguration().arn();
        };
    }
}
