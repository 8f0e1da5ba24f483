package dev.spaces.content.media.api;

@org.eclipse.microprofile.openapi.annotations.media.Schema(description = "An article that uses a media item")
public record MediaUseDto(long id, String title, String slug, String status) {
}
