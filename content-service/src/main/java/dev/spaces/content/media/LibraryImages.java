package dev.spaces.content.media;

import dev.spaces.commons.markdown.MediaImages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The media library as the Markdown pipeline sees it: {@code ![caption](media:123)} becomes item 123's original with
 * a srcset of every stored width in the original's format (the WebP copies are for {@code <picture>} sources, which
 * clients build from {@code GET /api/v1/media/{id}}).
 */
@ApplicationScoped
public class LibraryImages implements MediaImages {

    private final MediaRepository media;

    public LibraryImages(MediaRepository media) {
        this.media = media;
    }

    @Override
    public Optional<MediaImage> find(long id) {
        // saving an article renders inside its transaction; a preview renders outside one
        return QuarkusTransaction.joiningExisting().call(() -> media.findByIdOptional(id).map(LibraryImages::image));
    }

    private static MediaImage image(MediaItem item) {
        String srcset = item.files.stream().filter(file -> file.mimeType().equals(item.mimeType))
                .sorted(Comparator.comparingInt(MediaFile::width))
                .map(file -> MediaService.url(file) + " " + file.width() + "w")
                .collect(Collectors.joining(", "));
        return new MediaImage(MediaService.url(item.original()), srcset, item.width, item.height, item.alt,
                item.caption);
    }
}
