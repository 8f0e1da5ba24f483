package dev.spaces.commons.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Media images: {@code <figure class="media"><img …><figcaption>caption</figcaption></figure>} for an image alone in
 * its paragraph, a bare {@code <img>} inside text. The img has the original as src, every stored width in srcset,
 * the intrinsic width and height (the browser reserves the box before the file arrives: no layout shift), and loads
 * lazily.
 */
final class MediaHtmlRenderer implements NodeRenderer {

    /** As wide as the reading column at most; narrower screens take the rendition that fills them. */
    static final String SIZES = "(max-width: 48rem) 100vw, 48rem";

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    MediaHtmlRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(MediaFigure.class, MediaInlineImage.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof MediaFigure figure) {
            html.line();
            html.tag("figure", Map.of("class", "media"));
            image(figure.image, MediaReferences.text(figure));
            if (figure.getFirstChild() != null) {
                html.tag("figcaption");
                renderChildren(figure);
                html.tag("/figcaption");
            }
            html.tag("/figure");
            html.line();
        } else if (node instanceof MediaInlineImage inline) {
            image(inline.image, MediaReferences.text(inline));
        }
    }

    private void image(MediaImages.MediaImage image, String caption) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("src", image.src());
        if (image.srcset() != null && !image.srcset().isBlank()) {
            attributes.put("srcset", image.srcset());
            attributes.put("sizes", SIZES);
        }
        attributes.put("width", Integer.toString(image.width()));
        attributes.put("height", Integer.toString(image.height()));
        attributes.put("alt", image.alt() != null && !image.alt().isBlank() ? image.alt() : caption);
        attributes.put("loading", "lazy");
        attributes.put("decoding", "async");
        html.tag("img", attributes, true);
    }

    private void renderChildren(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }
}
