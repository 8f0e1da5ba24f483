package dev.spaces.content.media;

import dev.spaces.content.media.api.MediaResponse;

/** An upload's answer: the item, and whether it is new (201) or the same bytes were there already (200). */
public record UploadResult(MediaResponse media, boolean created) {
}
