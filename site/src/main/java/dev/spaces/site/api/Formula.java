package dev.spaces.site.api;

public record Formula(String tex, String mode, Integer line) {
}
