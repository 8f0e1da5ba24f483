package dev.spaces.content.importing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A live Typecho database to import from (MySQL or MariaDB), the body of {@code POST /api/v1/imports?format=typecho-mysql}.
 * Named by its parts rather than by a JDBC URL: a URL would let the caller choose any driver and its options (a
 * local file through {@code jdbc:sqlite:}, {@code allowLocalInfile}), where the service builds the one URL it trusts.
 */
@Schema(description = "A Typecho database on MySQL/MariaDB, read once with these credentials (not stored)")
public record TypechoDatabase(
        @Schema(description = "host name or address", examples = "db.example.org") String host,
        @Schema(description = "port (3306 when absent)") Integer port,
        @Schema(description = "database name", examples = "typecho") String database,
        @Schema(description = "user (read rights suffice)") String user,
        @Schema(description = "password") String password) {

    private static final java.util.regex.Pattern HOST =
            java.util.regex.Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_$-]{1,64}");

    /** What is wrong with it, in words, or null when it can be tried. */
    public String invalidReason() {
        if (host == null || !HOST.matcher(host).matches()) {
            return "host must be a host name or an address (e.g. db.example.org, 10.0.0.5, [::1])";
        }
        if (port != null && (port < 1 || port > 65535)) {
            return "port must be between 1 and 65535";
        }
        if (database == null || !NAME.matcher(database).matches()) {
            return "database must be a database name (letters, digits, _ $ -; at most 64)";
        }
        if (user == null || user.isBlank() || user.length() > 80) {
            return "user must be given (at most 80 characters)";
        }
        return null;
    }

    /**
     * The MariaDB driver's URL: never LOAD DATA LOCAL (a hostile server could otherwise ask for this service's
     * files), a bounded wait for the connection.
     */
    public String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + (port == null ? 3306 : port) + "/" + database
                + "?allowLocalInfile=false&connectTimeout=10000";
    }

    @Override
    public String toString() {
        return "TypechoDatabase[" + user + "@" + host + ":" + (port == null ? 3306 : port) + "/" + database + "]";
    }
}
