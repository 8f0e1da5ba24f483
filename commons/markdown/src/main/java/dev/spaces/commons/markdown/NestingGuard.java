package dev.spaces.commons.markdown;

import org.commonmark.node.Block;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

/**
 * Renderers and visitors recurse once per nesting level. No article nests deeper than {@link #MAX_DEPTH}; input that
 * does (10,000 {@code >} in a row) is flattened to plain text at that depth so that it cannot exhaust the stack.
 */
final class NestingGuard {

    static final int MAX_DEPTH = 64;

    private NestingGuard() {
    }

    static void flattenDeepNesting(Node root) {
        Node node = root;
        int depth = 0;
        while (node != null) {
            // a list must keep its items, so a too-deep list is flattened one level further down
            boolean tooDeep = depth >= MAX_DEPTH && node.getFirstChild() != null && !(node instanceof ListBlock);
            if (tooDeep) {
                flattenChildren(node);
            } else if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == root ? null : node.getNext();
        }
    }

    private static void flattenChildren(Node node) {
        boolean blockContent = node.getFirstChild() instanceof Block;
        Text text = new Text(PlainText.of(node));
        while (node.getFirstChild() != null) {
            node.getFirstChild().unlink();
        }
        if (blockContent) {
            Paragraph paragraph = new Paragraph();
            paragraph.appendChild(text);
            node.appendChild(paragraph);
        } else {
            node.appendChild(text);
        }
    }
}
