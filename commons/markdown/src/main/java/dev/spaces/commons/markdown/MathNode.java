package dev.spaces.commons.markdown;

import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** A formula in the Markdown tree: {@link MathInline} in running text or a {@link MathBlock} on its own lines. */
sealed interface MathNode permits MathInline, MathBlock {

    TexSource source();

    MathMode mode();

    /** What rendering made of this formula (the node types extend different commonmark classes, so they hold one). */
    Outcome outcome();

    /** The parser's message when this formula was found invalid and is to be shown as an error mark. */
    default String error() {
        return outcome().error;
    }

    default void markInvalid(String message) {
        outcome().error = message;
    }

    /** The sanitized MathML of this formula, or null when formulas were not rendered or this one does not parse. */
    default String mathml() {
        return outcome().mathml;
    }

    default void renderedAs(String mathml) {
        outcome().mathml = mathml;
    }

    /** 1-based line of the opening delimiter. */
    default int line() {
        List<SourceSpan> spans = ((Node) this).getSourceSpans();
        return spans.isEmpty() ? source().start().line() : spans.getFirst().getLineIndex() + 1;
    }

    /** Set once per render, on the rendering thread, before the HTML is written. */
    final class Outcome {
        private String error;
        private String mathml;
    }
}
