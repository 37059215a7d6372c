package community.ivsrealtime.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.core.IvsException;
import community.ivsrealtime.emulator.core.OperationHandler;
import community.ivsrealtime.emulator.faults.RecordedCall;
import community.ivsrealtime.emulator.faults.CallLog;
import community.ivsrealtime.emulator.faults.Fault;
import community.ivsrealtime.emulator.faults.FaultInjector;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API pipeline for one request: route (model {@code http} traits, raw path), verify SigV4, build the input
 * (JSON body plus URI labels and query members), apply an injected fault, validate it against the model,
 * call the {@link OperationHandler}, serialize the output or the error, and record the call.
 */
public final class ProtocolHandler {
    private static final System.Logger LOG = System.getLogger(ProtocolHandler.class.getName());
    private static final List<String> TARGET_ARN_MEMBERS = List.of("arn", "resourceArn");

    private final ServiceModel model;
    private final Router router;
    private final InputValidator validator;
    private final SigV4Verifier verifier;
    private final OperationHandler handler;
    private final FaultInjector faults;
    private final CallLog calls;
    private final Clock clock;

    public ProtocolHandler(ServiceModel model, SigV4Verifier verifier, OperationHandler handler, FaultInjector faults,
                           CallLog calls, Clock clock) {
        this.model = model;
        this.router = new Router(model);
        this.validator = new InputValidator(model);
        this.verifier = verifier;
        this.handler = handler;
        this.faults = faults;
        this.calls = calls;
        this.clock = clock;
    }

    public WireResponse handle(WireRequest request) {
        String requestId = RequestIds.next();
        Router.Route route;
        try {
            route = router.route(request.method(), request.rawPath());
        } catch (PercentCoding.MalformedEncodingException e) {
            return Responses.error(IvsException.validation("Invalid URI: " + e.getMessage()), requestId);
        }
        if (request.rawQuery() != null && request.rawQuery().indexOf('%') >= 0) {
            try { // a bad escape anywhere in the query is refused, also in parameters the operation does not read
                PercentCoding.parseQuery(request.rawQuery());
            } catch (PercentCoding.MalformedEncodingException e) {
                return Responses.error(IvsException.validation("Invalid query string: " + e.getMessage()), requestId);
            }
        }
        if (route == null) {
            return Responses.error(404, "UnknownOperationException",
                    "No operation matches " + request.method() + " " + request.rawPath(), requestId);
        }
        String operation = route.operation().name();
        Instant time = clock.instant();
        Caller caller = null;
        ObjectNode input = null;
        boolean dropAfterActing = false;
        try {
            caller = verifier.verify(request);
            input = input(route, request);
            Optional<Fault> fault = faults.next(operation);
            if (fault.isPresent()) {
                dropAfterActing = fault.get().dropsAfterActing();
                WireResponse injected = apply(fault.get(), requestId);
                if (injected != null) {
                    record(time, operation, arnOf(input, null), caller, request, injected, null);
                    return injected;
                }
            }
            validator.check(route.operation().inputShape(), input);
            removeNulls(input);
            CallContext ctx = new CallContext(caller.accountId(), caller.region(), caller.accessKeyId(), requestId);
            ObjectNode output = handler.invoke(operation, input, ctx);
            WireResponse response = Responses.ok(output == null ? Responses.JSON.createObjectNode() : output, requestId);
            return deliver(time, operation, arnOf(input, output), caller, request, response, null, dropAfterActing);
        } catch (IvsException e) {
            WireResponse response = Responses.error(e, requestId);
            return deliver(time, operation, arnOf(input, null), caller, request, response, e.code(), dropAfterActing);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error in " + operation + " (request " + requestId + ")", e);
            WireResponse response = Responses.error(IvsException.internal("Internal error: " + e), requestId);
            return deliver(time, operation, arnOf(input, null), caller, request, response, "InternalServerException",
                    dropAfterActing);
        }
    }

