package dev.spaces.content.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML body (WordPress's editor, Typecho's rich-text one) holds its LaTeX HTML-escaped: {@code a &amp;= b} in an
 * {@code aligned} block, {@code x &lt; y}. Browsers undo that before a client-side renderer (MathJax) sees the TeX;
 * this site renders formulas on the server from the source, so the importer undoes it inside the formulas — and
 * only there: the HTML around them stays as written.
 */
final class MathInHtml {

    /** Display and inline formulas in the delimiters the pipeline reads: $$…$$, \[…\], $…$, \(…\). */
    private static final Pattern FORMULA = Pattern.compile(
            "\\$\\$.+?\\$\\$|\\\\\\[.+?\\\\\\]|\\\\\\(.+?\\\\\\)|(?<![\\\\$])\\$[^$\\n]+?\\$", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|nbsp|#39|#38|#60|#62);");

    private MathInHtml() {
    }

    static String unescape(String html) {
        if (html.indexOf('&') < 0) {
            return html;
        }
        Matcher formula = FORMULA.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (formula.find()) {
            formula.appendReplacement(out, Matcher.quoteReplacement(entities(formula.group())));
        }
        formula.appendTail(out);
        return out.toString();
    }

    private static String entities(String tex) {
        Matcher entity = ENTITY.matcher(tex);
        StringBuilder out = new StringBuilder(tex.length());
        while (entity.find()) {
            String replacement = switch (entity.group(1)) {
                case "amp", "#38" -> "&";
                case "lt", "#60" -> "<";
                case "gt", "#62" -> ">";
                case "quot" -> "\"";
                case "apos", "#39" -> "'";
                default -> " "; // nbsp: a space is what TeX makes of it
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }
}
