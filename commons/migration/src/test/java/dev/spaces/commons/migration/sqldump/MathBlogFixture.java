package dev.spaces.commons.migration.sqldump;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small Chinese math blog as Typecho stores it: posts in Markdown with LaTeX, a page, a draft, an attachment, a
 * threaded discussion with a guest who left a URL, and text with quotes, backslashes, newlines, control characters
 * and emoji — every row with every column, in Typecho's column order, so what a reader returns can be compared item
 * by item.
 */
final class MathBlogFixture {

    /** Typecho's tables with their rows, in primary key order; values as a reader returns them (Long, String, null). */
    final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();

    /**
     * @param emoji whether text may hold characters beyond the BMP (a GBK table cannot store emoji)
     */
    MathBlogFixture(boolean emoji) {
        String smile = emoji ? "😀" : ":)";
        String thumbs = emoji ? "👍🎉" : "+1";

        table("users", "uid", "name", "password", "mail", "url", "screenName", "created", "activated", "logged",
                "group", "authCode")
                .row(1L, "admin", "$P$BzVnQp0wFq8eEYYWl7ZkM1oKJ0q/", "bojone@spaces.ac.cn", "https://kexue.fm",
                        "苏剑林", 1_230_739_200L, 1_700_000_000L, 1_699_999_000L, "administrator",
                        "8f2a3c0e5b7d4f61a9c8e7d6b5a4f3e2")
                .row(2L, "editor", "$P$B0000000000000000000000000000/", "editor@example.org", null, "编辑·小王",
                        1_400_000_000L, 0L, 0L, "editor", null);

        table("metas", "mid", "name", "slug", "type", "description", "count", "order", "parent")
                .row(1L, "数学研究", "math", "category", "数学、分析与代数", 2L, 1L, 0L)
                .row(2L, "信息时代", "info", "category", null, 1L, 2L, 0L)
                .row(3L, "梯度", "tidu", "tag", null, 1L, 0L, 0L)
                .row(4L, "LaTeX", "latex", "tag", "排版 \\LaTeX{} 的 'tips'", 1L, 0L, 0L);

        String post1 = "<!--markdown-->## 引言\n\n设 $f:\\mathbb{R}^n\\to\\mathbb{R}$ 是凸函数，梯度下降\n"
                + "$$x_{k+1} = x_k - \\eta \\nabla f(x_k)$$\n"
                + "在 $\\eta < \\frac{2}{L}$ 时收敛。代码里写成 `x -= lr * grad` ；Windows 路径 C:\\new\\table\\x.txt，"
                + "单引号 'it''s'、双引号 \"quoted\"、反斜杠结尾 \\\\\r\n最后一行 " + smile;
        table("contents", "cid", "title", "slug", "created", "modified", "text", "order", "authorId", "template",
                "type", "status", "password", "commentsNum", "allowComment", "allowPing", "allowFeed", "parent")
                .row(1L, "梯度下降的收敛性", "gradient-descent", 1_546_300_800L, 1_546_387_200L, post1, 0L, 1L, null,
                        "post", "publish", null, 4L, "1", "1", "1", 0L)
                .row(2L, "关于", "about", 1_230_739_200L, 1_230_739_200L,
                        "<!--markdown-->科学空间：**Scientific Spaces**。\n\n欢迎讨论 $e^{i\\pi}+1=0$。", 1L, 1L,
                        null, "page", "publish", null, 0L, "1", "0", "0", 0L)
                .row(3L, "草稿：矩阵的特征值", "3", 1_700_000_000L, 1_700_000_100L,
                        "<!--markdown-->$\\det(A-\\lambda I)=0$ 未完待续……", 0L, 2L, null, "post_draft", "publish",
                        "secret", 0L, "1", "1", "1", 0L)
                .row(4L, "fig1.png", "fig1-png", 1_546_300_900L, 1_546_300_900L,
                        "a:5:{s:4:\"name\";s:8:\"fig1.png\";s:4:\"path\";s:34:\"/usr/uploads/2019/01/123456789.png\";"
                                + "s:4:\"size\";i:20480;s:4:\"type\";s:3:\"png\";s:4:\"mime\";s:9:\"image/png\";}",
                        1L, 1L, null, "attachment", "publish", null, 0L, "1", "0", "1", 1L);

        table("relationships", "cid", "mid")
                .row(1L, 1L)
                .row(1L, 3L)
                .row(1L, 4L)
                .row(2L, 2L);

        table("comments", "coid", "cid", "created", "author", "authorId", "ownerId", "mail", "url", "ip", "agent",
                "text", "type", "status", "parent")
                .row(1L, 1L, 1_546_400_000L, "路人甲", 0L, 1L, "jia@example.com", "http://example.com/~jia?x=1&y=2",
                        "203.0.113.7", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
                        "请问 $\\alpha$ 怎么取？\n谢谢！" + smile, "comment", "approved", 0L)
                .row(2L, 1L, 1_546_401_000L, "苏剑林", 1L, 1L, "bojone@spaces.ac.cn", "https://kexue.fm",
                        "198.51.100.1", "Mozilla/5.0", "@路人甲 取 $\\alpha=\\frac{1}{L}$ 即可。\n\n> 引用：\"怎么取\"",
                        "comment", "approved", 1L)
                .row(3L, 1L, 1_546_402_000L, "O'Brien", 0L, 1L, null, null, "2001:db8::1", null,
                        "明白了 " + thumbs + " It's \"great\"\\", "comment", "approved", 2L)
                .row(4L, 1L, 1_546_403_000L, "spam", 0L, 1L, "spam@example.net", "http://spam.example.net", "192.0.2.9",
                        "curl/8", "nul\0ctrl-z\u001Abs\btab\tcr\rlf\n%_\\%\\_", "comment", "spam", 0L)
                .row(5L, 2L, 1_546_500_000L, "trackback 站点", 0L, 1L, null, "https://blog.example.cn/p/1", "192.0.2.10",
                        null, "[...] 转载自科学空间 [...]", "trackback", "waiting", 0L);

        table("options", "name", "user", "value")
                .row("plugins", 0L, "a:0:{}")
                .row("siteUrl", 0L, "https://kexue.fm")
                .row("theme", 0L, "default")
                .row("theme", 1L, "kexue")
                .row("title", 0L, "科学空间|Scientific Spaces");

        table("fields", "cid", "name", "type", "str_value", "int_value", "float_value")
                .row(1L, "rating", "float", null, 0L, 1.5d)
                .row(1L, "thumb", "str", "https://kexue.fm/usr/uploads/2019/01/1.png", 0L, 0L);
    }

