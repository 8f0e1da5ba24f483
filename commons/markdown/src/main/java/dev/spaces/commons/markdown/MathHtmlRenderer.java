package dev.spaces.commons.markdown;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Marks formulas for MathJax or KaTeX auto-render in the browser: {@code <span class="math inline">\(…\)</span>},
 * {@code <div class="math display">\[…\]</div>} for display blocks and {@code <span class="math display">} for display
 * math written inside a paragraph. The TeX is HTML-escaped text; nothing is rendered on the server. Pages should let
 * MathJax/KaTeX typeset only these elements (MathJax {@code processHtmlClass: "math"} with {@code ignoreHtmlClass}
 * on the body), since an escaped {@code \(} in ordinary text is not a formula.
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
            // Invalid TeX is shown as source with the parser's message, without delimiters, so nothing typesets it.
            html.tag(element, Map.of("class", "math-error", "title", math.error()));
            html.text(math.source().tex());
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
