package dev.spaces.content.importing.api;

import java.util.List;

public record ImportResult(int created, int updated, int unchanged, List<Long> articleIds) {
}
