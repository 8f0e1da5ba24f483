package dev.spaces.content.site.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The licence the site's articles are published under, and how a reprint must credit them. */
@Schema(name = "SiteLicense", requiredProperties = {"name", "code", "url", "citationTemplate"})
public record SiteLicense(
        @NotBlank @Size(max = 100) @CleanText @Schema(example = "署名-非商业用途-保持一致 4.0 国际") String name,
        @NotBlank @Size(max = 40) @CleanText @Schema(example = "CC BY-NC-SA 4.0") String code,
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{spaces.http-url}")
        @Schema(example = "https://creativecommons.org/licenses/by-nc-sa/4.0/") String url,
        @Size(max = 1000) @CleanText(multiline = true)
        @Schema(description = "The notice shown with the licence (plain text)") String text,
        @NotBlank @Size(max = 500) @CleanText(multiline = true)
        @Schema(description = "The 「转载请注明」 line under each article. Placeholders: {title}, {url}, {author}, "
                + "{date} (publication date, yyyy-MM-dd in the site's time zone), {site} (the site's name); any "
                + "other {…} is refused.", example = "转载请注明：《{title}》，{site}，{url}")
        String citationTemplate) {
}
