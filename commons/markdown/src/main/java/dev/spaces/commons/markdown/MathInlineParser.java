package dev.spaces.commons.markdown;

import java.util.HashSet;
import java.util.Set;
import org.commonmark.node.Text;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Formulas in running text. Runs before emphasis and backslash escapes, so the TeX is taken verbatim; code spans
 * still win because the inline parser meets their backtick first.
 */
final class MathInlineParser implements InlineContentParser {

    /** Closing delimiters that no longer occur in this paragraph; spares rescanning it for every later opener. */
    private final Set<String> absentClosers = new HashSet<>();

    static final class Factory implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$', '\\');
        }

        @Override
        public InlineContentParser create() {
            return new MathInlineParser();
        }
    }

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        Position start = scanner.position();
        if (scanner.next('$') && scanner.peek() != '$') {
            return singleDollar(scanner);
        }
        scanner.setPosition(start);
        MathSyntax.Opening opening = MathSyntax.open(scanner);
        if (opening == null) {
            return ParsedInline.none();
        }
        Position afterOpener = scanner.position();
        if (absentClosers.contains(opening.closingDelimiter())) {
            return unclosed(opening, afterOpener);
        }
        MathCloser closer = opening.newCloser();
        if (!closer.advanceToClosing(scanner)) {
            if (closer.delimiterAbsent()) {
                absentClosers.add(opening.closingDelimiter());
            }
            return unclosed(opening, afterOpener);
        }
        Position closing = scanner.position();
        closer.skipClosing(scanner);
        Position texStart = opening.environment() ? start : afterOpener;
        Position texEnd = opening.environment() ? scanner.position() : closing;
        return math(scanner, texStart, texEnd, opening.mode());
    }

    /**
     * Pandoc's rule, so that prices are not math: the opening {@code $} is not followed by whitespace, the closing one
     * is not preceded by whitespace nor followed by a digit. A backtick ends the attempt, so that a code span after a
     * stray {@code $} stays code. The scanner stands after the opening {@code $}.
     */
    private static ParsedInline singleDollar(Scanner scanner) {
        Position texStart = scanner.position();
        char previous = scanner.peek();
        if (previous == Scanner.END || Character.isWhitespace(previous)) {
            return ParsedInline.none();
        }
        while (true) {
            char c = scanner.peek();
            if (c == Scanner.END || c == '`') {
                return ParsedInline.none();
            }
            if (c == '$') {
                if (Character.isWhitespace(previous)) {
                    return ParsedInline.none();
                }
                Position texEnd = scanner.position();
                scanner.next();
                char after = scanner.peek();
                return after >= '0' && after <= '9'
                        ? ParsedInline.none()
                        : math(scanner, texStart, texEnd, MathMode.INLINE);
            }
            scanner.next();
            previous = c;
            if (c == '\\' && scanner.peek() != Scanner.END) {
                previous = scanner.peek();
                scanner.next();
            }
        }
    }

    private static ParsedInline math(Scanner scanner, Position texStart, Position texEnd, MathMode mode) {
        TexSource source = TexSource.of(scanner.getSource(texStart, texEnd).getLines());
        return ParsedInline.of(new MathInline(source, mode), scanner.position());
    }

    /**
     * An opener without closer: {@code $$} stays literal text as a whole, so that its second {@code $} cannot open
     * inline math; backslash openers go back to Markdown's escape handling.
     */
    private static ParsedInline unclosed(MathSyntax.Opening opening, Position afterOpener) {
        return opening.delimiter().equals("$$") ? ParsedInline.of(new Text("$$"), afterOpener) : ParsedInline.none();
    }
}
