package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Pagination for every List operation: items in a stable order (creation order), each with a position
 * (a table's sequence number, or an index in an append-only list). The {@code nextToken} is the base64url
 * text of {@code scope|position} of the next item, where the scope names the list (and its parent), so a
 * token of another list or a made-up token is rejected with {@code ValidationException}. Deleting items
 * between pages never repeats or skips the others.
 */
final class Pager {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private Pager() {
    }

    /** A List operation's output over a whole table: {@code {field: [...], nextToken?}}. */
    static <R extends Resource> ObjectNode list(JsonNode in, String field, Table<R> table, int defaultMax,
                                                Predicate<? super R> filter, Function<? super R, JsonNode> render) {
        ObjectNode out = Json.obj();
        page(in, out, field, table.type, defaultMax, table.ordered(), filter, render);
        return out;
    }

    /** Pages over a table ordered by sequence number. */
    static <T> void page(JsonNode in, ObjectNode out, String field, String scope, int defaultMax,
                         NavigableMap<Long, T> items, Predicate<? super T> filter, Function<? super T, JsonNode> render) {
        long from = start(in, scope);
        int max = max(in, defaultMax);
        ArrayNode list = out.putArray(field);
        for (Map.Entry<Long, T> e : items.tailMap(from, true).entrySet()) {
            if (!filter.test(e.getValue())) {
                continue;
            }
            if (list.size() == max) {
                out.put("nextToken", token(scope, e.getKey()));
                return;
            }
            list.add(render.apply(e.getValue()));
        }
    }

    /** Pages over an append-only list, the position being the index. */
    static <T> void page(JsonNode in, ObjectNode out, String field, String scope, int defaultMax,
                         List<T> items, Predicate<? super T> filter, Function<? super T, JsonNode> render) {
        long from = start(in, scope);
        int max = max(in, defaultMax);
        ArrayNode list = out.putArray(field);
        for (int i = (int) Math.min(from, items.size()); i < items.size(); i++) {
            T item = items.get(i);
            if (!filter.test(item)) {
                continue;
            }
            if (list.size() == max) {
                out.put("nextToken", token(scope, i));
                return;
            }
            list.add(render.apply(item));
        }
    }

    private static int max(JsonNode in, int defaultMax) {
        Integer m = Json.integer(in, "maxResults");
        return m == null ? defaultMax : m;
    }

    static String token(String scope, long position) {
        return ENC.encodeToString((scope + "|" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static long start(JsonNode in, String scope) {
        String token = Json.text(in, "nextToken", "");
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(DEC.decode(token), StandardCharsets.UTF_8);
            String prefix = scope + "|";
            if (text.startsWith(prefix)) {
                long pos = Long.parseLong(text.substring(prefix.length()));
                if (pos >= 0) {
                    return pos;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through: not a token of ours
        }
        throw IvsException.validation("Invalid nextToken: " + token);
    }
}
