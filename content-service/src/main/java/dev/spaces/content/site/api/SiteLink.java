package dev.spaces.content.site.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A link the reader site shows (sponsor, participation). Either an address, or a {@code purpose} the reader site
 * resolves itself ({@code registration}, {@code login}, {@code archive}…): the model blog's "会员注册" link points at
 * whatever the reader site's sign-up is, which the settings cannot know.
 */
@Schema(name = "SiteLink", requiredProperties = "text")
public record SiteLink(
        @NotBlank @Size(max = 100) @CleanText @Schema(example = "会员注册") String text,
        @Size(max = 500) @Pattern(regexp = "(https?://|/)\\S*", message = "{spaces.http-or-path}")
        @Schema(description = "Absolute http(s) address, or a path on the reader site", example = "https://www.lamost.org/")
        String url,
        @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "{spaces.lower-case-name}")
        @Schema(description = "What the link is for, when the reader site supplies the address", example = "registration")
        String purpose) {
}
