package dev.spaces.search.analysis.latex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static dev.spaces.search.analysis.latex.LatexVocabulary.DELIMITER_SIZING;
import static dev.spaces.search.analysis.latex.LatexVocabulary.FONTS;
import static dev.spaces.search.analysis.latex.LatexVocabulary.LAYOUT;
import static dev.spaces.search.analysis.latex.LatexVocabulary.SYNONYMS;
import static dev.spaces.search.analysis.latex.LatexVocabulary.WITH_IGNORED_ARGUMENT;

/**
 * Reduces a formula to what it says rather than how it is typeset, so that a reader's query matches however the
 * author wrote it: {@code \left\|\mathbf{x}-\mathbf{y}\right\|^{2}}, {@code \Vert\boldsymbol{x}-\boldsymbol{y}\Vert^2}
 * and {@code \|x-y\|^2} all become {@code \Vert x - y \Vert ^ 2}.
 * <p>
 * Presentation tokens are dropped, synonyms get one spelling, and a group holding a single token loses its
 * braces ({@code x^{2}} is {@code x^2}); other braces stay as structure tokens. Token order is kept, so the
 * result can be indexed with positions for phrase and shingle queries. Pure Java: the search service uses the
 * same code for queries that the Elasticsearch plugin uses for documents. Never throws on malformed TeX.
 */
public final class LatexNormalizer {

    private LatexNormalizer() {
    }

    /** The terms the index holds for {@code formula}, in order. */
    public static List<String> terms(String formula) {
        return normalize(LatexLexer.lex(formula)).stream().map(LatexToken::text).toList();
    }

    /** Normalizes tokens from {@link LatexLexer}; offsets of the surviving tokens are kept. */
    public static List<LatexToken> normalize(List<LatexToken> lexed) {
        return new Pass(lexed).run();
    }

    /** An open brace: where it sits in the output, or that it belongs to a dropped font command. */
    private record OpenGroup(int outputIndex, boolean unwrapped) {
    }

    private static final class Pass {
        private final List<LatexToken> input;
        private final List<LatexToken> output = new ArrayList<>();
        private final Deque<OpenGroup> openGroups = new ArrayDeque<>();
        private int next;
        private boolean fontArgumentAhead;

        Pass(List<LatexToken> input) {
            this.input = input;
        }

        List<LatexToken> run() {
            while (next < input.size()) {
                accept(canonical(input.get(next++)));
            }
            return output;
        }

        private void accept(LatexToken token) {
            String text = token.text();
            boolean unwrapGroup = fontArgumentAhead;
            fontArgumentAhead = false;
            if (DELIMITER_SIZING.contains(text)) {
                skipIfNext(".");
            } else if (FONTS.contains(text)) {
                fontArgumentAhead = true;
            } else if (WITH_IGNORED_ARGUMENT.contains(text)) {
                skipIfNext("*");
                skipArgument();
            } else if (text.equals("{")) {
                openGroups.push(new OpenGroup(output.size(), unwrapGroup));
                if (!unwrapGroup) {
                    output.add(token);
                }
            } else if (text.equals("}") && !openGroups.isEmpty()) {
                closeGroup(token);
            } else if (!LAYOUT.contains(text)) {
                output.add(token);
            }
        }

        private void closeGroup(LatexToken closingBrace) {
            OpenGroup group = openGroups.pop();
            if (group.unwrapped()) {
                return;
            }
            int contentSize = output.size() - group.outputIndex() - 1;
            if (contentSize == 1) {
                output.remove(group.outputIndex());
            } else {
                output.add(closingBrace);
            }
        }

        private void skipIfNext(String text) {
            if (next < input.size() && canonical(input.get(next)).text().equals(text)) {
                next++;
            }
        }

        /** Skips a braced group (to its matching brace, or the end when unbalanced) or a single token. */
        private void skipArgument() {
            if (next >= input.size()) {
                return;
            }
            if (!input.get(next++).text().equals("{")) {
                return;
            }
            int depth = 1;
            while (next < input.size() && depth > 0) {
                String text = input.get(next++).text();
                if (text.equals("{")) {
                    depth++;
                } else if (text.equals("}")) {
                    depth--;
                }
            }
        }

        private static LatexToken canonical(LatexToken token) {
            String synonym = SYNONYMS.get(token.text());
            return synonym == null ? token : token.withText(synonym);
        }
    }
}
