package dev.spaces.commons.markdown;

import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** A formula in the Markdown tree: {@link MathInline} in running text or a {@link MathBlock} on its own lines. */
sealed interface MathNode permits MathInline, MathBlock {

    TexSource source();

    MathMode mode();

    /** The parser's message when this formula was found invalid and is to be shown as an error mark. */
    String error();

    void markInvalid(String message);

    /** The sanitized MathML of this formula, or null when formulas were not rendered or this one does not parse. */
    String mathml();

    void renderedAs(String mathml);

    /** 1-based line of the opening delimiter. */
    default int line() {
        List<SourceSpan> spans = ((Node) this).getSourceSpans();
        return spans.isEmpty() ? source().start().line() : spans.getFirst().getLineIndex() + 1;
    }
}