    /**
     * Records the call and returns its response, or, when a {@code dropConnectionAfterActing} fault applies, records
     * it as {@link RecordedCall#DROPPED_AFTER_ACTING} (status 0, with the ARN the operation returned) and drops the
     * connection: the service has acted, the client never hears of it.
     */
    private WireResponse deliver(Instant time, String operation, String arn, Caller caller, WireRequest request,
                                 WireResponse response, String errorCode, boolean dropAfterActing) {
        if (dropAfterActing) {
            WireResponse dropped = WireResponse.dropped();
            record(time, operation, arn, caller, request, dropped, RecordedCall.DROPPED_AFTER_ACTING);
            return dropped;
        }
        record(time, operation, arn, caller, request, response, errorCode);
        return response;
    }

    /** Applies a fault: sleeps its delay, then returns the response to send instead, or null to go on. */
    private static WireResponse apply(Fault fault, String requestId) {
        if (!fault.delay().isZero()) {
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.drops()) {
            return WireResponse.dropped();
        }
        if (fault.dropsAfterActing()) {
            return null; // the call goes on; its response is dropped in deliver()
        }
        if (fault.isError()) {
            return Responses.error(fault.effectiveStatus(), fault.effectiveErrorCode(), fault.effectiveMessage(),
                    requestId);
        }
        return null;
    }

    private ObjectNode input(Router.Route route, WireRequest request) {
        ObjectNode input = JsonBody.parse(request.body());
        route.labels().forEach((label, value) -> input.put(route.operation().labelMembers().get(label), value));
        if (!route.operation().queryMembers().isEmpty()) {
            Map<String, List<String>> query;
            try {
                query = PercentCoding.parseQuery(request.rawQuery());
            } catch (PercentCoding.MalformedEncodingException e) {
                throw IvsException.validation("Invalid query string: " + e.getMessage());
            }
            route.operation().queryMembers().forEach((param, member) -> {
                List<String> values = query.get(param);
                if (values != null) {
                    putQueryMember(input, route.operation().inputShape(), member, values);
                }
            });
        }
        return input;
    }

    /**
     * Drops members whose value is an explicit JSON {@code null}, at any depth: the validator treats them as
     * absent (null list elements and map values were rejected already), so the business logic sees them absent
     * too instead of tripping over a {@code NullNode} where a structure or a list is expected.
     */
    static void removeNulls(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                JsonNode value = it.next().getValue();
                if (value.isNull()) {
                    it.remove();
                } else {
                    removeNulls(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(ProtocolHandler::removeNulls);
        }
    }

    private void putQueryMember(ObjectNode input, String inputShape, String member, List<String> values) {
        String memberShape = model.shape(inputShape).path("members").path(member).path("shape").asText();
        if ("list".equals(model.shape(memberShape).path("type").asText())) {
            ArrayNode array = input.putArray(member);
            values.forEach(array::add);
        } else {
            input.put(member, values.get(0));
        }
    }

    private void record(Instant time, String operation, String arn, Caller caller, WireRequest request,
                        WireResponse response, String errorCode) {
        String code = RecordedCall.DROPPED_AFTER_ACTING.equals(errorCode) ? errorCode
                : response.dropConnection() ? RecordedCall.DROPPED
                : errorCode != null ? errorCode : response.headers().get(Responses.ERROR_TYPE);
        String accessKeyId = caller != null ? caller.accessKeyId() : SigV4Verifier.claimedAccessKeyId(request);
        calls.record(new RecordedCall(time, operation, arn, accessKeyId, response.status(),
                code));
    }

    /**
     * The ARN a call is about: the input's {@code arn} or {@code resourceArn}; else the {@code arn} of the resource
     * the call returned (creates, StartComposition); else the input's {@code stageArn}. Empty strings (a detached
     * ingest configuration's {@code stageArn: ""}) do not count.
     */
    private static String arnOf(ObjectNode input, ObjectNode output) {
        String arn = firstArn(input, TARGET_ARN_MEMBERS);
        if (arn == null && output != null) {
            Iterator<JsonNode> it = output.elements();
            while (arn == null && it.hasNext()) {
                arn = nonEmptyText(it.next().get("arn"));
            }
        }
        return arn != null ? arn : firstArn(input, List.of("stageArn"));
    }

    private static String firstArn(ObjectNode input, List<String> members) {
        if (input != null) {
            for (String member : members) {
                String value = nonEmptyText(input.get(member));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String nonEmptyText(JsonNode value) {
        return value != null && value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
    }
}
