/**
 * Text of old Chinese blogs that arrives broken, repaired without touching text that is merely unusual:
 * {@link dev.spaces.commons.migration.text.TextRepair}.
 * <p>
 * Where each reader calls it:
 * <ul>
 *   <li>a mysqldump ({@code sqldump}): every string literal's bytes go through
 *       {@code TextRepair.decode(bytes, …, declaredCharset, where)}, the charset being the dump's {@code SET NAMES};</li>
 *   <li>a live database over JDBC: the driver hands out strings the server converted from the column's charset, so
 *       UTF-8 that went through a latin1 connection arrives as mojibake: every text value goes through
 *       {@code TextRepair.repair(rs.getString(…))}. A latin1 column may hold raw UTF-8 or GBK bytes: read it as bytes
 *       ({@code SELECT CAST(col AS BINARY)} or {@code BINARY col}; the charset from
 *       {@code information_schema.COLUMNS.CHARACTER_SET_NAME}) and decode with
 *       {@code TextRepair.decode(bytes, 0, n, windows-1252, where)}; {@code repair} of the converted string also
 *       gets both right.</li>
 * </ul>
 * A result whose {@code repaired()} is true becomes a {@code SourceNote.REPAIRED} of the item it belongs to.
 */
package dev.spaces.commons.migration.text;
