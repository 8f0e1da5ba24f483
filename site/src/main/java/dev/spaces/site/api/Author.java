package dev.spaces.site.api;

public record Author(String id, String name) {
}
