package community.ivsrealtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import community.ivsrealtime.registry.ResourceType;
import community.ivsrealtime.registry.SamTemplate;
import community.ivsrealtime.schema.TypeFiles;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * template.yml (SAM) is the registry's rendering for the project's default runtime, and declares a TypeFunction and a
 * TestEntrypoint per type whose Handler exists in the handlers.
 */
class TemplateTest {

    static String committed() {
        return TypeFiles.read(TypeFiles.repositoryRoot().resolve("template.yml"));
    }

    static JsonNode template() throws Exception {
        return new YAMLMapper().readTree(committed());
    }

    @Test
    void theCommittedTemplateIsTheRegistrysRenderingForTheDefaultRuntime() {
        assertThat(committed())
            .as("template.yml is stale: mvn -B -pl handlers -am -Pwrite-template process-classes -DskipTests")
            .isEqualTo(SamTemplate.render(ResourceType.defaultHandlerRuntime()));
    }

    @Test
    void theDefaultRuntimeIsJava21() {
        // Lambda's java17 runs on Amazon Linux 2 (end of life 2026-06-30): deprecated, creation blocked 2026-07-31
        assertThat(ResourceType.defaultHandlerRuntime()).isEqualTo("java21");
    }

    @Test
    void isASamTemplateWithExactlyTwoFunctionsPerType() throws Exception {
        JsonNode template = template();
        assertThat(template.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        List<String> expected = new ArrayList<>();
        for (ResourceType type : ResourceType.values()) {
            expected.add(type.simpleName() + "TypeFunction");
            expected.add(type.simpleName() + "TestEntrypoint");
        }
        List<String> ids = new ArrayList<>();
        template.path("Resources").fieldNames().forEachRemaining(ids::add);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void handlersNameExistingMethodsTheDefaultRuntimeAndTheShadedJar(ResourceType type) throws Exception {
        JsonNode resources = template().path("Resources");
        check(resources.path(type.simpleName() + "TypeFunction"), type.packageName() + ".LambdaEntrypoint::handleRequest");
        check(resources.path(type.simpleName() + "TestEntrypoint"), type.packageName() + ".HandlerWrapper::testEntrypoint");
    }

    @Test
    void anotherRuntimeRendersEverywhereAndANonJavaRuntimeIsRefused() {
        assertThat(SamTemplate.render("java25")).contains("Runtime: java25").doesNotContain("java21");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SamTemplate.render("python3.13"))
            .hasMessageContaining("\"python3.13\"").hasMessageContaining("java21");
    }

    private static void check(JsonNode function, String expectedHandler) throws Exception {
        assertThat(function.path("Type").asText()).isEqualTo("AWS::Serverless::Function");
        JsonNode props = function.path("Properties");
        assertThat(props.path("Runtime").asText()).isEqualTo(ResourceType.defaultHandlerRuntime());
        assertThat(props.path("CodeUri").asText()).isEqualTo(SamTemplate.CODE_URI);
        String handler = props.path("Handler").asText();
        assertThat(handler).isEqualTo(expectedHandler);
        assertHandlerMethodExists(Thread.currentThread().getContextClassLoader(), handler);
    }

    /** {@code pkg.Class::method} names a public class with a public instance method (InputStream, OutputStream, Context). */
    static void assertHandlerMethodExists(ClassLoader loader, String handler) throws Exception {
        String[] parts = handler.split("::");
        assertThat(parts).hasSize(2);
        Class<?> type = Class.forName(parts[0], false, loader);
        assertThat(Modifier.isPublic(type.getModifiers())).as(parts[0] + " is public").isTrue();
        assertThat(Modifier.isAbstract(type.getModifiers())).as(parts[0] + " is concrete").isFalse();
        assertThat(type.getConstructor()).as(parts[0] + " has a public no-argument constructor").isNotNull();
        Class<?> in = Class.forName(InputStream.class.getName(), false, loader);
        Class<?> out = Class.forName(OutputStream.class.getName(), false, loader);
        Class<?> context = Class.forName(Context.class.getName(), false, loader);
        Method method = type.getMethod(parts[1], in, out, context);
        assertThat(Modifier.isStatic(method.getModifiers())).as(handler + " is an instance method").isFalse();
    }
}
