package dev.spaces.commons.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.SourceLine;

/**
 * A formula's TeX together with where each of its lines sits in the Markdown source, so that a parser error offset
 * can be reported as a source line and column.
 */
final class TexSource {

    /** 1-based line and column in the Markdown source. */
    record Location(int line, int column) {
    }

    /** A piece of one source line: where it starts in the joined lines, and in the source. */
    private record Segment(int start, Location location) {
    }

    private final String tex;
    /** Offset of {@link #tex} into the joined lines (leading whitespace stripped away). */
    private final int shift;
    private final List<Segment> segments;

    private TexSource(String tex, int shift, List<Segment> segments) {
        this.tex = tex;
        this.shift = shift;
        this.segments = segments;
    }

    /** Joins the lines with {@code \n}, as the inline parser sees them, and strips surrounding whitespace. */
    static TexSource of(List<SourceLine> lines) {
        StringBuilder joined = new StringBuilder();
        List<Segment> segments = new ArrayList<>();
        for (SourceLine line : lines) {
            if (line != lines.getFirst()) {
                joined.append('\n');
            }
            // empty pieces (a formula starting at the end of a line) have no source span and no character to locate
            SourceSpan span = line.getSourceSpan();
            if (span != null) {
                segments.add(new Segment(joined.length(),
                        new Location(span.getLineIndex() + 1, span.getColumnIndex() + 1)));
            }
            joined.append(line.getContent());
        }
        int leadingSpace = 0;
        while (leadingSpace < joined.length() && Character.isWhitespace(joined.charAt(leadingSpace))) {
            leadingSpace++;
        }
        return new TexSource(joined.toString().strip(), leadingSpace, List.copyOf(segments));
    }

    String tex() {
        return tex;
    }

    /** Where the formula starts. */
    Location start() {
        return locate(0);
    }

    /** Source location of the character at {@code offset} in {@link #tex()}; offsets past the end point after it. */
    Location locate(int offset) {
        if (segments.isEmpty()) {
            return new Location(1, 1); // an empty formula: nothing to point at
        }
        int raw = shift + Math.max(0, Math.min(offset, tex.length()));
        Segment segment = segments.getFirst();
        for (Segment candidate : segments) {
            if (candidate.start() <= raw) {
                segment = candidate;
            }
        }
        return new Location(segment.location().line(), segment.location().column() + raw - segment.start());
    }
}
