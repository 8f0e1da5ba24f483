/**
 * Typecho's tables read from a mysqldump file (plain or gzip), streamed:
 * {@link dev.spaces.commons.migration.sqldump.MysqlDumpTables}.
 */
package dev.spaces.commons.migration.sqldump;
