package dev.spaces.commons.markdown;

import java.util.stream.Collectors;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The readable text of a Markdown tree for search indexing and previews: no markup, no raw HTML, no formulas.
 * Blocks become lines.
 */
final class PlainText {

    private PlainText() {
    }

    static String of(Node root) {
        StringBuilder text = new StringBuilder();
        for (Node node : NodeWalk.preorder(root)) {
            if (node instanceof Block) {
                text.append('\n');
            } else if (node instanceof TableCell) {
                text.append(' ');
            }
            switch (node) {
                case Text t -> text.append(t.getLiteral());
                case Code code -> text.append(code.getLiteral());
                case FencedCodeBlock code -> text.append(code.getLiteral());
                case IndentedCodeBlock code -> text.append(code.getLiteral());
                case SoftLineBreak ignored -> text.append('\n');
                case HardLineBreak ignored -> text.append('\n');
                default -> {
                }
            }
        }
        return text.toString().lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
