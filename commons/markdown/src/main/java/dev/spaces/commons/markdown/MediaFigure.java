package dev.spaces.commons.markdown;

import org.commonmark.node.CustomBlock;

/** A media image alone in its paragraph: a figure, its caption the image's description (kept as child nodes). */
final class MediaFigure extends CustomBlock {

    final MediaImages.MediaImage image;

    MediaFigure(MediaImages.MediaImage image) {
        this.image = image;
    }
}
