package community.ivsrealtime.emulator.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Strict percent-decoding of path segments and query strings (bad escapes are errors, not guesses). */
public final class PercentCoding {
    private PercentCoding() {
    }

    /** Thrown for a malformed escape or invalid UTF-8. */
    public static final class MalformedEncodingException extends Exception {
        MalformedEncodingException(String message) {
            super(message);
        }
    }

    /** Decodes a path segment: {@code %XX} escapes only, {@code +} stays a plus. */
    public static String decodePath(String raw) throws MalformedEncodingException {
        return decode(raw, false);
    }

    /** Decodes a query key or value: {@code %XX} escapes, and {@code +} as a space. */
    public static String decodeQuery(String raw) throws MalformedEncodingException {
        return decode(raw, true);
    }

    private static String decode(String raw, boolean plusIsSpace) throws MalformedEncodingException {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new MalformedEncodingException("incomplete percent-encoding in '" + raw + "'");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new MalformedEncodingException("invalid percent-encoding in '" + raw + "'");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEncodingException("percent-encoding of '" + raw + "' is not valid UTF-8");
        }
    }

    /** Parses a raw query string into decoded names and their values in order; null or empty gives no entries. */
    public static Map<String, List<String>> parseQuery(String rawQuery) throws MalformedEncodingException {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String[] pair : rawQueryPairs(rawQuery)) {
            result.computeIfAbsent(decodeQuery(pair[0]), k -> new ArrayList<>()).add(decodeQuery(pair[1]));
        }
        return result;
    }

    /**
     * The {@code name=value} pairs of a raw query string as they are (still percent-encoded), in order; a pair
     * without {@code =} has the value "", empty pairs are skipped.
     */
    static List<String[]> rawQueryPairs(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                pairs.add(eq < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
            }
        }
        return pairs;
    }
}
