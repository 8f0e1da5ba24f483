package dev.spaces.commons.markdown;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

/**
 * Cuts a parsed document down to its excerpt, in place: everything before {@code <!--more-->}, or else the leading
 * blocks that fit in the character budget. If the first block alone is too long it is cut inside, but never inside
 * a formula, and "…" marks the cut. Footnotes are left out of excerpts.
 */
final class Excerpt {

    static final String ELLIPSIS = "…";
    private static final Pattern MORE = Pattern.compile("<!--\\s*more\\s*-->", Pattern.CASE_INSENSITIVE);

    private Excerpt() {
    }

    static void cut(Document document, int maxChars) {
        List<Node> nodes = NodeWalk.preorder(document);
        nodes.stream().filter(Excerpt::isMoreMarker).findFirst().ifPresentOrElse(
                Excerpt::removeFrom,
                () -> cutToLength(document, maxChars));
        nodes.stream()
                .filter(node -> node instanceof FootnoteReference || node instanceof FootnoteDefinition)
                .forEach(Node::unlink);
    }

    private static boolean isMoreMarker(Node node) {
        String html = switch (node) {
            case HtmlBlock block -> block.getLiteral();
            case HtmlInline inline -> inline.getLiteral();
            default -> null;
        };
        return html != null && MORE.matcher(html.strip()).matches();
    }

    private static void cutToLength(Document document, int maxChars) {
        int used = 0;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            used += visibleLength(block);
            if (used > maxChars) {
                if (block == document.getFirstChild()) {
                    cutInside(block, maxChars);
                } else {
                    removeFrom(block);
                }
                return;
            }
        }
    }

    private static void cutInside(Node block, int maxChars) {
        int remaining = maxChars;
        for (Node node : NodeWalk.preorder(block)) {
            int length = ownLength(node);
            if (length <= remaining) {
                remaining -= length;
            } else if (node instanceof MathNode) {
                node.insertBefore(node instanceof Block ? paragraph(ELLIPSIS) : new Text(ELLIPSIS));
                removeFrom(node);
                return;
            } else {
                String literal = literal(node);
                setLiteral(node, literal.substring(0, literal.offsetByCodePoints(0, remaining)).stripTrailing() + ELLIPSIS);
                removeFollowing(node);
                return;
            }
        }
    }

    /** Visible characters of a node and its descendants; a formula counts with its TeX. */
    private static int visibleLength(Node root) {
        return NodeWalk.preorder(root).stream().mapToInt(Excerpt::ownLength).sum();
    }

    private static int ownLength(Node node) {
        if (node instanceof MathNode math) {
            return math.source().tex().codePointCount(0, math.source().tex().length());
        }
        String literal = literal(node);
        return literal == null ? 0 : literal.codePointCount(0, literal.length());
    }

    private static String literal(Node node) {
        return switch (node) {
            case Text text -> text.getLiteral();
            case Code code -> code.getLiteral();
            case FencedCodeBlock code -> code.getLiteral();
            case IndentedCodeBlock code -> code.getLiteral();
            default -> null;
        };
    }

    private static void setLiteral(Node node, String literal) {
        switch (node) {
            case Text text -> text.setLiteral(literal);
            case Code code -> code.setLiteral(literal);
            case FencedCodeBlock code -> code.setLiteral(literal);
            case IndentedCodeBlock code -> code.setLiteral(literal);
            default -> throw new IllegalArgumentException("No text in " + node);
        }
    }

    /** Removes the node and everything after it in document order, and the ancestors that are left empty. */
    private static void removeFrom(Node node) {
        removeFollowing(node);
        Node parent = node.getParent();
        node.unlink();
        while (parent != null && !(parent instanceof Document) && parent.getFirstChild() == null) {
            Node grandparent = parent.getParent();
            parent.unlink();
            parent = grandparent;
        }
    }

    private static void removeFollowing(Node node) {
        for (Node level = node; level != null; level = level.getParent()) {
            while (level.getNext() != null) {
                level.getNext().unlink();
            }
        }
    }

    private static Paragraph paragraph(String text) {
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(new Text(text));
        return paragraph;
    }
}
