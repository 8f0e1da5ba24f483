package dev.spaces.content.importing.api;

import java.util.Arrays;
import java.util.Optional;

/** What an uploaded import file is. */
public enum ImportFormat {
    /** A Spaces bundle (NDJSON): what {@code GET /api/v1/export} writes. */
    SPACES_BUNDLE("spaces-bundle"),
    /** A {@code mysqldump} of a Typecho 1.x database (plain or gzipped). */
    TYPECHO_MYSQLDUMP("typecho-mysqldump"),
    /** A Typecho 1.x SQLite database file. */
    TYPECHO_SQLITE("typecho-sqlite"),
    /** A live Typecho 1.x MySQL/MariaDB database, named by a JSON body ({@link TypechoDatabase}). */
    TYPECHO_MYSQL("typecho-mysql"),
    /** A WordPress export (WXR 1.0–1.2). */
    WORDPRESS_WXR("wordpress-wxr");

    private final String wireName;

    ImportFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ImportFormat> of(String wireName) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wireName)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ImportFormat::wireName).toList());
    }
}
