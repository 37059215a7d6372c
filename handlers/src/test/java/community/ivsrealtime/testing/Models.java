package community.ivsrealtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Model comparisons the way the CloudFormation contract tests make them, driven by the type's schema. */
public final class Models {

    private Models() {
    }

    /** The type's schema (classpath root, as the wrapper loads it). */
    public static ObjectNode schema(final TypeUnderTest type) {
        final String name = "/community-ivsrealtime-" + type.directory + ".json";
        try (InputStream in = Models.class.getResourceAsStream(name)) {
            assertThat(in).as("schema %s on the classpath", name).isNotNull();
            return (ObjectNode) HandlerRequest.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Top-level property names listed under {@code readOnlyProperties} / {@code writeOnlyProperties}. */
    public static Set<String> properties(final TypeUnderTest type, final String list) {
        final Set<String> names = new HashSet<>();
        schema(type).path(list).forEach(p -> names.add(p.asText().replaceFirst("^/properties/", "")));
        return names;
    }

    /**
     * Input equals output: every property of {@code input} (readOnly and writeOnly aside) comes back with the
     * same value; objects compare the input's keys, arrays as multisets, numbers by value.
     */
    public static void assertInputEqualsOutput(final TypeUnderTest type, final JsonNode input, final JsonNode output) {
        assertThat(output).as("output model").isNotNull();
        final Set<String> skip = new HashSet<>(properties(type, "readOnlyProperties"));
        skip.addAll(properties(type, "writeOnlyProperties"));
        input.fieldNames().forEachRemaining(name -> {
            if (!skip.contains(name)) {
                assertThat(covers(input.get(name), output.get(name)))
                    .as("property %s: input %s, output %s", name, input.get(name), output.get(name))
                    .isTrue();
            }
        });
    }

    /** No writeOnly property in a SUCCESS model. */
    public static void assertNoWriteOnly(final TypeUnderTest type, final JsonNode model) {
        for (final String name : properties(type, "writeOnlyProperties")) {
            assertThat(model.has(name)).as("writeOnly %s in %s", name, model).isFalse();
        }
    }

    /** True when {@code out} has every value of {@code in} (see assertInputEqualsOutput): the contract suite's rule. */
    public static boolean covers(final JsonNode in, final JsonNode out) {
        return community.ivsrealtime.contract.ContractSuite.covers(in, out);
    }

    /** Asserts the contract's rules for a SUCCESS response. */
    public static void assertSuccess(final HandlerResponse response) {
        assertThat(response.status()).as("status of %s", response).isEqualTo("SUCCESS");
        assertThat(response.errorCode()).as("errorCode of %s", response).isNull();
        assertThat(response.callbackDelaySeconds()).isZero();
    }

    /** Asserts the contract's rules for a FAILED response with {@code errorCode}. */
    public static void assertFailed(final HandlerResponse response, final String errorCode) {
        assertThat(response.status()).as("status of %s", response).isEqualTo("FAILED");
        assertThat(response.errorCode()).as("errorCode of %s", response).isEqualTo(errorCode);
        assertThat(response.message()).as("message of %s", response).isNotBlank();
        assertThat(response.models()).as("resourceModels of %s", response).isNull();
        assertThat(response.callbackDelaySeconds()).isZero();
    }

    /** Every Arn LIST returns, following every nextToken (at most 100 pages). */
    public static List<String> listAll(final TypeUnderTest type) {
        final List<String> arns = new ArrayList<>();
        String token = null;
        for (int page = 0; page < 100; page++) {
            final HandlerRequest request = type.request("LIST");
            if (token != null) {
                request.nextToken(token);
            }
            final HandlerResponse response = type.invoker().invoke(request);
            assertSuccess(response);
            assertThat(response.models()).as("resourceModels of %s", response).isNotNull();
            response.models().forEach(m -> arns.add(m.path("Arn").asText()));
            token = response.nextToken();
            if (token == null) {
                return arns;
            }
        }
        throw new AssertionError("LIST did not end after 100 pages");
    }
}
