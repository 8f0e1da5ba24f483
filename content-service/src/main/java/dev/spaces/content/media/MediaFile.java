package dev.spaces.content.media;

/**
 * One stored file of a media item. {@code hash} (SHA-256 of its bytes) is its storage key and part of its URL;
 * {@code name} the readable last URL segment ({@code <name>-<width>w.<ext>}).
 */
public record MediaFile(String hash, String name, String mimeType, int width, int height, long bytes,
                        boolean original) {
}
