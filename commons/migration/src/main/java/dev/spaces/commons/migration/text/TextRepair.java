package dev.spaces.commons.migration.text;

import dev.spaces.commons.migration.SourceProblem;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Repairs the two ways old Chinese blogs' text arrives broken, without touching text that is merely unusual:
 * <ul>
 *   <li>GBK/GB18030 bytes where UTF-8 was expected (a blog that started on a GBK database or connection);</li>
 *   <li>UTF-8 bytes that were decoded once (or twice) as latin1/cp1252 and stored again ("mojibake":
 *       {@code æ¢¯åº¦} for 梯度) — the usual result of {@code SET NAMES latin1} or {@code DEFAULT CHARSET=latin1}
 *       tables under a UTF-8 application.</li>
 * </ul>
 * Every guess is checked with the JDK's strict decoders ({@link CodingErrorAction#REPORT}) and accepted only when the
 * result is valid and reads as Chinese: real Latin-1 text ("café"), TeX, emoji and ASCII never decode to that, so they
 * are left as they are. The result says what was done so callers can emit a {@code SourceNote.REPAIRED}.
 */
public final class TextRepair {

    /** What had to be done to get the text. */
    public enum Repair {
        /** Nothing: valid UTF-8 (or declared-charset) text taken as it is. */
        NONE("none"),
        /** The bytes were GBK/GB18030, not UTF-8. */
        GBK("GBK bytes decoded as GB18030"),
        /** GBK bytes that had been read as latin1/cp1252 (an old GBK blog on latin1 tables, dumped as UTF-8). */
        GBK_READ_AS_LATIN1("GBK read as latin1 repaired"),
        /** UTF-8 that had been read as latin1/cp1252 once. */
        LATIN1_MOJIBAKE("UTF-8 read as latin1 repaired"),
        /** UTF-8 that had been read as latin1/cp1252 twice. */
        DOUBLE_LATIN1_MOJIBAKE("UTF-8 read as latin1 twice repaired");

        private final String description;

        Repair(String description) {
            this.description = description;
        }

        /** In words for an operator's report. */
        public String description() {
            return description;
        }
    }

    /**
     * Text and how it was obtained.
     *
     * @param text   the decoded (and possibly repaired) text
     * @param repair what was done; {@link Repair#NONE} when the text was fine
     */
    public record Result(String text, Repair repair) {

        public boolean repaired() {
            return repair != Repair.NONE;
        }
    }

    /** GB18030 is the superset of GBK and GB2312, so it decodes all three. */
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset GB2312 = Charset.forName("GB2312");

    /** A mojibake layer more than this is not something databases produce; stop guessing. */
    private static final int MAX_MOJIBAKE_LAYERS = 2;

    private TextRepair() {
    }

