package dev.spaces.content.site.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A titled block of the reader site's sidebar or footer (sponsor, participation): plain text and links. */
@Schema(name = "SiteBlock", requiredProperties = "links")
public record SiteBlock(
        @Size(max = 100) @CleanText @Schema(example = "宇宙驿站") String heading,
        @Size(max = 2000) @CleanText(multiline = true) String text,
        @Size(max = 20) @Valid List<@jakarta.validation.constraints.NotNull SiteLink> links) {

    public SiteBlock {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
