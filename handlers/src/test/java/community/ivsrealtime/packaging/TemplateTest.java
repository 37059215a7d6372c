package community.ivsrealtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import community.ivsrealtime.schema.Types;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** template.yml (SAM) declares a TypeFunction and a TestEntrypoint per type whose Handler exists in the handlers. */
class TemplateTest {

    static final String CODE_URI = "handlers/target/ivs-realtime-handlers.jar";

    static JsonNode template() throws Exception {
        return new YAMLMapper().readTree(Types.repositoryRoot().resolve("template.yml").toFile());
    }

    @Test
    void isASamTemplateWithExactlyTwoFunctionsPerType() throws Exception {
        JsonNode template = template();
        assertThat(template.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        List<String> expected = new ArrayList<>();
        for (Types type : Types.values()) {
            expected.add(type.simpleName() + "TypeFunction");
            expected.add(type.simpleName() + "TestEntrypoint");
        }
        List<String> ids = new ArrayList<>();
        template.path("Resources").fieldNames().forEachRemaining(ids::add);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Types.class)
    void handlersNameExistingMethodsRuntimeJava17AndTheShadedJar(Types type) throws Exception {
        JsonNode resources = template().path("Resources");
        check(resources.path(type.simpleName() + "TypeFunction"), type.packageName() + ".HandlerWrapper::handleRequest");
        check(resources.path(type.simpleName() + "TestEntrypoint"), type.packageName() + ".HandlerWrapper::testEntrypoint");
    }

    private static void check(JsonNode function, String expectedHandler) throws Exception {
        assertThat(function.path("Type").asText()).isEqualTo("AWS::Serverless::Function");
        JsonNode props = function.path("Properties");
        assertThat(props.path("Runtime").asText()).isEqualTo("java17");
        assertThat(props.path("CodeUri").asText()).isEqualTo(CODE_URI);
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
