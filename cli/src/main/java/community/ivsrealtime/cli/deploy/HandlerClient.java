package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.local.LocalInvoker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClientBuilder;

/**
 * Calls a type's {@code HandlerWrapper} as CloudFormation does: a {@code HandlerRequest} (protocol 2.0.0) with
 * the stack id, logical id, caller credentials, stack and system tags (previous ones on UPDATE), invoked again
 * with the returned {@code callbackContext} after {@code callbackDelaySeconds} while the answer is IN_PROGRESS.
 */
final class HandlerClient {

    /** How long one action may go on re-invoking before it counts as failed (CloudFormation's default is hours). */
    private static final Duration ACTION_TIMEOUT = Duration.ofMinutes(10);

    /** What to send. */
    record Call(String action, String type, String logicalId, String stackId, ObjectNode properties,
                ObjectNode previousProperties, Map<String, String> stackTags, Map<String, String> previousStackTags) {
    }

    /** Runs one request through a type's wrapper (tests put a step in between). */
    @FunctionalInterface
    interface Invocation {
        HandlerResponse invoke(String type, byte[] request);
    }

    private final Connection connection;
    private final Invocation invocation;
    private IvsRealTimeClient client;

    HandlerClient(final Connection connection) {
        this(connection, (type, request) -> LocalInvoker.forType(type).invoke(request));
    }

    HandlerClient(final Connection connection, final Invocation invocation) {
        this.connection = connection;
        this.invocation = invocation;
    }

    /** Runs the action to its end (SUCCESS or FAILED). */
    HandlerResponse invoke(final Call call) {
        final HandlerRequest request = HandlerRequest.of(call.action(), call.type())
            .awsAccountId(connection.accountId())
            .region(connection.region())
            .stackId(call.stackId())
            .logicalResourceId(call.logicalId())
            .callerCredentials(connection.accessKeyId(), connection.secretAccessKey(), connection.sessionToken())
            .properties(call.properties());
        if (call.stackTags() != null) {
            request.stackTags(call.stackTags());
        }
        final Map<String, String> systemTags = HandlerRequest.systemTags(call.stackId(), call.logicalId());
        request.systemTags(systemTags);
        if ("UPDATE".equals(call.action())) {
            request.previousProperties(call.previousProperties())
                .previousStackTags(call.previousStackTags() == null ? Map.of() : call.previousStackTags())
                .previousSystemTags(systemTags);
        }
        final long deadline = System.nanoTime() + ACTION_TIMEOUT.toNanos();
        final ObjectNode json = request.json();
        while (true) {
            final HandlerResponse response =
                invocation.invoke(call.type(), json.toString().getBytes(StandardCharsets.UTF_8));
            if (!"IN_PROGRESS".equals(response.status())) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                final ObjectNode failed = HandlerRequest.JSON.createObjectNode().put("status", "FAILED")
                    .put("errorCode", "NotStabilized")
                    .put("message", call.action() + " still IN_PROGRESS after " + ACTION_TIMEOUT.toMinutes() + " min");
                return new HandlerResponse(failed, response.log());
            }
            sleep(response.callbackDelaySeconds());
            final JsonNode context = response.json().get("callbackContext");
            json.set("callbackContext", context == null ? HandlerRequest.JSON.nullNode() : context);
            if (response.model() != null) {
                ((ObjectNode) json.get("requestData")).set("resourceProperties", response.model());
            }
        }
    }

    /** The primary identifiers of every resource of a type (LIST, all pages). */
    List<String> list(final String type) {
        final List<String> arns = new ArrayList<>();
        String next = null;
        do {
            final HandlerResponse page = invocation.invoke(type, HandlerRequest.of("LIST", type)
                .awsAccountId(connection.accountId()).region(connection.region())
                .callerCredentials(connection.accessKeyId(), connection.secretAccessKey(), connection.sessionToken())
                .properties(HandlerRequest.JSON.createObjectNode())
                .nextToken(next).bytes());
            if (!page.succeeded()) {
                throw new IllegalStateException("LIST " + type + " failed: " + page.errorCode() + " " + page.message());
            }
            page.models().forEach(m -> arns.add(m.path("Arn").asText()));
            next = page.nextToken();
        } while (next != null);
        return arns;
    }

    /** The tags IVS stores for a resource, system tags included (the handlers' READ leaves those out). */
    Map<String, String> tags(final String arn) {
        return new TreeMap<>(client().listTagsForResource(r -> r.resourceArn(arn)).tags());
    }

    /** An SDK client with the caller's credentials at the same endpoint as the handlers. */
    IvsRealTimeClient client() {
        if (client == null) {
            final IvsRealTimeClientBuilder builder = IvsRealTimeClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(connection.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    connection.accessKeyId(), connection.secretAccessKey(), connection.sessionToken())));
            if (connection.endpoint() != null) {
                builder.endpointOverride(connection.endpoint());
            }
            client = builder.build();
        }
        return client;
    }

    private static void sleep(final int seconds) {
        try {
            Thread.sleep(Math.max(0, Math.min(seconds, 60)) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to re-invoke the handler", e);
        }
    }
}
