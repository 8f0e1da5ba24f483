package dev.spaces.site.view;

import org.jsoup.parser.Parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * search-service's highlighted fragments made safe to put in a page as HTML. Elasticsearch's {@code html} encoder
 * escapes the text and wraps matches in {@code <em>…</em>}; the site trusts none of that: everything is read back
 * to plain text (entities decoded) and escaped again, and only the highlight tags survive, as balanced
 * {@code <mark>} elements. Whatever else a fragment holds ({@code <script>}, attributes, a stray {@code </em>}) comes
 * out as visible text.
 */
public final class Highlights {

    private static final Pattern TAG = Pattern.compile("<(/?)em>", Pattern.CASE_INSENSITIVE);

    private Highlights() {
    }

    public static String safe(String fragment) {
        if (fragment == null || fragment.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(fragment.length() + 16);
        Matcher tag = TAG.matcher(fragment);
        int last = 0;
        boolean open = false;
        while (tag.find()) {
            out.append(escape(Parser.unescapeEntities(fragment.substring(last, tag.start()), false)));
            boolean closing = !tag.group(1).isEmpty();
            if (closing && open) {
                out.append("</mark>");
                open = false;
            } else if (!closing && !open) {
                out.append("<mark>");
                open = true;
            }
            last = tag.end();
        }
        out.append(escape(Parser.unescapeEntities(fragment.substring(last), false)));
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }

    /** Text as HTML text: the five characters that could start markup or end an attribute (commons HtmlText). */
    public static String escape(String text) {
        return dev.spaces.commons.text.HtmlText.escape(text);
    }
}
