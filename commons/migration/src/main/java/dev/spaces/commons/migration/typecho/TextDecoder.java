package dev.spaces.commons.migration.typecho;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How a text column's stored bytes become text. This is the seam where the shared GBK / mojibake repair
 * ({@code dev.spaces.commons.migration.text.TextRepair}, written next to the mysqldump reader) plugs in:
 * {@link JdbcTypechoTables} hands every text value over as the bytes the database stores — never as the server or
 * the driver converted them — together with the charset the column declares, so text an old Chinese blog wrote in GBK,
 * or UTF-8 bytes a latin1 connection stored in a latin1 table, can still be recognised and repaired.
 */
@FunctionalInterface
public interface TextDecoder {

    /**
     * @param stored   the value's bytes exactly as stored
     * @param declared the charset the column declares (MariaDB's {@code latin1} is given as windows-1252, which it
     *                 is; SQLite's text is UTF-8)
     * @return the text and what, if anything, was repaired; null when the bytes cannot be read (the caller raises an
     *         ENCODING problem naming table, column and row)
     */
    Decoded decode(byte[] stored, Charset declared);

    /**
     * @param text   the decoded text
     * @param repair null when the bytes were read as the column declares; else what was done, in words for the
     *               import report (e.g. "UTF-8 bytes in a latin1 column read as UTF-8")
     */
    record Decoded(String text, String repair) {
    }

    Charset LATIN1 = Charset.forName("windows-1252");

    /**
     * {@link dev.spaces.commons.migration.text.TextRepair}'s reading: the column's charset where the bytes fit it,
     * GBK in a UTF-8 column, UTF-8 read as latin1 once or twice (mojibake) repaired; what cannot be read is null.
     */
    TextDecoder REPAIRING = (stored, declared) -> {
        try {
            var result = dev.spaces.commons.migration.text.TextRepair.decode(stored, 0, stored.length, declared,
                    "a text column");
            return new Decoded(result.text(), result.repaired() ? result.repair().description() : null);
        } catch (dev.spaces.commons.migration.SourceProblem e) {
            return null;
        }
    };

    /**
     * Reads bytes as what they certainly are, without guessing: valid UTF-8 is UTF-8 (in a latin1 column that is the
     * "UTF-8 read as latin1" case, repaired and said so); else the column's own charset when it is not UTF-8; else
     * unreadable (null). It does not detect double-encoded mojibake or GBK in a UTF-8 column — that is TextRepair's
     * heuristics.
     */
    TextDecoder AS_STORED = (stored, declared) -> {
        boolean multiByteLegacy = !declared.equals(StandardCharsets.UTF_8) && !declared.equals(LATIN1)
                && !declared.equals(StandardCharsets.US_ASCII);
        if (multiByteLegacy) {
            // a GBK/Big5 column: its own charset first (short GBK strings can happen to be valid UTF-8)
            String text = strict(stored, declared);
            if (text != null) {
                return new Decoded(text, null);
            }
        }
        String utf8 = strict(stored, StandardCharsets.UTF_8);
        if (utf8 != null) {
            boolean ascii = utf8.chars().allMatch(c -> c < 0x80);
            return new Decoded(utf8, declared.equals(LATIN1) && !ascii
                    ? "UTF-8 bytes in a latin1 column read as UTF-8" : null);
        }
        if (declared.equals(LATIN1)) {
            return new Decoded(mysqlLatin1(stored), null);
        }
        return null;
    };

    /** The bytes in {@code charset}, or null when they are not valid in it. */
    static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * MariaDB's latin1: windows-1252, whose five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) MariaDB maps to the
     * control characters of the same number — so every byte reads as one character and re-encodes to itself, which
     * a later repair of GBK-in-latin1 relies on.
     */
    static String mysqlLatin1(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v < 0x80 || v >= 0xA0) {
                out.append((char) v);
            } else {
                String c = new String(new byte[] {b}, LATIN1);
                out.append(c.equals("\uFFFD") ? (char) v : c.charAt(0));
            }
        }
        return out.toString();
    }
}
