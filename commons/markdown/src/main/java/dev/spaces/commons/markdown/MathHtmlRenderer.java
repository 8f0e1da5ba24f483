package dev.spaces.commons.markdown;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Writes formulas as rendered MathML inside {@code <span class="math inline">}, {@code <div class="math display">} for
 * display blocks (the container a page scrolls horizontally, so that a long formula does not widen a phone screen) and
 * {@code <span class="math display">} for display math written inside a paragraph.
 * <p>
 * A formula without MathML (formulas not rendered) is written as its TeX, escaped, between {@code \(…\)} or
 * {@code \[…\]}, for MathJax or KaTeX in the browser — the same form {@link MathForms#tex} turns MathML back into.
 * A formula that does not parse is written as its source with the parser's message, without delimiters, so nothing
 * typesets it.
 */
final class MathHtmlRenderer implements NodeRenderer {

    private final HtmlWriter html;

    MathHtmlRenderer(HtmlWriter html) {
        this.html = html;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(MathInline.class, MathBlock.class);
    }

    @Override
    public void render(Node node) {
        MathNode math = (MathNode) node;
        String element = node instanceof MathBlock ? "div" : "span";
        if (node instanceof MathBlock) {
            html.line();
        }
        if (math.error() != null) {
            html.tag(element, Map.of("class", "math-error", "title", math.error()));
            html.text(math.source().tex());
        } else if (math.mathml() != null) {
            html.tag(element, Map.of("class", "math " + math.mode().wireName()));
            html.raw(math.mathml()); // sanitized MathML; the document's policy sanitizes it once more
        } else {
            html.tag(element, Map.of("class", "math " + math.mode().wireName()));
            html.text(MathSyntax.delimited(math.source().tex(), math.mode()));
        }
        html.tag("/" + element);
        if (node instanceof MathBlock) {
            html.line();
        }
    }
}
