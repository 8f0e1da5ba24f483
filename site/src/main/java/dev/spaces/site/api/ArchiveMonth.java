package dev.spaces.site.api;

public record ArchiveMonth(int year, int month, long count) {
}
