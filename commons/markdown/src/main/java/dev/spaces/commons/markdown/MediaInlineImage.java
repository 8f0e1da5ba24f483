package dev.spaces.commons.markdown;

import org.commonmark.node.CustomNode;

/** A media image inside running text: an image without a figure, its description as alt text (child nodes). */
final class MediaInlineImage extends CustomNode {

    final MediaImages.MediaImage image;

    MediaInlineImage(MediaImages.MediaImage image) {
        this.image = image;
    }
}
