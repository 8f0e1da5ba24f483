package dev.spaces.commons.markdown;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Resolves {@code ![caption](media:123)} against the media library before rendering. An image alone in its paragraph
 * becomes a {@link MediaFigure} (the caption under it); one inside text a {@link MediaInlineImage}; a reference to an
 * item that does not exist keeps only its caption as text, so a deleted or mistyped id never shows a broken image.
 */
final class MediaReferences {

    private static final Pattern MEDIA = Pattern.compile("media:(\\d{1,18})");

    private MediaReferences() {
    }

    static void resolve(Node document, MediaImages media) {
        List<Image> images = NodeWalk.preorder(document).stream()
                .filter(Image.class::isInstance).map(Image.class::cast)
                .filter(image -> MEDIA.matcher(image.getDestination().strip()).matches()).toList();
        for (Image image : images) {
            Matcher id = MEDIA.matcher(image.getDestination().strip());
            id.matches();
            Optional<MediaImages.MediaImage> found = media.find(Long.parseLong(id.group(1)));
            if (found.isEmpty()) {
                unwrap(image);
            } else if (image.getParent() instanceof Paragraph paragraph && aloneIn(image, paragraph)) {
                MediaFigure figure = new MediaFigure(found.get());
                moveChildren(image, figure);
                paragraph.insertBefore(figure);
                paragraph.unlink();
            } else {
                MediaInlineImage inline = new MediaInlineImage(found.get());
                moveChildren(image, inline);
                image.insertBefore(inline);
                image.unlink();
            }
        }
    }

    private static boolean aloneIn(Image image, Paragraph paragraph) {
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
            boolean blank = node instanceof Text text && text.getLiteral().isBlank() || node instanceof SoftLineBreak;
            if (node != image && !blank) {
                return false;
            }
        }
        return true;
    }

    /** Replaces {@code image} by its description's nodes. */
    private static void unwrap(Image image) {
        Node child = image.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            image.insertBefore(child);
            child = next;
        }
        image.unlink();
    }

    private static void moveChildren(Node from, Node to) {
        Node child = from.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            to.appendChild(child);
            child = next;
        }
    }

    /** The description as plain text, on one line (for alt). */
    static String text(Node node) {
        return String.join(" ", PlainText.of(node).lines().toList());
    }
}
