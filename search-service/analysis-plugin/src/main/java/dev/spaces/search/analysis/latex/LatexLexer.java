package dev.spaces.search.analysis.latex;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits TeX math into raw tokens: control words ({@code \alpha}), control symbols ({@code \|}, {@code \,}),
 * single letters (in math {@code xy} is x times y), numbers ({@code 3.14}) and any other single character.
 * Whitespace and {@code %} comments are skipped. Total: any input, however malformed, lexes without error.
 */
public final class LatexLexer {

    /** Canonical text of a control space ({@code \} followed by a space, tab or newline). */
    static final String CONTROL_SPACE = "\\ ";

    private LatexLexer() {
    }

    public static List<LatexToken> lex(CharSequence formula) {
        List<LatexToken> tokens = new ArrayList<>();
        int length = formula.length();
        int i = 0;
        while (i < length) {
            char c = formula.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '%') {
                i = endOfLine(formula, i);
            } else if (c == '\\') {
                int end = endOfControlSequence(formula, i);
                String text = end - i == 2 && Character.isWhitespace(formula.charAt(i + 1))
                        ? CONTROL_SPACE
                        : formula.subSequence(i, end).toString();
                tokens.add(new LatexToken(text, i, end));
                i = end;
            } else {
                int end = isAsciiDigit(c) ? endOfNumber(formula, i) : i + Character.charCount(Character.codePointAt(formula, i));
                tokens.add(new LatexToken(formula.subSequence(i, end).toString(), i, end));
                i = end;
            }
        }
        return tokens;
    }

    private static int endOfLine(CharSequence s, int i) {
        while (i < s.length() && s.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    /** {@code \name} runs over ASCII letters; otherwise the backslash takes exactly one following character. */
    private static int endOfControlSequence(CharSequence s, int backslash) {
        int i = backslash + 1;
        if (i >= s.length()) {
            return i;
        }
        if (!isAsciiLetter(s.charAt(i))) {
            return i + Character.charCount(Character.codePointAt(s, i));
        }
        while (i < s.length() && isAsciiLetter(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Digits with at most one decimal point followed by a digit: {@code 3.14}, but {@code 1.} is 1 then ".". */
    private static int endOfNumber(CharSequence s, int i) {
        i = endOfDigits(s, i);
        if (i + 1 < s.length() && s.charAt(i) == '.' && isAsciiDigit(s.charAt(i + 1))) {
            i = endOfDigits(s, i + 1);
        }
        return i;
    }

    private static int endOfDigits(CharSequence s, int i) {
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
