package dev.spaces.site.api;

import java.util.List;

public record Series(long id, String slug, String title, String description, long articleCount,
                     List<ArticleRef> parts) {

    public Series {
        parts = parts == null ? List.of() : parts;
    }
}
