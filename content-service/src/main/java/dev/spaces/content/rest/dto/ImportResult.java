package dev.spaces.content.rest.dto;

import java.util.List;

public record ImportResult(int created, int updated, int unchanged, List<Long> articleIds) {
}
