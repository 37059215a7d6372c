package community.ivsrealtime.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.AdminInput;
import community.ivsrealtime.emulator.core.CallContext;
import community.ivsrealtime.emulator.core.IvsException;
import community.ivsrealtime.emulator.faults.RecordedCall;
import community.ivsrealtime.emulator.faults.Fault;
import community.ivsrealtime.emulator.protocol.JsonBody;
import community.ivsrealtime.emulator.protocol.PercentCoding;
import community.ivsrealtime.emulator.protocol.RequestIds;
import community.ivsrealtime.emulator.protocol.Responses;
import community.ivsrealtime.emulator.protocol.SigV4Verifier;
import community.ivsrealtime.emulator.protocol.WireRequest;
import community.ivsrealtime.emulator.protocol.WireResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The admin HTTP API under {@value #PREFIX} (JSON, no signature needed):
 * <ul>
 *   <li>{@code GET health}: {@code {"status":"ok"}}</li>
 *   <li>{@code POST reset}: forget all resources, faults and calls</li>
 *   <li>{@code GET calls}: {@code {"calls":[...],"counts":{...}}}; {@code DELETE calls}: clear the log</li>
 *   <li>{@code GET faults}: active faults; {@code POST faults} with {@code {"operation","status","errorCode",
 *       "message","delayMillis","dropConnection","dropConnectionAfterActing","times","fraction"}} (all optional; no operation = any);
 *       {@code DELETE faults}: clear</li>
 *   <li>{@code GET quotas}; {@code PUT quotas} with {@code {"name": value, ...}}</li>
 *   <li>{@code POST simulate/{action}?accountId=...&region=...} with a JSON body: forwarded to
 *       {@code IvsRealTimeService.admin(action, body, ctx)}; the account must be 12 digits and the region a
 *       region name, as for API calls</li>
 * </ul>
 * Fault, quota and simulate members are checked for their types by {@link AdminInput}.
 *
 * <p>Who may call it: only clients on a loopback address (127.0.0.0/8, ::1), unless the endpoint was started with
 * {@code adminOnAllInterfaces(true)} ({@code --admin-on-all-interfaces}). With {@code --host 0.0.0.0} the IVS API
 * answers the network (with SigV4 verified), but nobody beyond this machine can reset the endpoint, inject faults or
 * change quotas: others get 403 AccessDeniedException.
 */
final class AdminApi {
    static final String PREFIX = "/_emulator/";

    private final IvsRealTimeEmulator emulator;
    private final String defaultAccountId;
    private final boolean openToAll;

    AdminApi(IvsRealTimeEmulator emulator, String defaultAccountId, boolean openToAll) {
        this.emulator = emulator;
        this.defaultAccountId = defaultAccountId;
        this.openToAll = openToAll;
    }

    WireResponse handle(WireRequest request) {
        String requestId = RequestIds.next();
        String path = request.rawPath().substring(PREFIX.length());
        if (!openToAll && !request.remote().isLoopbackAddress()) {
            return Responses.error(IvsException.accessDenied("The admin API " + PREFIX + " answers only clients on this "
                    + "machine (loopback); start the endpoint with --admin-on-all-interfaces (Java: "
                    + "adminOnAllInterfaces(true)) to open it to " + request.remote().getHostAddress()), requestId);
        }
        try {
            JsonNode result = dispatch(request.method(), path, request, requestId);
            if (result == null) {
                return Responses.error(404, "UnknownOperationException",
                        "No admin operation matches " + request.method() + " " + request.rawPath(), requestId);
            }
            return Responses.ok(result, requestId);
        } catch (IvsException e) {
            return Responses.error(e, requestId);
        } catch (IllegalArgumentException e) {
            return Responses.error(IvsException.validation(e.getMessage()), requestId);
        }
    }

    private JsonNode dispatch(String method, String path, WireRequest request, String requestId) {
        String route = method + " " + path;
        switch (route) {
            case "GET health":
                return object().put("status", "ok");
            case "POST reset":
                emulator.reset();
                return object().put("reset", true);
            case "GET calls":
                return calls();
            case "DELETE calls":
                emulator.calls().clear();
                return object();
            case "GET faults":
                return faults();
            case "POST faults":
                Fault fault = fault(body(request));
                emulator.faults().inject(fault);
                return object().put("fault", fault.toString());
            case "DELETE faults":
                emulator.faults().clear();
                return object();
            case "GET quotas":
                return quotas();
            case "PUT quotas", "POST quotas": {
                // check every entry before changing any, so a bad entry leaves all quotas as they were
                Map<String, Integer> wanted = new java.util.LinkedHashMap<>();
                body(request).fields().forEachRemaining(e -> {
                    AdminInput.check("quota", e.getKey(), e.getValue(), AdminInput.WHOLE_NUMBER);
                    if (!community.ivsrealtime.emulator.service.Quotas.names().contains(e.getKey())) {
                        emulator.service().quotas().get(e.getKey()); // throws, naming the known quotas
                    }
                    if (e.getValue().intValue() < 0) {
                        throw new IllegalArgumentException("quota " + e.getKey() + " must be >= 0, got " + e.getValue());
                    }
                    wanted.put(e.getKey(), e.getValue().intValue());
                });
                wanted.forEach((name, value) -> emulator.service().quotas().set(name, value));
                return quotas();
            }
            default:
                if (method.equals("POST") && path.startsWith("simulate/") && path.length() > "simulate/".length()) {
                    return simulate(decode(path.substring("simulate/".length())), request, requestId);
                }
                return null;
        }
    }

    private JsonNode simulate(String action, WireRequest request, String requestId) {
        Map<String, List<String>> query;
        try {
            query = PercentCoding.parseQuery(request.rawQuery());
        } catch (PercentCoding.MalformedEncodingException e) {
            throw new IllegalArgumentException("Invalid query string: " + e.getMessage());
        }
        String account = query.getOrDefault("accountId", List.of(defaultAccountId)).get(0);
        String region = query.getOrDefault("region", List.of(IvsRealTimeEmulator.DEFAULT_REGION)).get(0);
        // the same rules as for API calls, so that simulation never addresses a store no API call can reach
        if (!account.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits, got '" + account + "'");
        }
        if (!SigV4Verifier.isRegion(region)) {
            throw new IllegalArgumentException("region must be an AWS region name like us-east-1, got '" + region + "'");
        }
        ObjectNode result = emulator.service().admin(action, body(request),
                new CallContext(account, region, null, requestId));
        return result == null ? object() : result;
    }

    private ObjectNode calls() {
        ObjectNode result = object();
        ArrayNode list = result.putArray("calls");
        for (RecordedCall call : emulator.calls().all()) {
            ObjectNode c = list.addObject();
            c.put("time", call.time().toString());
            c.put("operation", call.operation());
            c.put("resourceArn", call.resourceArn());
            c.put("accessKeyId", call.accessKeyId());
            c.put("status", call.status());
            c.put("errorCode", call.errorCode());
        }
        ObjectNode counts = result.putObject("counts");
        emulator.calls().counts().forEach(counts::put);
        return result;
    }

    private ObjectNode faults() {
        ObjectNode result = object();
        ArrayNode list = result.putArray("faults");
        emulator.faults().active().forEach(f -> list.add(f.toString()));
        return result;
    }

    private ObjectNode quotas() {
        ObjectNode result = object();
        emulator.service().quotas().asMap().forEach(result::put);
        return result;
    }

    /** A fault from its admin JSON; every member is checked for its type, so a typo is an error, not a no-op. */
    static Fault fault(ObjectNode spec) {
        AdminInput.check("fault", spec, FAULT_MEMBERS);
        String operation = spec.has("operation") ? spec.get("operation").textValue() : null;
        Fault fault = operation == null || operation.equals("*") ? Fault.anyOperation() : Fault.operation(operation);
        if (spec.has("status")) {
            fault = fault.status(spec.get("status").intValue());
        }
        if (spec.has("errorCode")) {
            fault = fault.errorCode(spec.get("errorCode").textValue());
        }
        if (spec.has("message")) {
            fault = fault.message(spec.get("message").textValue());
        }
        if (spec.has("delayMillis")) {
            fault = fault.delay(Duration.ofMillis(spec.get("delayMillis").intValue()));
        }
        if (spec.has("dropConnection") && spec.get("dropConnection").booleanValue()) {
            fault = fault.dropConnection();
        }
        if (spec.has("dropConnectionAfterActing") && spec.get("dropConnectionAfterActing").booleanValue()) {
            fault = fault.dropConnectionAfterActing();
        }
        if (spec.has("times")) {
            fault = fault.times(spec.get("times").intValue());
        }
        if (spec.has("fraction")) {
            fault = fault.fraction(spec.get("fraction").doubleValue());
        }
        return fault;
    }

    private static final Map<String, AdminInput.Kind> FAULT_MEMBERS = Map.of("operation", AdminInput.STRING,
            "status", AdminInput.WHOLE_NUMBER, "errorCode", AdminInput.STRING, "message", AdminInput.STRING,
            "delayMillis", AdminInput.WHOLE_NUMBER, "dropConnection", AdminInput.BOOLEAN,
            "dropConnectionAfterActing", AdminInput.BOOLEAN,
            "times", AdminInput.WHOLE_NUMBER, "fraction", AdminInput.NUMBER);

    private static ObjectNode body(WireRequest request) {
        return JsonBody.parse(request.body());
    }

    private static String decode(String raw) {
        try {
            return PercentCoding.decodePath(raw);
        } catch (PercentCoding.MalformedEncodingException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static ObjectNode object() {
        return Responses.JSON.createObjectNode();
    }
}
