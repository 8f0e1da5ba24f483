package dev.spaces.content.taxonomy.api;

public record ArchiveEntry(int year, int month, long count) {
}
