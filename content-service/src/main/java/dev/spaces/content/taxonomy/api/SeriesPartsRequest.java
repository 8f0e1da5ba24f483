package dev.spaces.content.taxonomy.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new reading order: exactly the series' current parts (every status), first part first. */
@Schema(name = "SeriesPartsWrite", requiredProperties = {"articleIds"})
public record SeriesPartsRequest(
        @NotNull @Schema(description = "The ids of all the series' parts, in the new order") List<@NotNull Long> articleIds) {
}
