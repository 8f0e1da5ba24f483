package dev.spaces.search.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search box query split into words (for the Chinese fields) and formulas (for the formula fields): text in
 * {@code $…$}, {@code $$…$$}, {@code \(…\)} or {@code \[…\]}, and bare TeX such as {@code \|x-y\|^2} or
 * {@code x^2}. An unpaired {@code $} is read as a plain character and dropped.
 */
public record QueryText(String words, List<String> formulas) {

    private static final Pattern DELIMITED = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$(.+?)\\$|\\\\\\((.+?)\\\\\\)|\\\\\\[(.+?)\\\\\\]", Pattern.DOTALL);
    /** A run of non-CJK, non-space characters that is TeX: has a control word or a sub/superscript. */
    private static final Pattern BARE_TEX = Pattern.compile("[\\x21-\\x7E]*(?:\\\\[A-Za-z|{}]|[A-Za-z0-9}][\\^_])[\\x21-\\x7E]*(?:\\s+[\\x21-\\x7E]*(?:\\\\[A-Za-z|{}]|[\\^_=+\\-])[\\x21-\\x7E]*)*");

    public static QueryText parse(String query) {
        if (query == null || query.isBlank()) {
            return new QueryText("", List.of());
        }
        List<String> formulas = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher delimited = DELIMITED.matcher(query);
        int last = 0;
        while (delimited.find()) {
            rest.append(query, last, delimited.start()).append(' ');
            for (int group = 1; group <= 4; group++) {
                if (delimited.group(group) != null && !delimited.group(group).isBlank()) {
                    formulas.add(delimited.group(group).strip());
                }
            }
            last = delimited.end();
        }
        rest.append(query.substring(last).replace('$', ' '));
        StringBuilder words = new StringBuilder();
        Matcher bare = BARE_TEX.matcher(rest);
        last = 0;
        while (bare.find()) {
            words.append(rest, last, bare.start()).append(' ');
            formulas.add(bare.group().strip());
            last = bare.end();
        }
        words.append(rest.substring(last));
        return new QueryText(words.toString().replaceAll("\\s+", " ").strip(), List.copyOf(formulas));
    }

    private static final Pattern CJK_RUN = Pattern.compile("[\\p{IsHan}]+");

    /**
     * Whether some Chinese run of the words is a single character (熵): bigram fields cannot match or highlight it,
     * only the unigram fields can.
     */
    public boolean hasSingleHanCharacter() {
        Matcher run = CJK_RUN.matcher(words);
        while (run.find()) {
            if (run.end() - run.start() == 1) {
                return true;
            }
        }
        return false;
    }
}
