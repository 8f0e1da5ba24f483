package dev.spaces.commons.markdown;

import java.util.Arrays;
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

    private final String tex;
    /** Offset of {@link #tex} into the joined lines (leading whitespace stripped away). */
    private final int shift;
    /** Per source line: offset of its first character in the joined lines, and its source location. */
    private final int[] lineStarts;
    private final Location[] lineLocations;

    private TexSource(String tex, int shift, int[] lineStarts, Location[] lineLocations) {
        this.tex = tex;
        this.shift = shift;
        this.lineStarts = lineStarts;
        this.lineLocations = lineLocations;
    }

    /** Joins the lines with {@code \n}, as the inline parser sees them, and strips surrounding whitespace. */
    static TexSource of(List<SourceLine> lines) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[lines.size()];
        Location[] locations = new Location[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                joined.append('\n');
            }
            starts[i] = joined.length();
            SourceSpan span = lines.get(i).getSourceSpan();
            locations[i] = span == null ? null : new Location(span.getLineIndex() + 1, span.getColumnIndex() + 1);
            joined.append(lines.get(i).getContent());
        }
        int leadingSpace = 0;
        while (leadingSpace < joined.length() && Character.isWhitespace(joined.charAt(leadingSpace))) {
            leadingSpace++;
        }
        return new TexSource(joined.toString().strip(), leadingSpace, starts, locations);
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
        int raw = shift + Math.max(0, Math.min(offset, tex.length()));
        int line = Arrays.binarySearch(lineStarts, raw);
        if (line < 0) {
            line = -line - 2;
        }
        Location lineStart = lineLocations[line];
        if (lineStart == null) {
            return firstKnownLocation();
        }
        return new Location(lineStart.line(), lineStart.column() + raw - lineStarts[line]);
    }

    /** Without source spans (never the case for the pipeline's parser) the best answer is line 1. */
    private Location firstKnownLocation() {
        return Arrays.stream(lineLocations).filter(l -> l != null).findFirst().orElse(new Location(1, 1));
    }
}
