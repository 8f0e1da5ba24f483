package dev.spaces.commons.migration.sqldump;

import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.SourceProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL that mysqldump does not write but other dumpers (phpMyAdmin, Adminer, hand edits) and MySQL accept:
 * {@code ''} quotes, {@code #} and multi-line comments, CRLF lines, the escapes mysqldump leaves raw, hex, bit and
 * {@code _binary} literals, negative and decimal numbers, {@code INSERT IGNORE}, qualified table names.
 */
class MysqlDumpSyntaxTest {

    @TempDir
    Path dir;

    /** The Typecho tables a dump must have, the comments table first with its columns. */
    private static final String SCHEMA = """
            # phpMyAdmin SQL Dump
            /* a comment
               over lines; with a ; inside */
            SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";
            SET NAMES utf8mb4;
            CREATE TABLE IF NOT EXISTS `blog`.`typecho_comments` (
              `coid` int(10) unsigned NOT NULL AUTO_INCREMENT,
              `cid` int(10) unsigned DEFAULT '0',
              `author` varchar(150) DEFAULT NULL,
              `text` text,
              `parent` int(10) DEFAULT '0',
              PRIMARY KEY (`coid`),
              KEY `cid` (`cid`)
            ) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;
            CREATE TABLE typecho_contents (cid int PRIMARY KEY, title varchar(150));
            CREATE TABLE typecho_metas (mid int, PRIMARY KEY (mid));
            CREATE TABLE typecho_relationships (cid int, mid int, PRIMARY KEY (cid, mid));
            CREATE TABLE typecho_users (uid int, PRIMARY KEY (uid));
            CREATE TABLE typecho_options (`name` varchar(32), `user` int, `value` text, PRIMARY KEY (`name`,`user`));
            """;

    private Path write(String name, byte[]... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(SCHEMA.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        for (byte[] part : parts) {
            out.write(part);
        }
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] utf8(String sql) {
        return sql.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> rows(MysqlDumpTables tables, String table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        tables.forEach(table, rows::add);
        return rows;
    }

    @Test
    void escapesQuotesLiteralsAndNumbersOfOtherDumpersAreRead() throws Exception {
        Path file = write("phpmyadmin.sql", utf8("""
                INSERT IGNORE INTO `blog`.`typecho_comments` (`coid`, `cid`, `author`, `text`, `parent`) VALUES\r
                (1, 1, 'O''Brien', 'it''s \\b\\t\\0\\Z\\\\ \\" \\' \\% \\_ \\q', -1),\r
                (2, 1, _binary 'bin', X'e6a2afe5baa6', 0),\r
                (3, 1, _utf8mb4 0x4c61546558, 'double "quotes" inside', b'101');\r
                INSERT INTO typecho_contents VALUES (7, 'π ≈ 3.14159'), (8, NULL);\r
                INSERT INTO typecho_options VALUES ('n', 0, '1.5e3'), ('m', 0, 1.5e3), ('x', 0, 18446744073709551615);\r
                """));

        try (MysqlDumpTables tables = MysqlDumpTables.open(file)) {
            List<Map<String, Object>> comments = rows(tables, "comments");
            assertThat(tables.columns("comments")).containsExactly("coid", "cid", "author", "text", "parent");
            assertThat(comments).hasSize(3);
            assertThat(comments.get(0)).containsExactly(Map.entry("coid", 1L), Map.entry("cid", 1L),
                    Map.entry("author", "O'Brien"),
                    Map.entry("text", "it's \b\t\0\u001A\\ \" ' \\% \\_ q"), Map.entry("parent", -1L));
            assertThat(comments.get(1)).containsEntry("author", "bin").containsEntry("text", "梯度");
            assertThat(comments.get(2)).containsEntry("author", "LaTeX").containsEntry("text", "double \"quotes\" inside")
                    .containsEntry("parent", 5L);
            assertThat(rows(tables, "contents")).extracting(r -> r.get("title")).containsExactly("π ≈ 3.14159", null);
            assertThat(rows(tables, "options")).extracting(r -> r.get("value"))
                    .containsExactly(1500.0d, "1.5e3", new java.math.BigDecimal("18446744073709551615"));
            assertThat(tables.inKeyOrder("options")).isFalse(); // n before m in the dump: read in key order
            assertThat(tables.has("relationships")).isTrue();
            assertThat(rows(tables, "relationships")).isEmpty();
        }
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkInAUtf8DumpAreAnEncodingProblemNamingTableColumnAndLine() throws Exception {
        Path file = write("latin1-raw.sql", utf8("INSERT INTO typecho_comments VALUES\n(1, 1, 'ok', 'caf"),
                new byte[] {(byte) 0xE9}, utf8(" au lait', 0);\n"));

        assertThatThrownBy(() -> MysqlDumpTables.open(file))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.ENCODING))
                .hasMessageContaining("table typecho_comments, column text, line " + (SCHEMA.lines().count() + 2) + ", byte ")
                .hasMessageContaining("is neither UTF-8 nor GBK");
    }

    @Test
    void aDumpDeclaringGbkIsDecodedAsGbkEvenWhereTheBytesWouldPassForUtf8() throws Exception {
        // short GBK text can be valid UTF-8 by chance: "浣犲ソ" in GBK is E4 BD A0 E5 A5 BD, the UTF-8 of "你好"
        String text = "浣犲ソ";
        byte[] gbk = text.getBytes("GBK");
        assertThat(new String(gbk, StandardCharsets.UTF_8)).isEqualTo("你好");
        Path file = write("gbk.sql", utf8("SET NAMES gbk;\nINSERT INTO typecho_comments VALUES (1, 1, '"), gbk,
                utf8("', 'x', 0);\n"));
        List<SourceNote> notes = new ArrayList<>();

        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "typecho_", notes::add)) {
            assertThat(rows(tables, "comments")).extracting(r -> r.get("author")).containsExactly(text);
        }
        assertThat(notes).isEmpty();
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsBrokenInputSayingWhere() throws Exception {
        String insert = "INSERT INTO typecho_comments VALUES (1, 1, 'a', 'b', 0), (2, 1, 'c');\n";
        Path file = write("short-row.sql", utf8(insert));

        assertThatThrownBy(() -> MysqlDumpTables.open(file))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessage("the row of typecho_comments at line " + (SCHEMA.lines().count() + 1) + ", byte "
                        + (SCHEMA.replace("\n", "\r\n").length() + insert.indexOf("(2,"))
                        + " of short-row.sql has 3 values for its 5 columns");
    }
}
