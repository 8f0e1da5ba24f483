package dev.spaces.search.service;

import dev.spaces.search.analysis.latex.LatexNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structural view of a formula, computed from the plugin's normalized tokens so that documents and queries
 * agree: an exact-match key, and path tokens naming each symbol with where it sits ({@code \frac.1/x} is an x in
 * a numerator, {@code ^/2} a squared). Two formulas typed differently but built alike share most paths, which is
 * what near matches rank by.
 */
public final class FormulaStructure {

    /** Commands whose following arguments are structural slots. */
    private static final Map<String, Integer> ARITY = Map.ofEntries(
            Map.entry("\\frac", 2), Map.entry("\\dfrac", 2), Map.entry("\\tfrac", 2), Map.entry("\\binom", 2),
            Map.entry("\\sqrt", 1), Map.entry("^", 1), Map.entry("_", 1), Map.entry("\\hat", 1),
            Map.entry("\\bar", 1), Map.entry("\\tilde", 1), Map.entry("\\vec", 1), Map.entry("\\overline", 1),
            Map.entry("\\underline", 1), Map.entry("\\dot", 1), Map.entry("\\ddot", 1));
    private static final int MAX_DEPTH = 3;
    private static final int MAX_PATHS = 200;

    private FormulaStructure() {
    }

    /** Normalized tokens joined by single spaces: equal keys mean the same formula however it was typed. */
    public static String key(String latex) {
        return String.join(" ", LatexNormalizer.terms(latex));
    }

    /** Distinct structural paths, in order of appearance, at most {@value #MAX_PATHS}. */
    public static List<String> paths(String latex) {
        List<String> terms = LatexNormalizer.terms(latex);
        Set<String> paths = new LinkedHashSet<>();
        new Walk(terms, paths).sequence(0, terms.size(), List.of());
        return List.copyOf(paths).subList(0, Math.min(paths.size(), MAX_PATHS));
    }

    private static final class Walk {
        private final List<String> terms;
        private final Set<String> paths;

        Walk(List<String> terms, Set<String> paths) {
            this.terms = terms;
            this.paths = paths;
        }

        /** Walks terms[from, to) in the given context; returns nothing, records paths. */
        void sequence(int from, int to, List<String> context) {
            int i = from;
            while (i < to) {
                i = element(i, to, context);
            }
        }

        /** One element at {@code i} (a group, a command with its arguments, or a symbol); the index after it. */
        private int element(int i, int to, List<String> context) {
            String term = terms.get(i);
            if (term.equals("{")) {
                int close = matching(i, to);
                sequence(i + 1, close, context);
                return Math.min(close + 1, to);
            }
            if (term.equals("}")) {
                return i + 1;
            }
            record(context, term);
            Integer arity = ARITY.get(term);
            int next = i + 1;
            if (arity == null) {
                return next;
            }
            for (int slot = 1; slot <= arity && next < to; slot++) {
                String name = arity == 1 ? term : term + "." + slot;
                next = element(next, to, deeper(context, name));
            }
            return next;
        }

        private void record(List<String> context, String term) {
            if (paths.size() < MAX_PATHS) {
                paths.add(context.isEmpty() ? "/" + term : String.join("/", context) + "/" + term);
            }
        }

        private int matching(int open, int to) {
            int depth = 0;
            for (int i = open; i < to; i++) {
                if (terms.get(i).equals("{")) {
                    depth++;
                } else if (terms.get(i).equals("}") && --depth == 0) {
                    return i;
                }
            }
            return to;
        }

        private static List<String> deeper(List<String> context, String name) {
            List<String> path = new ArrayList<>(context);
            path.add(name);
            return path.size() > MAX_DEPTH ? path.subList(path.size() - MAX_DEPTH, path.size()) : path;
        }
    }
}