    private Rows table(String name, String... columns) {
        List<Map<String, Object>> rows = new ArrayList<>();
        tables.put(name, rows);
        return new Rows(columns, rows);
    }

    private record Rows(String[] columns, List<Map<String, Object>> rows) {
        Rows row(Object... values) {
            if (values.length != columns.length) {
                throw new IllegalArgumentException(Arrays.toString(values) + " has not " + columns.length + " values");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                row.put(columns[i], values[i]);
            }
            rows.add(row);
            return this;
        }
    }

    /** The rows with the column names a reader gives (lower case). */
    List<Map<String, Object>> expected(String table) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : tables.get(table)) {
            Map<String, Object> lower = new LinkedHashMap<>();
            row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            out.add(lower);
        }
        return out;
    }

    /** INSERT statements for the rows as SQL text (MySQL string escapes), for the command-line client. */
    byte[] insertSql(String prefix) {
        StringBuilder sql = new StringBuilder();
        tables.forEach((table, rows) -> {
            for (Map<String, Object> row : rows) {
                sql.append("INSERT INTO `").append(prefix).append(table).append("` (");
                sql.append(String.join(", ", row.keySet().stream().map(c -> "`" + c + "`").toList()));
                sql.append(") VALUES (");
                sql.append(String.join(", ", row.values().stream().map(MathBlogFixture::literal).toList()));
                sql.append(");\n");
            }
        });
        return sql.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '\0' -> out.append("\\0");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u001A' -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
