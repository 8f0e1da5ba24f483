package dev.spaces.search.service;

import dev.spaces.search.client.SearchDocument;
import dev.spaces.search.domain.IndexedArticle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** content-service's search document → what the index stores (formula keys and paths, completion inputs). */
public final class DocumentMapper {

    /** Formulas longer than this are indexed for words only: a huge matrix is noise for formula search. */
    private static final int MAX_FORMULA_CHARS = 2_000;
    private static final int MAX_FORMULAS = 1_000;
    private static final Pattern TITLE_BREAKS = Pattern.compile("[\\s\\p{Punct}，。、：；！？（）《》“”‘’·—]+");

    private DocumentMapper() {
    }

    public static IndexedArticle toIndexed(SearchDocument document) {
        List<IndexedArticle.Formula> formulas = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String latex : document.formulas() == null ? List.<String>of() : document.formulas()) {
            if (latex == null || latex.isBlank() || latex.length() > MAX_FORMULA_CHARS || formulas.size() >= MAX_FORMULAS) {
                continue;
            }
            String key = FormulaStructure.key(latex);
            if (!key.isEmpty() && seen.add(key)) { // the same formula twice adds nothing to search
                formulas.add(new IndexedArticle.Formula(latex, key, FormulaStructure.paths(latex)));
            }
        }
        return new IndexedArticle(document.id(), document.slug(), document.version(), document.url(),
                document.title(), document.text(), formulas, document.excerpt(), term(document.category()),
                document.tags() == null ? List.of() : document.tags().stream().map(DocumentMapper::term).toList(),
                term(document.series()),
                document.author() == null ? null : new IndexedArticle.Author(document.author().id(), document.author().name()),
                document.publishedAt(), document.updatedAt(), document.reads(), suggestInputs(document.title()));
    }

    /** The whole title, and the title from each of its words on, so "Adam" completes "优化算法 Adam" too. */
    static List<String> suggestInputs(String title) {
        if (title == null || title.isBlank()) {
            return List.of();
        }
        Set<String> inputs = new LinkedHashSet<>();
        inputs.add(title.strip());
        var matcher = TITLE_BREAKS.matcher(title);
        while (matcher.find() && inputs.size() < 8) {
            String rest = title.substring(matcher.end()).strip();
            if (!rest.isEmpty()) {
                inputs.add(rest);
            }
        }
        return List.copyOf(inputs);
    }

    private static IndexedArticle.Term term(SearchDocument.Term term) {
        return term == null ? null : new IndexedArticle.Term(term.slug(), term.name());
    }
}
