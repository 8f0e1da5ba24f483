package dev.spaces.content.media.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields left out (null) stay as they are; an empty string clears one. */
@Schema(description = "Alt text and caption; omitted fields are kept, \"\" clears")
public record MediaPatch(
        @Size(max = 500) @CleanText String alt,
        @Size(max = 2000) @CleanText String caption) {
}
