package software.amazon.jsii;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Counts the messages between this thread and the jsii runtime (node) while a piece of code runs, by kind: Java to
 * node requests ({@code create aws-cdk-lib.CfnResource}, {@code invoke getAtt}, {@code complete} = an answer to a
 * callback...) and node's callbacks into Java ({@code callback get cdkTagManager}...), the characters of JSON both
 * ways, and per kind of request the time from sending it to node's next message (node's work and the pipe). It uses jsii-runtime's own
 * per-thread message hook ({@code JsiiRuntime.messageInspector}, package-private, hence this package), which sees
 * exactly what {@code JSII_DEBUG=1} prints; benchmark code only, never in the library.
 */
public final class JsiiMessageCounter {

    /** What one piece of code sent and received. */
    public record Counts(int requests, int callbacks, long bytes, Map<String, Integer> kinds, Map<String, Long> nanos) {
    }

    private static final boolean DUMP = Boolean.getBoolean("jsii.dumpCreates");

    private JsiiMessageCounter() {
    }

    /** Runs {@code work} on this thread and counts its jsii messages. */
    public static <T> T count(final Callable<T> work, final Counts[] out) throws Exception {
        final Map<String, Integer> kinds = new TreeMap<>();
        final long[] totals = new long[3];
        final Map<String, Long> nanos = new TreeMap<>();
        final Object[] pending = new Object[2];
        final MessageInspector before = JsiiRuntime.messageInspector.get();
        JsiiRuntime.messageInspector.set((message, type) -> {
            totals[2] += message.toString().length();
            if (DUMP && message.path("api").asText().equals("create")) {
                System.out.printf("create %s: %d chars, %d overrides%n", message.path("fqn").asText(), message.toString().length(), message.path("overrides").size());
            }
            if (type == MessageInspector.MessageType.Request) {
                totals[0]++;
                final String kind = "> " + requestKind(message);
                kinds.merge(kind, 1, Integer::sum);
                pending[0] = kind;
                pending[1] = System.nanoTime();
                return;
            }
            if (pending[0] != null) {
                nanos.merge((String) pending[0], System.nanoTime() - (Long) pending[1], Long::sum);
                pending[0] = null;
            }
            if (message.has("callback")) {
                totals[1]++;
                kinds.merge("< callback " + callbackKind(message.get("callback")), 1, Integer::sum);
            }
        });
        try {
            return work.call();
        } finally {
            if (before == null) {
                JsiiRuntime.messageInspector.remove();
            } else {
                JsiiRuntime.messageInspector.set(before);
            }
            out[0] = new Counts((int) totals[0], (int) totals[1], totals[2], kinds, nanos);
        }
    }

    private static String requestKind(final JsonNode m) {
        if (m.has("complete")) {
            return "complete (the answer to a callback)";
        }
        final String api = m.path("api").asText("?");
        return switch (api) {
            case "create" -> "create " + m.path("fqn").asText() + (m.path("overrides").size() > 0 ? " (with overrides)" : "");
            case "invoke" -> "invoke " + m.path("method").asText();
            case "get", "set" -> api + " " + m.path("property").asText();
            case "sinvoke" -> "sinvoke " + m.path("fqn").asText() + "." + m.path("method").asText();
            case "sget", "sset" -> api + " " + m.path("fqn").asText() + "." + m.path("property").asText();
            default -> api;
        };
    }

    private static String callbackKind(final JsonNode cb) {
        if (cb.has("get")) {
            return "get " + cb.get("get").path("property").asText();
        }
        if (cb.has("set")) {
            return "set " + cb.get("set").path("property").asText();
        }
        if (cb.has("invoke")) {
            return "invoke " + cb.get("invoke").path("method").asText();
        }
        return "?";
    }
}
