package dev.spaces.content.taxonomy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Every part of a series in reading order, with the series version a reorder names in If-Match. */
@Schema(name = "SeriesParts", requiredProperties = {"slug", "title", "version", "parts"})
public record SeriesPartsResponse(String slug, String title, long version, List<SeriesPart> parts) {
}
