package dev.spaces.commons.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;

/** Document-order traversal without recursion, safe at any nesting depth. */
final class NodeWalk {

    private NodeWalk() {
    }

    /** The root and all its descendants, parents before children. */
    static List<Node> preorder(Node root) {
        List<Node> nodes = new ArrayList<>();
        Node node = root;
        while (node != null) {
            nodes.add(node);
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
            }
            node = node == root ? null : node.getNext();
        }
        return nodes;
    }
}
