package dev.spaces.commons.migration.sqldump;

import dev.spaces.commons.migration.SourceProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a mysqldump file into tokens, reading it as a byte stream (a dump may be gigabytes: nothing but the current
 * token is held). String literals stay bytes — their charset is decided by the caller — with mysqldump's escapes
 * undone. Comments ({@code -- …}, {@code # …}, {@code /* … *}{@code /}) are skipped; the text of version comments
 * ({@code /*!40101 SET NAMES utf8mb4 *}{@code /}) is handed to {@link #versionComment} since that is where mysqldump
 * puts {@code SET NAMES}.
 */
final class DumpLexer implements AutoCloseable {

    enum Kind {
        /** A bare word: keyword, identifier, NULL, or a charset introducer such as {@code _binary}. */
        WORD,
        /** A back-quoted identifier. */
        QUOTED_ID,
        /** A quoted string; {@link #bytes()} holds its unescaped bytes. */
        STRING,
        /** A hex literal ({@code 0x…}, {@code X'…'}); {@link #bytes()} holds its bytes. (Bit literals are NUMBERs.) */
        HEX,
        NUMBER,
        /** One punctuation character: {@code ( ) , ; .} and the like. */
        PUNCT,
        EOF
    }

    private final InputStream in;
    private final String name;
    private final byte[] buffer;
    private int position;
    private int limit;
    /** Bytes consumed from the stream (the offset of the next byte). */
    private long offset;
    private long line = 1;

    private Kind kind;
    private long tokenOffset;
    private long tokenLine;
    private byte[] bytes = new byte[256];
    private int length;

    /** Receives the inside of each {@code /*!NNNNN … *}{@code /} comment (for SET NAMES). */
    java.util.function.Consumer<String> versionComment = text -> { };

    DumpLexer(InputStream in, String name, long startOffset, long startLine) {
        this(in, name, startOffset, startLine, 1 << 16);
    }

    /** @param bufferSize small for reading one row at a known offset, large for reading on */
    DumpLexer(InputStream in, String name, long startOffset, long startLine, int bufferSize) {
        this.buffer = new byte[bufferSize];
        this.in = in;
        this.name = name;
        this.offset = startOffset;
        this.line = startLine;
    }

    Kind kind() {
        return kind;
    }

    /** Where the current token starts, as a byte offset in the (uncompressed) dump. */
    long tokenOffset() {
        return tokenOffset;
    }

    long tokenLine() {
        return tokenLine;
    }

    long offset() {
        return offset;
    }

    long line() {
        return line;
    }

    /** The bytes of a STRING or HEX token (valid up to {@link #length()}). */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** The text of a WORD, QUOTED_ID, NUMBER or PUNCT token. */
    String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text().equalsIgnoreCase(word);
    }

    boolean isPunct(char c) {
        return kind == Kind.PUNCT && length == 1 && bytes[0] == c;
    }

    /** "line 12, byte 3456 of dump.sql" — for messages. */
    String where(long atLine, long atOffset) {
        return "line " + atLine + ", byte " + atOffset + " of " + name;
    }

    String tokenWhere() {
        return where(tokenLine, tokenOffset);
    }

    /** Reads the next token. */
    Kind next() {
        length = 0;
        skipSpaceAndComments();
        tokenOffset = offset;
        tokenLine = line;
        int c = read();
        if (c < 0) {
            return kind = Kind.EOF;
        }
        if (c == '\'' || c == '"') {
            readString(c);
            return kind = Kind.STRING;
        }
        if (c == '`') {
            readQuotedId();
            return kind = Kind.QUOTED_ID;
        }
        if ((c == 'x' || c == 'X' || c == 'b' || c == 'B') && peek() == '\'') {
            read();
            readString('\'');
            if (c == 'x' || c == 'X') {
                hexToBytes();
                return kind = Kind.HEX;
            }
            bitsToNumber(); // mysqldump writes BIT columns as b'101': a number
            return kind = Kind.NUMBER;
        }
        if (c == '0' && (peek() == 'x' || peek() == 'X')) {
            read();
            while (isHexDigit(peek())) {
                append(read());
            }
            hexToBytes();
            return kind = Kind.HEX;
        }
        if (isDigit(c) || ((c == '-' || c == '+' || c == '.') && (isDigit(peek()) || peek() == '.'))) {
            append(c);
            while (true) {
                int p = peek();
                if (isDigit(p) || p == '.' || p == 'e' || p == 'E') {
                    append(read());
                    if ((p == 'e' || p == 'E') && (peek() == '-' || peek() == '+')) {
                        append(read());
                    }
                } else {
                    break;
                }
            }
            return kind = Kind.NUMBER;
        }
        if (isWordChar(c)) {
            append(c);
            while (isWordChar(peek())) {
                append(read());
            }
            return kind = Kind.WORD;
        }
        append(c);
        return kind = Kind.PUNCT;
    }

    private void skipSpaceAndComments() {
        while (true) {
            int c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                read();
            } else if (c == '#') {
                skipLine();
            } else if (c == '-' && peekAt(1) == '-' && (peekAt(2) == ' ' || peekAt(2) == '\t' || peekAt(2) == '\n'
                    || peekAt(2) == '\r' || peekAt(2) < 0)) {
                skipLine();
            } else if (c == '/' && peekAt(1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipLine() {
        // MariaDB's dumper puts a /*M!999999\- enable the sandbox mode */ line before its header
        boolean first = line <= 3;
        StringBuilder start = new StringBuilder();
        int c;
        do {
            c = read();
            if (c >= 0 && start.length() < 20) {
                start.append((char) c);
            }
        } while (c >= 0 && c != '\n');
        String text = start.toString();
        if (first && (text.startsWith("-- MySQL dump") || text.startsWith("-- MariaDB dump"))) {
            mysqldumpHeader = true;
        } else if (text.startsWith("-- Dump completed")) {
            dumpCompleted = true;
        }
    }

    /** Whether the file starts the way mysqldump starts every dump (not with --compact). */
    boolean mysqldumpHeader;
    /** Whether the "-- Dump completed" line mysqldump ends every such dump with was seen. */
    boolean dumpCompleted;

    private void skipBlockComment() {
        long startLine = line;
        long startOffset = offset;
        read();
        read();
        boolean version = peek() == '!';
        StringBuilder text = version ? new StringBuilder() : null;
        if (version) {
            read();
            while (isDigit(peek())) {
                read();
            }
        }
        while (true) {
            int c = read();
            if (c < 0) {
                throw broken("comment opened at " + where(startLine, startOffset) + " is never closed: the dump is cut off");
            }
            if (c == '*' && peek() == '/') {
                read();
                break;
            }
            if (text != null && text.length() < 4096) {
                text.append((char) c);
            }
        }
        if (text != null) {
            versionComment.accept(text.toString().trim());
        }
    }

    private void readString(int quote) {
        long startLine = line;
        long startOffset = offset - 1;
        while (true) {
            int c = read();
            if (c < 0) {
                throw broken("string opened at " + where(startLine, startOffset) + " is never closed: the dump is cut off"
                        + " or damaged");
            }
            if (c == quote) {
                if (peek() == quote) { // '' inside '…' is one quote
                    append(read());
                    continue;
                }
                return;
            }
            if (c == '\\') {
                int e = read();
                if (e < 0) {
                    continue; // reported as the unclosed string on the next read
                }
                switch (e) {
                    case '0' -> append(0);
                    case 'b' -> append('\b');
                    case 'n' -> append('\n');
                    case 'r' -> append('\r');
                    case 't' -> append('\t');
                    case 'Z' -> append(0x1A);
                    // MySQL keeps the backslash of \% and \_ (they are LIKE escapes)
                    case '%', '_' -> {
                        append('\\');
                        append(e);
                    }
                    default -> append(e); // \\ \' \" and any other escaped character stand for themselves
                }
                continue;
            }
            append(c);
        }
    }

    private void readQuotedId() {
        long startLine = line;
        long startOffset = offset - 1;
        while (true) {
            int c = read();
            if (c < 0) {
                throw broken("identifier opened at " + where(startLine, startOffset) + " is never closed: the dump is cut off");
            }
            if (c == '`') {
                if (peek() == '`') {
                    append(read());
                    continue;
                }
                return;
            }
            append(c);
        }
    }

    private void hexToBytes() {
        if (length % 2 != 0) {
            throw broken("hex literal at " + tokenWhere() + " has an odd number of digits");
        }
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(bytes[2 * i], 16);
            int lo = Character.digit(bytes[2 * i + 1], 16);
            if (hi < 0 || lo < 0) {
                throw broken("hex literal at " + tokenWhere() + " has a character that is not a hex digit");
            }
            out[i] = (byte) (hi * 16 + lo);
        }
        System.arraycopy(out, 0, bytes, 0, out.length);
        length = out.length;
    }

    private void bitsToNumber() {
        String bits = new String(bytes, 0, length, StandardCharsets.US_ASCII);
        if (!bits.matches("[01]*")) {
            throw broken("bit literal at " + tokenWhere() + " has a digit other than 0 and 1");
        }
        byte[] out = (bits.isEmpty() ? "0" : new java.math.BigInteger(bits, 2).toString()).getBytes(StandardCharsets.US_ASCII);
        length = 0;
        for (byte b : out) {
            append(b);
        }
    }

    SourceProblem broken(String message) {
        return new SourceProblem(SourceProblem.Type.BROKEN_INPUT, message);
    }

    private void append(int b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = (byte) b;
    }

    private int peek() {
        return peekAt(0);
    }

    private int peekAt(int ahead) {
        if (position + ahead >= limit) {
            fill(ahead + 1);
            if (position + ahead >= limit) {
                return -1;
            }
        }
        return buffer[position + ahead] & 0xFF;
    }

    private int read() {
        if (position >= limit) {
            fill(1);
            if (position >= limit) {
                return -1;
            }
        }
        int c = buffer[position++] & 0xFF;
        offset++;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /** Makes at least {@code wanted} bytes available unless the stream ends first. */
    private void fill(int wanted) {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        try {
            while (limit < wanted) {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    return;
                }
                limit += n;
            }
        } catch (java.io.EOFException e) {
            throw broken("the compressed dump " + name + " ends abruptly after byte " + (offset + limit - position)
                    + " of its content (gzip stream cut off): the dump is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " at byte " + offset, e);
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '$' || c >= 0x80;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
