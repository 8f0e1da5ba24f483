package dev.spaces.commons.migration.typecho;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What Typecho keeps of an uploaded file in its attachment row's {@code text}: up to 1.2 a PHP-serialized array
 * ({@code a:5:{s:4:"name";s:9:"a.png";s:4:"path";…;s:4:"size";i:12345;s:4:"type";s:3:"png";s:4:"mime";…}}), from
 * 1.3 the same as JSON (its upgrade rewrites them). Only flat arrays of strings and numbers are read: that is all
 * Typecho writes there.
 */
record AttachmentMeta(String name, String path, Long size, String type, String mime) {

    /** The meta in {@code text}, or null when it is neither form. */
    static AttachmentMeta parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        Map<String, Object> values;
        try {
            values = trimmed.startsWith("a:") ? php(trimmed.getBytes(StandardCharsets.UTF_8))
                    : trimmed.startsWith("{") ? json(trimmed) : null;
        } catch (RuntimeException e) {
            return null;
        }
        if (values == null || !(values.get("path") instanceof String path)) {
            return null;
        }
        return new AttachmentMeta(string(values.get("name")), path, number(values.get("size")),
                string(values.get("type")), string(values.get("mime")));
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static Long number(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? null : Long.parseLong(o.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** PHP's serialize() of a flat array; string lengths are in bytes (UTF-8), so it is read as bytes. */
    private static Map<String, Object> php(byte[] b) {
        int[] pos = {0};
        if (b[0] != 'a') {
            return null;
        }
        int count = (int) readNumber(b, pos, 2, ':');
        expect(b, pos, '{');
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Object key = phpValue(b, pos);
            Object value = phpValue(b, pos);
            values.put(String.valueOf(key), value);
        }
        return values;
    }

    private static Object phpValue(byte[] b, int[] pos) {
        char kind = (char) b[pos[0]];
        switch (kind) {
            case 's' -> {
                int length = (int) readNumber(b, pos, pos[0] + 2, ':');
                expect(b, pos, '"');
                String s = new String(b, pos[0], length, StandardCharsets.UTF_8);
                pos[0] += length;
                expect(b, pos, '"');
                expect(b, pos, ';');
                return s;
            }
            case 'i', 'b' -> {
                return readNumber(b, pos, pos[0] + 2, ';');
            }
            case 'd' -> {
                int start = pos[0] + 2;
                int end = indexOf(b, start, ';');
                pos[0] = end + 1;
                return Double.parseDouble(new String(b, start, end - start, StandardCharsets.US_ASCII));
            }
            case 'N' -> {
                pos[0] += 2;
                return null;
            }
            default -> throw new IllegalArgumentException("not a flat PHP array at byte " + pos[0]);
        }
    }

    private static long readNumber(byte[] b, int[] pos, int start, char end) {
        int stop = indexOf(b, start, end);
        pos[0] = stop + 1;
        return Long.parseLong(new String(b, start, stop - start, StandardCharsets.US_ASCII));
    }

    private static int indexOf(byte[] b, int from, char c) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        throw new IllegalArgumentException("no '" + c + "' after byte " + from);
    }

    private static void expect(byte[] b, int[] pos, char c) {
        if (b[pos[0]] != c) {
            throw new IllegalArgumentException("'" + c + "' expected at byte " + pos[0]);
        }
        pos[0]++;
    }

    /** A flat JSON object of strings and numbers (Typecho 1.3's json_encode of the same array). */
    private static Map<String, Object> json(String s) {
        Map<String, Object> values = new HashMap<>();
        int[] pos = {1};
        skipSpace(s, pos);
        if (s.charAt(pos[0]) == '}') {
            return values;
        }
        while (true) {
            skipSpace(s, pos);
            String key = jsonString(s, pos);
            skipSpace(s, pos);
            if (s.charAt(pos[0]++) != ':') {
                throw new IllegalArgumentException("':' expected");
            }
            skipSpace(s, pos);
            Object value;
            if (s.charAt(pos[0]) == '"') {
                value = jsonString(s, pos);
            } else {
                int start = pos[0];
                while (pos[0] < s.length() && ",} \t\r\n".indexOf(s.charAt(pos[0])) < 0) {
                    pos[0]++;
                }
                String literal = s.substring(start, pos[0]);
                value = literal.equals("null") ? null : literal.matches("-?\\d+") ? (Object) Long.parseLong(literal)
                        : literal;
            }
            values.put(key, value);
            skipSpace(s, pos);
            char next = s.charAt(pos[0]++);
            if (next == '}') {
                return values;
            }
            if (next != ',') {
                throw new IllegalArgumentException("',' expected");
            }
        }
    }

    private static void skipSpace(String s, int[] pos) {
        while (Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static String jsonString(String s, int[] pos) {
        if (s.charAt(pos[0]++) != '"') {
            throw new IllegalArgumentException("'\"' expected");
        }
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = s.charAt(pos[0]++);
                switch (e) {
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
                        pos[0] += 4;
                    }
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    default -> out.append(e); // \" \\ \/
                }
            } else {
                out.append(c);
            }
        }
    }
}
