package community.ivsrealtime.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalLambdaContext;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The class Lambda loads for each type ({@code <package>.LambdaEntrypoint}, as the RegisterType packages name it):
 * its static initializer runs {@link ColdStart#prepare} (class loading on another thread), and requests reach the
 * type's wrapper unchanged. Through the
 * real boundary: CloudFormation-shaped JSON in, the local endpoint over HTTP, the real SDK.
 */
class LambdaEntrypointTest {

    private IvsRealTimeEmulator emulator;

    @BeforeEach
    void resetEndpoint() {
        emulator = SharedEmulator.reset();
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void theRegisteredEntrypointCreatesReadsAndDeletesThroughTheWrapper(final TypeUnderTest type) throws Exception {
        final String entrypoint = type.files().entrypoint();
        assertThat(entrypoint).endsWith(".LambdaEntrypoint::handleRequest");
        final Class<?> entryClass = Class.forName(entrypoint.substring(0, entrypoint.indexOf("::")));
        final IvsLambdaEntrypoint entry = (IvsLambdaEntrypoint) entryClass.getConstructor().newInstance();
        assertThat(entry.wrapper().getClass().getName()).isEqualTo(type.files().packageName() + ".HandlerWrapper");

        final HandlerResponse created = invoke(entry, type.request("CREATE").properties(type.createInput()));
        assertThat(created.status()).as(created.json().toString()).isEqualTo("SUCCESS");
        final String arn = created.arn();
        assertThat(emulator.calls().counts()).containsEntry(type.createOp, 1L);

        final ObjectNode identifier = HandlerRequest.JSON.createObjectNode().put("Arn", arn);
        final HandlerResponse read = invoke(entry, type.request("READ").properties(identifier));
        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.arn()).isEqualTo(arn);

        final HandlerResponse deleted = invoke(entry, type.request("DELETE").properties(identifier));
        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(invoke(entry, type.request("READ").properties(identifier)).errorCode()).isEqualTo("NotFound");
    }

    @Test
    void theClassListLoadsTheClassesItNamesAndIgnoresTheRest() throws Exception {
        final List<String> names = listedNames();
        assertThat(names).hasSizeGreaterThan(1_000)
            .contains("software.amazon.cloudformation.AbstractWrapper", ColdStart.TYPE_PACKAGE + ".ResourceModel");
        // in this JVM every listed class of the jar's libraries is on the class path; JDK names may differ by version
        final long libraries = names.stream().filter(n -> !n.startsWith("java.") && !n.startsWith("jdk.")
            && !n.startsWith("sun.") && !n.startsWith("javax.") && !n.startsWith("com.sun.")).count();
        assertThat(ColdStart.loadClasses(getClass().getClassLoader(), "community.ivsrealtime.publickey"))
            .isGreaterThanOrEqualTo((int) libraries);
        assertThat(Class.forName("community.ivsrealtime.publickey.ResourceModel", false, getClass().getClassLoader()))
            .isNotNull();
        assertThat(ColdStart.loadClasses(getClass().getClassLoader(), "no.such.package"))
            .as("a missing type package only skips its names").isLessThan(names.size());
    }

    @Test
    void prepareLoadsOnADaemonThreadAndReturnsAtOnce() throws Exception {
        final Thread thread = ColdStart.prepare(community.ivsrealtime.ingestconfiguration.HandlerWrapper.class);
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo(ColdStart.PRELOAD_THREAD);
        thread.join(60_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(Class.forName("community.ivsrealtime.ingestconfiguration.ResourceModel", false,
            getClass().getClassLoader())).isNotNull();
    }

    @Test
    void aLoaderWithoutTheJarOnlyLoadsTheJdksNames() throws Exception {
        final ClassLoader jdkOnly = new ClassLoader(null) { };
        final int loaded = ColdStart.loadClasses(jdkOnly, "community.ivsrealtime.stage");
        assertThat(loaded).isPositive().isLessThan(listedNames().size() / 2);
    }

    private static List<String> listedNames() throws Exception {
        try (InputStream in = ColdStart.class.getResourceAsStream(ColdStart.CLASS_LIST)) {
            assertThat(in).as(ColdStart.CLASS_LIST).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private static HandlerResponse invoke(final IvsLambdaEntrypoint entry, final HandlerRequest request)
        throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LocalLambdaContext context = new LocalLambdaContext();
        entry.handleRequest(new ByteArrayInputStream(request.bytes()), out, context);
        return new HandlerResponse((ObjectNode) HandlerRequest.JSON.readTree(out.toByteArray()), context.log());
    }
}
