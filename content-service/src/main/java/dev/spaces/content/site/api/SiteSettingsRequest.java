package dev.spaces.content.site.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The site's settings as an admin writes them (PUT replaces them whole); also the stored document. The time zone
 * is checked against the IANA database and the citation template's placeholders by the service (422 with the
 * field's path either way).
 */
@Schema(name = "SiteSettingsWrite",
        requiredProperties = {"name", "siteUrl", "timeZone", "language", "license", "faq"})
public record SiteSettingsRequest(
        @NotBlank @Size(max = 100) @CleanText @Schema(example = "科学空间|Scientific Spaces") String name,
        @Size(max = 50) @CleanText @Schema(example = "科学空间") String shortName,
        @Size(max = 1000) @CleanText(multiline = true) String description,
        @NotBlank @Size(max = 200) @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?",
                message = "{spaces.http-url.plain}")
        @Schema(description = "The reader site's public address; links (preview links, citations) start with it",
                example = "https://blog.example") String siteUrl,
        @NotBlank @Size(max = 64) @Schema(description = "IANA time zone of dates and archives", example = "Asia/Shanghai")
        String timeZone,
        @NotBlank @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "{spaces.language-tag}")
        @Schema(description = "BCP 47 language tag", example = "zh-CN") String language,
        @NotNull @Valid SiteLicense license,
        @Valid SiteBlock sponsor,
        @Valid SiteBlock participation,
        @NotNull @Size(max = 100) @Valid List<@NotNull FaqEntry> faq) {
}
