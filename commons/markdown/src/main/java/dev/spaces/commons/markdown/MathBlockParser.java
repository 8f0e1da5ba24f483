package dev.spaces.commons.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Block;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Display math at the start of a line. As a block, its lines are safe from Markdown's block syntax ({@code - x} would
 * start a list, {@code = y} a heading). It may interrupt a paragraph. A blank line before the closing delimiter means
 * it was no formula: the lines then become an ordinary paragraph, as pandoc does.
 */
final class MathBlockParser extends AbstractBlockParser {

    private final MathBlock block = new MathBlock();
    private final MathSyntax.Opening opening;
    private final MathCloser closer;
    private final List<SourceLine> lines = new ArrayList<>();
    private final List<SourceLine> texLines = new ArrayList<>();
    private boolean closed;
    /** Text after the closing delimiter on its line, if any: becomes a paragraph after the formula. */
    private SourceLine trailingText;

    private MathBlockParser(MathSyntax.Opening opening) {
        this.opening = opening;
        this.closer = opening.newCloser();
    }

    static final class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            SourceLine line = state.getLine();
            int start = state.getNextNonSpaceIndex();
            Scanner scanner = scanner(line.substring(start, line.getContent().length()));
            MathSyntax.Opening opening = MathSyntax.open(scanner);
            if (opening == null || opening.mode() != MathMode.DISPLAY || closesBeforeText(opening, scanner)
                    || closesParagraphFormula(opening, matchedBlockParser)) {
                return BlockStart.none();
            }
            return BlockStart.of(new MathBlockParser(opening)).atIndex(start);
        }

        /** {@code $$a$$ and more} is a formula in a paragraph, not a block. */
        private static boolean closesBeforeText(MathSyntax.Opening opening, Scanner scanner) {
            MathCloser closer = opening.newCloser();
            if (!closer.advanceToClosing(scanner)) {
                return false;
            }
            closer.skipClosing(scanner);
            scanner.whitespace();
            return scanner.peek() != Scanner.END;
        }

        /**
         * Lines {@code a $$}, {@code x}, {@code $$ b}: the last {@code $$} closes the paragraph's formula, it opens none.
         */
        private static boolean closesParagraphFormula(MathSyntax.Opening opening, MatchedBlockParser matched) {
            if (!opening.delimiter().equals("$$")) {
                return false;
            }
            String paragraph = matched.getParagraphLines().getContent();
            int delimiters = 0;
            for (int i = 0; i < paragraph.length(); i++) {
                if (paragraph.charAt(i) == '\\') {
                    i++;
                } else if (paragraph.startsWith("$$", i)) {
                    delimiters++;
                    i++;
                }
            }
            return delimiters % 2 == 1;
        }
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        return closed || state.isBlank() ? BlockContinue.none() : BlockContinue.atIndex(state.getIndex());
    }

    @Override
    public void addLine(SourceLine line) {
        lines.add(line);
        Scanner scanner = scanner(line);
        Position lineStart = scanner.position();
        if (lines.size() == 1) {
            scanner.next(opening.delimiter());
        }
        Position texStart = opening.environment() ? lineStart : scanner.position();
        closed = closer.advanceToClosing(scanner);
        if (!closed) {
            texLines.add(line(scanner, texStart, scanner.position()));
            return;
        }
        Position closing = scanner.position();
        closer.skipClosing(scanner);
        texLines.add(line(scanner, texStart, opening.environment() ? scanner.position() : closing));
        Position afterClosing = scanner.position();
        while (scanner.hasNext()) {
            scanner.next();
        }
        SourceLine rest = line(scanner, afterClosing, scanner.position());
        if (!rest.getContent().toString().isBlank()) {
            trailingText = rest;
        }
    }

    @Override
    public void closeBlock() {
        if (closed) {
            block.setSource(TexSource.of(texLines));
        }
    }

    @Override
    public void parseInlines(InlineParser inlineParser) {
        if (!closed) {
            block.insertBefore(paragraph(inlineParser, lines));
            block.unlink();
        } else if (trailingText != null) {
            block.insertAfter(paragraph(inlineParser, List.of(trailingText)));
        }
    }

    private static Paragraph paragraph(InlineParser inlineParser, List<SourceLine> lines) {
        Paragraph paragraph = new Paragraph();
        SourceLines source = SourceLines.of(lines);
        paragraph.setSourceSpans(source.getSourceSpans());
        inlineParser.parse(source, paragraph);
        return paragraph;
    }

    private static Scanner scanner(SourceLine line) {
        return Scanner.of(SourceLines.of(line));
    }

    private static SourceLine line(Scanner scanner, Position from, Position to) {
        return scanner.getSource(from, to).getLines().getFirst();
    }
}
