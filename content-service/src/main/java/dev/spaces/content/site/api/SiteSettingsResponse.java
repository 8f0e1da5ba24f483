package dev.spaces.content.site.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spaces.commons.http.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The site's settings as the reader site and Studio read them. {@code version} is what a PUT's If-Match names
 * (the ETag carries it too).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SiteSettings", requiredProperties = {"name", "siteUrl", "timeZone", "language", "license", "faq",
        "version", "updatedAt"})
public record SiteSettingsResponse(String name, String shortName, String description, String siteUrl,
                                   String timeZone, String language, SiteLicense license, SiteBlock sponsor,
                                   SiteBlock participation, List<FaqEntryResponse> faq, long version,
                                   Instant updatedAt) implements Versioned {
}
