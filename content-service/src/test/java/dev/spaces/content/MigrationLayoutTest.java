package dev.spaces.content;

import dev.spaces.commons.postgres.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event hub's migration (V2, its tables) moved from {@code db/migration} to its own location
 * {@code db/webhooks}. Deployed databases were migrated with V1–V4 all in {@code db/migration}; Flyway keeps one
 * history table per datasource and validates version, description, type and checksum, not the location, so the move
 * is invisible to them — as long as no released script changes. This test holds both: a database migrated by the old
 * layout validates and is up to date under the configured new one, a fresh database gets the same schema, and the
 * released scripts keep the checksums deployed histories recorded.
 */
class MigrationLayoutTest {

    /** What databases migrated by releases up to the move have in flyway_schema_history (version → checksum). */
    private static final Map<String, Integer> RELEASED = new LinkedHashMap<>();

    static {
        RELEASED.put("1", 86209949);
        RELEASED.put("2", 1874579706);
        RELEASED.put("3", 1417987286);
        RELEASED.put("4", 1216184236);
    }

    /** The released scripts as they were laid out then: all in one location. */
    private static final List<String> OLD_LAYOUT = List.of("db/migration/V1__content_schema.sql",
            "db/webhooks/V2__webhooks.sql", "db/migration/V3__public_content_generation.sql",
            "db/migration/V4__retention.sql");

    private static LocalPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(null, 0);
        postgres.ensureDatabases(List.of("layout_old", "layout_new"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDatabaseMigratedByTheOldLayoutValidatesAndIsCurrentUnderTheNewOne(@TempDir Path oldLayout) throws Exception {
        for (String script : OLD_LAYOUT) {
            try (InputStream in = resource(script)) {
                Files.copy(in, oldLayout.resolve(Path.of(script).getFileName()));
            }
        }
        Flyway.configure().dataSource(postgres.jdbcUrl("layout_old"), "postgres", "postgres")
                .locations("filesystem:" + oldLayout).load().migrate();
        assertThat(history("layout_old")).as("checksums deployed databases hold").isEqualTo(RELEASED);

        Flyway current = configured("layout_old");
        // what it has validates under the new layout; migrations added since (V5 render version, V6 media, …) are
        // merely pending
        Flyway.configure().configuration(current.getConfiguration()).ignoreMigrationPatterns("*:pending").load()
                .validate();
        MigrateResult result = current.migrate();
        int newer = (int) Arrays.stream(current.info().all())
                .filter(m -> !RELEASED.containsKey(m.getVersion().getVersion())).count();
        assertThat(result.migrationsExecuted).as("only migrations added after the move run").isEqualTo(newer);
        assertThat(current.info().pending()).isEmpty();

        configured("layout_new").migrate();
        assertThat(schema("layout_old")).isEqualTo(schema("layout_new"));
    }

    @Test
    void theHubsTablesComeFromItsOwnLocation() throws IOException {
        Flyway current = configured("layout_new");
        List<String> hubScripts = Arrays.stream(current.info().all())
                .filter(m -> m.getScript().contains("webhook")).map(MigrationInfo::getScript).toList();
        assertThat(hubScripts).isNotEmpty();
        try (InputStream in = resource("db/webhooks/V2__webhooks.sql")) {
            assertThat(new String(in.readAllBytes())).contains("CREATE TABLE webhook_subscription",
                    "CREATE TABLE webhook_delivery", "CREATE TABLE webhook_inbound_event");
        }
        try (InputStream in = resource("db/migration/V1__content_schema.sql")) {
            assertThat(new String(in.readAllBytes())).doesNotContain("webhook_");
        }
    }

    /** Flyway as the service configures it: the locations from application.properties, validation on. */
    private static Flyway configured(String database) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource("application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("quarkus.flyway.validate-on-migrate")).isEqualTo("true");
        String[] locations = Arrays.stream(properties.getProperty("quarkus.flyway.locations", "db/migration")
                .split(",")).map(l -> "classpath:" + l.strip()).toArray(String[]::new);
        return Flyway.configure().dataSource(postgres.jdbcUrl(database), "postgres", "postgres")
                .locations(locations).validateOnMigrate(true).load();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MigrationLayoutTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("not on the class path: " + name);
        }
        return in;
    }

    private static Map<String, Integer> history(String database) throws SQLException {
        Map<String, Integer> checksums = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT version, checksum FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rs.next()) {
                checksums.put(rs.getString(1), rs.getInt(2));
            }
        }
        return checksums;
    }

    /** Columns, indexes and triggers of the public schema, in a stable order. */
    private static List<String> schema(String database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "postgres")) {
            for (String sql : List.of(
                    "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '"
                            + " || coalesce(column_default, '') FROM information_schema.columns"
                            + " WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY 1",
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
                            + " AND tablename <> 'flyway_schema_history' ORDER BY 1",
                    "SELECT tgname || ' ' || tgrelid::regclass FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")) {
                try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
