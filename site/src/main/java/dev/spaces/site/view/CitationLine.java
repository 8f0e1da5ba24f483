package dev.spaces.site.view;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blog's 「转载请注明」 line: the site settings' template with {@code {title}}, {@code {url}}, {@code {author}},
 * {@code {date}} and {@code {site}} filled in (content-service refuses any other placeholder when the template is
 * saved; one that slipped through is left as written).
 */
public final class CitationLine {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private CitationLine() {
    }

    public static String fill(String template, Map<String, String> values) {
        if (template == null || template.isBlank()) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