    /**
     * Decodes bytes that should be UTF-8 and repairs them when they are not: valid UTF-8 is taken as it is (and then
     * checked for latin1 mojibake, see {@link #repair(String)}); invalid UTF-8 that decodes cleanly as GB18030 and
     * reads as Chinese is taken as GBK.
     *
     * @param where names the bytes for the error message (e.g. {@code "table typecho_comments, column text, line 42"})
     * @throws SourceProblem {@link SourceProblem.Type#ENCODING} when the bytes are neither
     */
    public static Result decode(byte[] bytes, int offset, int length, String where) {
        try {
            String text = strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes, offset, length)).toString();
            return repair(text);
        } catch (CharacterCodingException notUtf8) {
            int bad = notUtf8 instanceof MalformedInputException ? firstInvalidUtf8(bytes, offset, length) : -1;
            String gbk = decodeOrNull(GB18030, bytes, offset, length);
            if (gbk != null && looksLikeGbkText(gbk)) {
                return new Result(gbk, Repair.GBK);
            }
            throw new SourceProblem(SourceProblem.Type.ENCODING,
                    "text of " + where + " is neither UTF-8 nor GBK"
                            + (bad >= 0 ? " (invalid UTF-8 at byte " + bad + " of the value: " + hex(bytes, offset + bad, offset + length) + ")" : ""));
        }
    }

    public static Result decode(byte[] bytes, String where) {
        return decode(bytes, 0, bytes.length, where);
    }

    /**
     * Decodes bytes in the charset their source declared (a dump's {@code SET NAMES}). A UTF-8 or latin1 declaration
     * is what hides GBK and mojibake, so those go through {@link #decode(byte[], int, int, String)}; bytes declared
     * latin1 that are neither UTF-8 nor GBK are real latin1 text and taken as such (MySQL's latin1 is cp1252). Bytes
     * declared GBK/GB2312/GB18030 are decoded as GB18030.
     */
    public static Result decode(byte[] bytes, int offset, int length, Charset declared, String where) {
        if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
            return decode(bytes, offset, length, where);
        }
        if (declared.equals(StandardCharsets.ISO_8859_1) || declared.equals(CP1252)) {
            try {
                return decode(bytes, offset, length, where);
            } catch (SourceProblem notUtf8NorGbk) {
                return new Result(mysqlLatin1(bytes, offset, length), Repair.NONE);
            }
        }
        String text = decodeOrNull(declared, bytes, offset, length);
        if (text == null) {
            // a declaration that the bytes contradict: fall back to what they are
            return decode(bytes, offset, length, where);
        }
        return repair(text);
    }

    /** MySQL's latin1: cp1252, with the five bytes cp1252 leaves undefined read as the C1 controls of that number. */
    private static String mysqlLatin1(byte[] bytes, int offset, int length) {
        CharsetDecoder cp1252 = strict(CP1252);
        StringBuilder out = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80 || b >= 0xA0) {
                out.append((char) b);
                continue;
            }
            try {
                out.append(cp1252.reset().decode(ByteBuffer.wrap(bytes, i, 1)));
            } catch (CharacterCodingException undefined) {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    /**
     * Repairs text that is UTF-8 read as latin1/cp1252 (once or twice): the text is encoded back to the bytes it was
     * read from and kept as it is unless those bytes are valid UTF-8 that reads as Chinese. Legitimate text — ASCII,
     * real Latin-1 ("café"), TeX, emoji, Chinese — is returned untouched with {@link Repair#NONE}.
     */
    public static Result repair(String text) {
        if (text == null || isAscii(text)) {
            return new Result(text, Repair.NONE);
        }
        String layer = text;
        for (int depth = 1; depth <= MAX_MOJIBAKE_LAYERS; depth++) {
            byte[] original = asLatin1Bytes(layer);
            if (original == null) {
                break; // a character latin1/cp1252 cannot produce: not (or no longer) mojibake
            }
            String decoded = decodeOrNull(StandardCharsets.UTF_8, original, 0, original.length);
            if (decoded == null) {
                if (depth == 1) {
                    // not UTF-8 underneath: maybe GBK bytes a latin1 table handed out as latin1 characters
                    String gbk = decodeOrNull(GB18030, original, 0, original.length);
                    if (gbk != null && looksLikeGbkText(gbk)) {
                        return new Result(gbk, Repair.GBK_READ_AS_LATIN1);
                    }
                }
                break;
            }
            if (decoded.equals(layer)) {
                break;
            }
            if (readsAsChinese(decoded) || beyondLatin1(decoded)) {
                return new Result(decoded, depth == 1 ? Repair.LATIN1_MOJIBAKE : Repair.DOUBLE_LATIN1_MOJIBAKE);
            }
            layer = decoded; // maybe one more layer (double encoding)
        }
        return new Result(text, Repair.NONE);
    }

    /**
     * The bytes a latin1/cp1252 decoder turned into {@code text}, or null when a character of it cannot come from
     * such a decoder. MySQL's "latin1" is cp1252 with the five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
     * 0x9D) read as the C1 controls of the same number, which is where those bytes go back to.
     */
    private static byte[] asLatin1Bytes(String text) {
        CharsetEncoder cp1252 = CP1252.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] out = new byte[text.length()];
        CharBuffer one = CharBuffer.allocate(2);
        ByteBuffer target = ByteBuffer.allocate(4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0xFF) {
                // ISO-8859-1 maps every byte to the char of the same number; so does MySQL's latin1 for the five
                // bytes cp1252 leaves undefined
                out[i] = (byte) c;
                continue;
            }
            one.clear();
            one.put(c).flip();
            target.clear();
            cp1252.reset();
            if (cp1252.encode(one, target, true).isError() || target.position() != 1) {
                return null;
            }
            out[i] = target.get(0);
        }
        return out;
    }

    /**
     * Whether decoded text reads as Chinese: at least one Han character, and CJK (Han, CJK punctuation, full-width
     * forms) making up at least a third of the non-ASCII characters. Mojibake-shaped Latin or symbols never pass.
     */
    static boolean readsAsChinese(String text) {
        int nonAscii = 0;
        int cjk = 0;
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                continue;
            }
            nonAscii++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN) {
                han++;
                cjk++;
            } else if (isCjkPunctuation(cp)) {
                cjk++;
            }
        }
        return han > 0 && cjk * 3 >= nonAscii;
    }

    /**
     * Whether bytes decoded as GB18030 are Chinese text rather than Latin-1 text that happens to decode: it reads as
     * Chinese, its hanzi are GB2312's common ones, and a single hanzi among ASCII letters is not enough ("réélu": é é
     * is E9 E9, a common hanzi — but a one-hanzi comment like "顶" alone is taken).
     */
    private static boolean looksLikeGbkText(String text) {
        if (!readsAsChinese(text) || !mostlyCommonHanzi(text)) {
            return false;
        }
        long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        return han >= 2 || text.chars().noneMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    /**
     * Whether (nearly) every Han character of GBK-decoded text is one of GB2312's common hanzi. Chinese blogs' text
     * is; latin1 text misread as GBK is not: an accented letter followed by an ASCII letter ("cafés": E9 73) lands in
     * GBK's rare-character extension, whose second byte is below 0xA1, never in GB2312.
     */
    private static boolean mostlyCommonHanzi(String text) {
        CharsetEncoder gb2312 = GB2312.newEncoder();
        int han = 0;
        int common = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
                if (Character.charCount(cp) == 1 && gb2312.canEncode((char) cp)) {
                    common++;
                }
            }
        }
        return common * 10 >= han * 9;
    }

    /**
     * Whether repaired text has characters of three or four UTF-8 bytes (math symbols, emoji, CJK) that no latin1 or
     * cp1252 decoder can produce: valid UTF-8 of that shape hidden in Latin-1 characters is mojibake, not chance.
     * (Two-byte results like "Ã©" → "é" are left alone: a post may well be about mojibake.)
     */
    private static boolean beyondLatin1(String text) {
        boolean wide = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x800) {
                wide = true;
            }
        }
        return wide && asLatin1Bytes(text) == null;
    }

    private static boolean isCjkPunctuation(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION; // “”‘’—… are common in Chinese text
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String decodeOrNull(Charset charset, byte[] bytes, int offset, int length) {
        try {
            return strict(charset).decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Where UTF-8 decoding of the value fails, relative to its start (for the message). */
    private static int firstInvalidUtf8(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(Math.max(16, length));
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() - offset : -1;
    }

    private static String hex(byte[] bytes, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(to, from + 8); i++) {
            sb.append(String.format("%02X ", bytes[i] & 0xFF));
        }
        return sb.toString().trim();
    }
}
