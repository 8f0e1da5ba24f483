package dev.spaces.content.rest.dto;

public record ArchiveEntry(int year, int month, long count) {
}
