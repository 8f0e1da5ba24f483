package dev.spaces.commons.markdown;

import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Finds the delimiter that closes a formula. Backslash pairs are skipped, so {@code \$} and {@code \\]} never close
 * one; environments count nested {@code \begin} of the same name. Keeps that count between calls, so a block parser
 * can feed it line by line.
 */
final class MathCloser {

    private final String delimiter;
    private final String nestedOpener;
    private int depth = 1;
    private boolean delimiterSeen;

    private MathCloser(String delimiter, String nestedOpener) {
        this.delimiter = delimiter;
        this.nestedOpener = nestedOpener;
    }

    static MathCloser of(String delimiter) {
        return new MathCloser(delimiter, null);
    }

    static MathCloser nested(String opener, String delimiter) {
        return new MathCloser(delimiter, opener);
    }

    /** Advances to the start of the closing delimiter and returns true, or to the end of the text and returns false. */
    boolean advanceToClosing(Scanner scanner) {
        while (true) {
            char c = scanner.peek();
            if (c == Scanner.END) {
                return false;
            }
            if (c == delimiter.charAt(0) && lookingAt(scanner, delimiter)) {
                delimiterSeen = true;
                if (nestedOpener == null || --depth == 0) {
                    return true;
                }
                scanner.next(delimiter);
            } else if (nestedOpener != null && c == '\\' && lookingAt(scanner, nestedOpener)) {
                depth++;
                scanner.next(nestedOpener);
            } else {
                scanner.next();
                if (c == '\\' && scanner.peek() != Scanner.END) {
                    scanner.next();
                }
            }
        }
    }

    /** After a failed search: whether no closing delimiter occurs at all, so no later formula can close either. */
    boolean delimiterAbsent() {
        return !delimiterSeen;
    }

    /** Consumes the closing delimiter the scanner is at. */
    void skipClosing(Scanner scanner) {
        scanner.next(delimiter);
    }

    private static boolean lookingAt(Scanner scanner, String text) {
        Position position = scanner.position();
        boolean found = scanner.next(text);
        scanner.setPosition(position);
        return found;
    }
}
