package dev.spaces.site.view;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search box query as the reader typed it, split into its words and its {@code $…$} formulas, so that the result
 * page can say what was searched for ("文字「梯度下降」，公式 x^2"). search-service does the same split itself
 * ({@code QueryText}) and searches both parts in one query; the site only names them, it sends the query unchanged.
 * Delimiters read: {@code $$…$$}, {@code $…$}, {@code \(…\)}, {@code \[…\]}; an unpaired {@code $} is plain text.
 */
public record QueryParts(String words, List<String> formulas) {

    private static final Pattern DELIMITED =
            Pattern.compile("\\$\\$(.+?)\\$\\$|\\$(.+?)\\$|\\\\\\((.+?)\\\\\\)|\\\\\\[(.+?)\\\\\\]", Pattern.DOTALL);

    public static QueryParts of(String query) {
        if (query == null || query.isBlank()) {
            return new QueryParts("", List.of());
        }
        List<String> formulas = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        Matcher m = DELIMITED.matcher(query);
        int last = 0;
        while (m.find()) {
            words.append(query, last, m.start()).append(' ');
            for (int group = 1; group <= 4; group++) {
                String formula = m.group(group);
                if (formula != null && !formula.isBlank()) {
                    formulas.add(formula.strip());
                }
            }
            last = m.end();
        }
        words.append(query.substring(last).replace("$", " "));
        return new QueryParts(words.toString().replaceAll("\\s+", " ").strip(), List.copyOf(formulas));
    }

    public boolean hasWords() {
        return !words.isEmpty();
    }

    public boolean hasFormulas() {
        return !formulas.isEmpty();
    }
}
