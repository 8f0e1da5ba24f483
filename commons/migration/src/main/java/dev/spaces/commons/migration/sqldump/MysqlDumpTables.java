package dev.spaces.commons.migration.sqldump;

import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.SourceProblem;
import dev.spaces.commons.migration.text.TextRepair;
import dev.spaces.commons.migration.typecho.TypechoTables;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Typecho's tables read from a {@code mysqldump} file (plain or gzip-compressed, told apart by its magic bytes).
 * <p>
 * The dump is read as a stream, never whole: {@link #open} makes one pass that checks the whole file (a cut-off or
 * damaged dump is refused before any record is pushed), learns each table's columns from its {@code CREATE TABLE}
 * and notes where its rows start and end; {@link #forEach} then reads from there, one row at a time. Extended
 * ({@code VALUES (…),(…)}) and one-row-per-statement ({@code --skip-extended-insert}) dumps, explicit column lists
 * ({@code --complete-insert}), hex and {@code _binary} literals are understood.
 * <p>
 * Text goes through {@link TextRepair} with the charset the dump declares ({@code SET NAMES}): GBK bytes and UTF-8
 * that a latin1 connection or table turned into mojibake come out as the Chinese they were, and each repaired value
 * is reported as a {@link SourceNote#repaired} note with item {@code table:first-column-value} (e.g.
 * {@code comments:7}, the table named without prefix).
 * <p>
 * Rows come in primary key order (the contract of {@link TypechoTables#forEach}). InnoDB tables are dumped in that
 * order and are read straight on; a MyISAM table (older Typecho's engine) is dumped in the order it stores rows, which
 * after deletions or {@code ALTER TABLE … ORDER BY} is not the key's: the first pass notices, and {@link #forEach}
 * then keeps each row's key and offset (not its values: some tens of bytes a row) and reads the rows one by one in key
 * order. Keys are compared as Typecho's collations do (numbers by value, text ignoring case).
 */
public final class MysqlDumpTables implements TypechoTables {

    public static final String DEFAULT_PREFIX = "typecho_";

    /** Without these a dump is not Typecho's (fields came later and may be missing). */
    private static final List<String> REQUIRED = List.of("contents", "metas", "relationships", "comments", "users",
            "options");

    private static final Set<String> STATEMENT_WORDS = Set.of("create", "insert", "replace", "set", "drop", "lock",
            "unlock", "use", "alter", "start", "commit", "begin", "rollback", "delimiter", "select", "truncate",
            "delete", "update", "grant", "flush", "savepoint", "release", "do");

    private static final Set<String> KEY_WORDS = Set.of("primary", "key", "unique", "index", "constraint",
            "fulltext", "spatial", "foreign", "check", "period");

    /** What the first pass learnt about a table. */
    private static final class Table {
        final String name;
        List<String> columns = List.of();
        /** Where the first statement with its rows starts (-1: no rows), and where its last one ends. */
        long firstOffset = -1;
        long firstLine;
        Charset firstCharset;
        long endOffset;
        long rows;
        /** The primary key's columns (lower case), from CREATE TABLE; empty when it has none. */
        List<String> primaryKey = List.of();
        /** Whether the dump holds the rows in primary key order (false: a MyISAM table with reused slots). */
        boolean ordered = true;
        List<Object> lastKey;
        /** The distinct column lists of its INSERTs, so rows of --complete-insert dumps share one. */
        final Map<List<String>, List<String>> columnLists = new java.util.HashMap<>();

        Table(String name) {
            this.name = name;
        }
    }

    private final Path path;
    private final String name;
    private final String prefix;
    private final boolean gzip;
    private final Consumer<SourceNote> notes;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    /** A gzip dump unpacked for reading rows at their offsets (only for a table not in key order). */
    private Path unpacked;

    private MysqlDumpTables(Path path, String prefix, Consumer<SourceNote> notes) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.prefix = prefix.toLowerCase(Locale.ROOT);
        this.notes = notes;
        this.gzip = isGzip(path);
    }

    /** Opens a dump of a Typecho database with the default table prefix, notes going nowhere. */
    public static MysqlDumpTables open(Path dump) {
        return open(dump, DEFAULT_PREFIX, note -> { });
    }

    /**
     * Opens a dump and checks it whole.
     *
     * @param prefix the Typecho table prefix ({@code typecho_} by default)
     * @param notes  receives a {@link SourceNote.Kind#REPAIRED} note for every text value whose bytes were repaired
     * @throws SourceProblem BROKEN_INPUT when the file is not a SQL dump or is cut off or damaged (the message says
     *                       where: line and byte offset), UNKNOWN_SCHEMA when Typecho's tables are missing, ENCODING
     *                       for text that is neither UTF-8 nor repairable
     */
    public static MysqlDumpTables open(Path dump, String prefix, Consumer<SourceNote> notes) {
        MysqlDumpTables tables = new MysqlDumpTables(dump, prefix, notes);
        tables.index();
        return tables;
    }

    @Override
    public boolean has(String table) {
        return tables.containsKey(fullName(table));
    }

    @Override
    public Set<String> columns(String table) {
        Table t = tables.get(fullName(table));
        return t == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(t.columns));
    }

    /** How many rows the dump holds for the table (0 when it has none or does not exist): counted on opening. */
    @Override
    public long rowCount(String table) {
        Table t = tables.get(fullName(table));
        return t == null ? 0 : t.rows;
    }

    @Override
    public void forEach(String table, Consumer<Map<String, Object>> row) {
        Table t = tables.get(fullName(table));
        if (t == null || t.firstOffset < 0) {
            return;
        }
        if (t.ordered) {
            scan(t, (read, values, repaired, line, offset, columns) -> deliver(read, values, repaired, line, row));
        } else {
            forEachInKeyOrder(t, row);
        }
    }

    /** Reads the table's stretch of the dump, handing each of its rows to {@code handler}. */
    private void scan(Table t, RowHandler handler) {
        try (DumpLexer lexer = new DumpLexer(openStream(t.firstOffset), name, t.firstOffset, t.firstLine)) {
            new Scanner(lexer, t, handler, t.firstCharset).run();
        }
    }

    /** A row read, with the values that had to be repaired ({column, how}) and where it is. */
    @FunctionalInterface
    private interface RowHandler {
        void row(Table table, Map<String, Object> values, List<String[]> repaired, long line, long offset,
                 List<String> columns);
    }

    /** First pass: counts rows and checks that they come in primary key order. */
    private void indexRow(Table table, Map<String, Object> values, List<String[]> repaired, long line, long offset,
                          List<String> columns) {
        table.rows++;
        if (table.ordered && !table.primaryKey.isEmpty()) {
            List<Object> key = key(table, values);
            if (table.lastKey != null && compareKeys(key, table.lastKey) < 0) {
                table.ordered = false;
            }
            table.lastKey = key;
        }
    }

    private void deliver(Table table, Map<String, Object> values, List<String[]> repaired, long line,
                         Consumer<Map<String, Object>> row) {
        if (repaired != null) {
            String item = table.name.substring(table.name.startsWith(prefix) ? prefix.length() : 0) + ":"
                    + values.values().iterator().next();
            for (String[] r : repaired) {
                notes.accept(SourceNote.repaired(item, "column " + r[0] + ": " + r[1] + " (" + name + ", line "
                        + line + ")"));
            }
        }
        row.accept(values);
    }

    private static List<Object> key(Table table, Map<String, Object> values) {
        List<Object> key = new ArrayList<>(table.primaryKey.size());
        for (String column : table.primaryKey) {
            key.add(values.get(column));
        }
        return key;
    }

    /**
     * Orders keys as MySQL does for Typecho's keys: numbers by value, text without regard to case (Typecho's tables use
     * case-insensitive collations), null first.
     */
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x == null || y == null) {
                c = x == null ? (y == null ? 0 : -1) : 1;
            } else if (x instanceof Number nx && y instanceof Number ny) {
                c = new BigDecimal(nx.toString()).compareTo(new BigDecimal(ny.toString()));
            } else {
                c = String.valueOf(x).compareToIgnoreCase(String.valueOf(y));
                if (c == 0) {
                    c = String.valueOf(x).compareTo(String.valueOf(y));
                }
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Where one row is: its key, its '(' in the dump, and the columns its INSERT gave. */
    private record RowAt(List<Object> key, long offset, long line, List<String> columns) {
    }

    /**
     * A table the dump does not hold in key order (MyISAM reuses the slots of deleted rows): one pass notes each row's
     * key and offset — not its values — and the rows are then read one at a time, in key order, from their offsets.
     * A compressed dump is unpacked to a temporary file once for that.
     */
    private void forEachInKeyOrder(Table t, Consumer<Map<String, Object>> row) {
        List<RowAt> rows = new ArrayList<>();
        scan(t, (table, values, repaired, line, offset, columns) -> rows.add(new RowAt(key(table, values), offset, line,
                columns)));
        rows.sort((a, b) -> compareKeys(a.key(), b.key()));
        Path plain = plainFile();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(plain)) {
            for (RowAt at : rows) {
                channel.position(at.offset());
                InputStream in = new java.io.FilterInputStream(java.nio.channels.Channels.newInputStream(channel)) {
                    @Override
                    public void close() {
                        // the channel stays open for the next row
                    }
                };
                DumpLexer lexer = new DumpLexer(in, name, at.offset(), at.line(), 1 << 12);
                Scanner scanner = new Scanner(lexer, t, (table, values, repaired, line, offset, columns) ->
                        deliver(table, values, repaired, line, row), t.firstCharset);
                scanner.readSingleRow(t, at.columns());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + plain, e);
        }
    }

    /** The dump as an uncompressed file (for reading rows at their offsets). */
    private Path plainFile() {
        if (!gzip) {
            return path;
        }
        if (unpacked == null) {
            try {
                unpacked = Files.createTempFile("typecho-dump-", ".sql");
                try (InputStream in = openStream(0)) {
                    Files.copy(in, unpacked, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack " + path, e);
            }
        }
        return unpacked;
    }

    /** Whether the dump holds the table's rows in primary key order (else {@link #forEach} sorts them by key). */
    public boolean inKeyOrder(String table) {
        Table t = tables.get(fullName(table));
        return t == null || t.ordered;
    }

    @Override
    public void close() {
        // no file is held open between calls: each pass opens and closes its own; only an unpacked copy is left
        if (unpacked != null) {
            try {
                Files.deleteIfExists(unpacked);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            unpacked = null;
        }
    }

    private String fullName(String table) {
        return prefix + table.toLowerCase(Locale.ROOT);
    }

    /** The first pass: checks the whole dump and learns tables, columns and where their rows are. */
    private void index() {
        try (DumpLexer lexer = new DumpLexer(openStream(0), name, 0, 1)) {
            new Scanner(lexer, null, this::indexRow, null).run();
        }
        List<String> missing = REQUIRED.stream().filter(t -> !tables.containsKey(prefix + t)).toList();
        if (!missing.isEmpty()) {
            Set<String> found = new TreeSet<>(tables.keySet());
            throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, "the dump " + name + " has no Typecho table"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing.stream().map(m -> prefix + m).toList())
                    + (found.isEmpty() ? " (it has no tables at all)" : " (its tables: " + String.join(", ", found)
                    + guessPrefix(found) + ")"));
        }
    }

    /** A hint when the tables are Typecho's under another prefix. */
    private static String guessPrefix(Set<String> found) {
        for (String table : found) {
            if (table.endsWith("contents") && found.contains(table.substring(0, table.length() - 8) + "comments")) {
                return "; is the table prefix " + table.substring(0, table.length() - 8) + "?";
            }
        }
        return "";
    }

    /**
     * Reads statements. With {@code target == null} it is the first pass (everything is checked, tables learnt);
     * otherwise it hands the target table's rows to its handler and stops after its last statement.
     */
    private final class Scanner {
        private final DumpLexer lx;
        private final Table target;
        private final RowHandler handler;
        private Charset charset;
        private boolean sawStatement;
        private boolean sawData;

        Scanner(DumpLexer lexer, Table target, RowHandler handler, Charset charset) {
            this.lx = lexer;
            this.target = target;
            this.handler = handler;
            this.charset = charset;
            lexer.versionComment = this::versionComment;
        }

        void run() {
            while (true) {
                DumpLexer.Kind kind = lx.next();
                if (kind == DumpLexer.Kind.EOF) {
                    break;
                }
                if (lx.isPunct(';')) {
                    continue;
                }
                if (target != null && lx.tokenOffset() > target.endOffset) {
                    return;
                }
                long line = lx.tokenLine();
                long offset = lx.tokenOffset();
                String word = kind == DumpLexer.Kind.WORD ? lx.text().toLowerCase(Locale.ROOT) : null;
                if (word == null || !STATEMENT_WORDS.contains(word)) {
                    if (!sawStatement) {
                        throw lx.broken(name + " is not a SQL dump: at " + lx.where(line, offset) + " it has "
                                + describe() + " where a statement (CREATE TABLE, INSERT, SET …) should start");
                    }
                    skipStatement(line, offset);
                    continue;
                }
                sawStatement = true;
                switch (word) {
                    case "create" -> create(line, offset);
                    case "insert", "replace" -> insert(line, offset);
                    case "set" -> set(line, offset);
                    default -> skipStatement(line, offset);
                }
            }
            if (target == null && !sawData) {
                throw lx.broken(name + " is not a SQL dump: it has no CREATE TABLE or INSERT statement");
            }
            if (target == null && lx.mysqldumpHeader && !lx.dumpCompleted) {
                // cut off between two statements: nothing looks broken, but rows are missing
                throw lx.broken(name + " is cut off at " + lx.where(lx.line(), lx.offset()) + ": it starts as a"
                        + " mysqldump does but lacks the '-- Dump completed' line mysqldump ends every dump with");
            }
        }

        private String describe() {
            return switch (lx.kind()) {
                case EOF -> "the end of the file";
                case STRING -> "a string";
                case PUNCT, WORD, NUMBER -> "'" + abbreviate(lx.text()) + "'";
                default -> "a " + lx.kind().name().toLowerCase(Locale.ROOT);
            };
        }

        private void versionComment(String text) {
            // mysqldump: /*!40101 SET NAMES utf8mb4 */ and /*!40101 SET character_set_client = utf8 */
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("set names ")) {
                charset = mysqlCharset(lower.substring("set names ".length()).trim().split("[\\s;]")[0]);
            }
        }

        /** Reads tokens up to the statement's closing semicolon. */
        private void skipStatement(long line, long offset) {
            while (!lx.isPunct(';')) {
                if (lx.next() == DumpLexer.Kind.EOF) {
                    throw cutOff(line, offset);
                }
            }
        }

        private SourceProblem cutOff(long line, long offset) {
            return lx.broken("the statement starting at " + lx.where(line, offset) + " is cut off at the end of the"
                    + " file (byte " + lx.offset() + "): the dump is truncated");
        }

        private DumpLexer.Kind nextIn(long line, long offset) {
            DumpLexer.Kind kind = lx.next();
            if (kind == DumpLexer.Kind.EOF) {
                throw cutOff(line, offset);
            }
            return kind;
        }

        private void set(long line, long offset) {
            nextIn(line, offset);
            if (lx.isWord("names")) {
                nextIn(line, offset);
                charset = mysqlCharset(lx.text());
            }
            skipStatement(line, offset);
        }

        /** A table name, possibly qualified ({@code `db`.`t`}): its last part, lower case. */
        private String tableName(long line, long offset) {
            if (lx.kind() != DumpLexer.Kind.WORD && lx.kind() != DumpLexer.Kind.QUOTED_ID) {
                throw lx.broken("expected a table name at " + lx.tokenWhere() + " but found " + describe());
            }
            String table = lx.text();
            nextIn(line, offset);
            while (lx.isPunct('.')) {
                nextIn(line, offset);
                table = lx.text();
                nextIn(line, offset);
            }
            return table.toLowerCase(Locale.ROOT);
        }

        private void create(long line, long offset) {
            nextIn(line, offset);
            while (lx.isWord("temporary") || lx.isWord("or") || lx.isWord("replace")) {
                nextIn(line, offset);
            }
            if (!lx.isWord("table")) {
                skipStatement(line, offset); // CREATE DATABASE, VIEW, TRIGGER…
                return;
            }
            nextIn(line, offset);
            if (lx.isWord("if")) { // IF NOT EXISTS
                nextIn(line, offset);
                nextIn(line, offset);
                nextIn(line, offset);
            }
            String table = tableName(line, offset);
            if (!lx.isPunct('(')) {
                skipStatement(line, offset); // CREATE TABLE … LIKE / AS SELECT: no column list
                return;
            }
            List<String> columns = new ArrayList<>();
            List<String> primaryKey = new ArrayList<>();
            int depth = 1;
            boolean itemStart = true;
            boolean inPrimaryKey = false;
            boolean afterOpenOrComma = false;
            while (depth > 0) {
                nextIn(line, offset);
                if (itemStart && depth == 1) {
                    itemStart = false;
                    inPrimaryKey = lx.isWord("primary");
                    if (lx.kind() == DumpLexer.Kind.QUOTED_ID
                            || (lx.kind() == DumpLexer.Kind.WORD && !KEY_WORDS.contains(lx.text().toLowerCase(Locale.ROOT)))) {
                        columns.add(lx.text().toLowerCase(Locale.ROOT));
                    }
                    continue;
                }
                boolean identifier = lx.kind() == DumpLexer.Kind.QUOTED_ID || lx.kind() == DumpLexer.Kind.WORD;
                if (inPrimaryKey && depth == 2 && afterOpenOrComma && identifier) {
                    primaryKey.add(lx.text().toLowerCase(Locale.ROOT)); // PRIMARY KEY (`cid`,`name`(10))
                }
                afterOpenOrComma = false;
                if (lx.isPunct('(')) {
                    depth++;
                    afterOpenOrComma = true;
                } else if (lx.isPunct(')')) {
                    depth--;
                } else if (lx.isPunct(',') && depth == 1) {
                    itemStart = true;
                } else if (lx.isPunct(',')) {
                    afterOpenOrComma = true;
                }
            }
            skipStatement(line, offset);
            if (target == null) {
                Table t = tables.computeIfAbsent(table, Table::new);
                t.columns = List.copyOf(columns);
                t.primaryKey = List.copyOf(primaryKey);
            }
        }

        private void insert(long line, long offset) {
            nextIn(line, offset);
            while (lx.isWord("low_priority") || lx.isWord("delayed") || lx.isWord("high_priority")
                    || lx.isWord("ignore") || lx.isWord("into")) {
                nextIn(line, offset);
            }
            String tableName = tableName(line, offset);
            Table table = tables.get(tableName);
            if (target == null && table == null) {
                // rows of a table the dump never created: keep them, columns come from the INSERT's list if any
                table = tables.computeIfAbsent(tableName, Table::new);
            }
            boolean wanted = target == null || table == target;
            List<String> columns = table == null ? List.of() : table.columns;
            if (lx.isPunct('(')) {
                List<String> listed = new ArrayList<>();
                while (true) {
                    nextIn(line, offset);
                    if (lx.isPunct(')')) {
                        break;
                    }
                    if (!lx.isPunct(',')) {
                        listed.add(lx.text().toLowerCase(Locale.ROOT));
                    }
                }
                columns = table == null ? listed : table.columnLists.computeIfAbsent(listed, List::copyOf);
                nextIn(line, offset);
            }
            if (!lx.isWord("values") && !lx.isWord("value")) {
                skipStatement(line, offset); // INSERT … SELECT / SET: not something mysqldump writes
                return;
            }
            if (columns.isEmpty()) {
                throw lx.broken("rows for table " + tableName + " at " + lx.where(line, offset)
                        + " come before its CREATE TABLE and name no columns");
            }
            sawData = true;
            if (target == null && table.firstOffset < 0) {
                table.firstOffset = offset;
                table.firstLine = line;
                table.firstCharset = charset;
            }
            nextIn(line, offset);
            while (true) {
                readRow(table, tableName, columns, wanted, line, offset);
                nextIn(line, offset);
                if (lx.isPunct(',')) {
                    nextIn(line, offset);
                    continue;
                }
                skipStatement(line, offset); // ';' or ON DUPLICATE KEY UPDATE …
                break;
            }
            if (target == null) {
                table.endOffset = lx.offset();
            }
        }

        /** Reads one row, the lexer on its '(', and hands it to the handler when it is wanted. */
        private void readRow(Table table, String tableName, List<String> columns, boolean wanted, long line,
                             long offset) {
            if (!lx.isPunct('(')) {
                throw lx.broken("expected '(' opening a row of " + tableName + " at " + lx.tokenWhere()
                        + " but found " + describe());
            }
            long rowLine = lx.tokenLine();
            long rowOffset = lx.tokenOffset();
            Map<String, Object> row = wanted ? new LinkedHashMap<>() : null;
            List<String[]> repaired = null;
            int index = 0;
            while (true) {
                nextIn(line, offset);
                if (index >= columns.size()) {
                    throw lx.broken("the row of " + tableName + " at " + lx.where(rowLine, rowOffset) + " has more"
                            + " values than its " + columns.size() + " columns");
                }
                String column = columns.get(index);
                Object value = value(tableName, column, line, offset);
                if (value instanceof Repaired r) {
                    if (repaired == null) {
                        repaired = new ArrayList<>();
                    }
                    repaired.add(new String[] {column, r.how().description()});
                    value = r.text();
                }
                if (row != null) {
                    row.put(column, value);
                }
                index++;
                nextIn(line, offset);
                if (lx.isPunct(')')) {
                    break;
                }
                if (!lx.isPunct(',')) {
                    throw lx.broken("expected ',' or ')' after a value of " + tableName + "." + column + " at "
                            + lx.tokenWhere() + " but found " + describe());
                }
            }
            if (index != columns.size()) {
                throw lx.broken("the row of " + tableName + " at " + lx.where(rowLine, rowOffset) + " has " + index
                        + " values for its " + columns.size() + " columns");
            }
            if (row != null) {
                handler.row(table, row, repaired, rowLine, rowOffset, columns);
            }
        }

        /** Reads the one row at the lexer's position (a row found by {@link #keys}), for rows read in key order. */
        void readSingleRow(Table table, List<String> columns) {
            lx.next();
            readRow(table, table.name, columns, true, lx.tokenLine(), lx.tokenOffset());
        }

        /** One value of a row, the lexer on its first token; a repaired text comes as {@link Repaired}. */
        private Object value(String table, String column, long line, long offset) {
            DumpLexer.Kind kind = lx.kind();
            if (kind == DumpLexer.Kind.WORD) {
                String word = lx.text();
                if (word.equalsIgnoreCase("null")) {
                    return null;
                }
                if (word.equalsIgnoreCase("true")) {
                    return 1L;
                }
                if (word.equalsIgnoreCase("false")) {
                    return 0L;
                }
                if (word.startsWith("_")) { // a charset introducer: _binary '…', _utf8mb4 0x…
                    Charset introduced = word.equalsIgnoreCase("_binary") ? null : mysqlCharset(word.substring(1));
                    nextIn(line, offset);
                    if (lx.kind() != DumpLexer.Kind.STRING && lx.kind() != DumpLexer.Kind.HEX) {
                        throw lx.broken("expected a string after " + word + " at " + lx.tokenWhere());
                    }
                    return text(table, column, introduced != null ? introduced : charset, true);
                }
                throw lx.broken("unexpected " + describe() + " as the value of " + table + "." + column + " at "
                        + lx.tokenWhere());
            }
            if (kind == DumpLexer.Kind.STRING) {
                return text(table, column, charset, false);
            }
            if (kind == DumpLexer.Kind.HEX) {
                return text(table, column, charset, true);
            }
            if (kind == DumpLexer.Kind.NUMBER) {
                String number = lx.text();
                try {
                    return Long.parseLong(number);
                } catch (NumberFormatException notLong) {
                    try {
                        BigDecimal decimal = new BigDecimal(number);
                        return number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0
                                ? decimal : (Object) decimal.doubleValue();
                    } catch (NumberFormatException e) {
                        throw lx.broken("malformed number " + abbreviate(number) + " for " + table + "." + column
                                + " at " + lx.tokenWhere());
                    }
                }
            }
            throw lx.broken("unexpected " + describe() + " as the value of " + table + "." + column + " at "
                    + lx.tokenWhere());
        }

        /**
         * A string's bytes as text. Binary literals ({@code _binary}, hex) that are not text at all stay bytes: they
         * hold something other than words, and Typecho has no such column, so nobody reads them as text.
         */
        private Object text(String table, String column, Charset declared, boolean binary) {
            if (target != null && !(target.name.equals(table))) {
                return null; // another table's row, only being passed over
            }
            String where = "table " + table + ", column " + column + ", " + lx.tokenWhere();
            TextRepair.Result result;
            try {
                result = TextRepair.decode(lx.bytes(), 0, lx.length(), declared, where);
            } catch (SourceProblem notText) {
                if (binary) {
                    return java.util.Arrays.copyOf(lx.bytes(), lx.length());
                }
                throw notText;
            }
            return result.repaired() ? new Repaired(result.text(), result.repair()) : result.text();
        }
    }

    /** A text value that had to be repaired, until its row is complete and can be named in the note. */
    private record Repaired(String text, TextRepair.Repair how) {
    }

    /** MySQL's charset names as JDK charsets; null where the bytes say more than the name (binary, unknown). */
    static Charset mysqlCharset(String mysqlName) {
        String n = mysqlName.toLowerCase(Locale.ROOT).replace("'", "").replace("\"", "").replace("`", "");
        return switch (n) {
            case "utf8", "utf8mb3", "utf8mb4" -> StandardCharsets.UTF_8;
            case "latin1" -> Charset.forName("windows-1252");
            case "gbk", "gb2312", "gb18030" -> Charset.forName("GB18030");
            case "big5" -> Charset.forName("Big5");
            case "ascii" -> StandardCharsets.US_ASCII;
            default -> null;
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static boolean isGzip(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1F && in.read() == 0x8B;
        } catch (NoSuchFileException e) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "there is no dump file " + path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The dump's (uncompressed) bytes from {@code offset} on. */
    private InputStream openStream(long offset) {
        try {
            InputStream in = Files.newInputStream(path);
            if (gzip) {
                in = new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16);
            }
            in.skipNBytes(offset);
            return in;
        } catch (java.io.EOFException e) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "the dump " + name + " changed while being read");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
