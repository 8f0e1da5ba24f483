package dev.spaces.content.article;

import dev.spaces.commons.markdown.MediaImages;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.content.article.api.CoverImageInput;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the cover images a client sends into stored ones. A media id is looked up in the library (through the same
 * {@link MediaImages} port the Markdown pipeline uses for {@code media:123}, so the article feature does not reach
 * into the media feature's internals) and its URL, srcset and size are copied in.
 */
@ApplicationScoped
public class CoverImages {

    private final MediaImages library;

    public CoverImages(MediaImages library) {
        this.library = library;
    }

    /** @throws ProblemException 422 naming {@code coverImages[i].mediaId} when an id is not in the library */
    public List<CoverImage> resolve(List<CoverImageInput> inputs) {
        if (inputs == null) {
            return new ArrayList<>();
        }
        List<CoverImage> images = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            CoverImageInput input = inputs.get(i);
            if (input.mediaId() == null) {
                images.add(CoverImage.ofUrl(input.url(), input.caption(), input.alt()));
                continue;
            }
            String field = "coverImages[" + i + "].mediaId";
            MediaImages.MediaImage item = library.find(input.mediaId()).orElseThrow(() ->
                    ProblemException.invalidField(field, "no media item " + input.mediaId() + " in the library"));
            images.add(new CoverImage(input.mediaId(), item.src(),
                    input.caption() != null ? input.caption() : item.caption(),
                    input.alt() != null ? input.alt() : item.alt(),
                    item.width(), item.height(), item.srcset()));
        }
        return images;
    }
}
