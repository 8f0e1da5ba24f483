package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real corpus: the 140 chapters of d2l-zh (Chinese, LaTeX, d2lbook markup) render, and every dollar formula a
 * simple independent scanner finds in them is in the formula list and renders to well-formed MathML Core (or has a
 * diagnostic). KaTeX diagnostics are counted, not failed on.
 */
@ExtendWith(SharedPipeline.class)
class D2lCorpusTest {

    private static final Path CORPUS = Path.of(System.getProperty("spaces.shared.dir", "../../../shared"), "corpus", "d2l-zh");

    private static final AtomicInteger FORMULAS = new AtomicInteger();
    private static final AtomicInteger SCANNED = new AtomicInteger();
    private static final Map<String, Integer> DIAGNOSTICS = new ConcurrentHashMap<>();

    private final MarkdownPipeline pipeline;

    D2lCorpusTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    static List<Path> chapters() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            List<Path> chapters = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
            assertThat(chapters).as("chapters under %s", CORPUS.toAbsolutePath()).hasSize(140);
            return chapters;
        }
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void chapterRendersWithEveryFormula(Path chapter) throws IOException {
        String markdown = Files.readString(chapter);

        RenderedDocument document = pipeline.render(markdown, HtmlPolicy.ARTICLE);

        assertThat(document.html()).isNotBlank();
        assertThat(document.formulas()).extracting(MathFormula::index)
                .isEqualTo(IntStream.range(0, document.formulas().size()).boxed().toList());
        Map<String, Long> rendered = countByKey(document.formulas().stream()
                .map(formula -> key(formula.mode(), formula.tex())).toList());
        List<String> scanned = DollarScanner.formulas(markdown);
        countByKey(scanned).forEach((formula, count) ->
                assertThat(rendered.getOrDefault(formula, 0L)).as("occurrences of %s", formula).isGreaterThanOrEqualTo(count));

        // every formula is well-formed MathML Core, or has a diagnostic and no MathML
        java.util.Set<Integer> diagnosed = document.diagnostics().stream().map(FormulaDiagnostic::index)
                .collect(Collectors.toSet());
        for (MathFormula formula : document.formulas()) {
            if (diagnosed.contains(formula.index())) {
                assertThat(formula.mathml()).isNull();
            } else {
                assertThat(MathMlCore.problems(formula.mathml())).as(formula.tex()).isEmpty();
                assertThat(formula.mathml()).contains("<annotation encoding=\"application/x-tex\">");
            }
        }
        assertThat(MathForms.tex(document.html())).doesNotContain("<math");

        FORMULAS.addAndGet(document.formulas().size());
        SCANNED.addAndGet(scanned.size());
        document.diagnostics().forEach(diagnostic -> DIAGNOSTICS.merge(diagnostic.message(), 1, Integer::sum));
    }

    @AfterAll
    static void reportFormulasAndDiagnostics() {
        System.out.printf("d2l-zh: %d formulas (the independent scanner finds %d), %d KaTeX diagnostics %s%n",
                FORMULAS.get(), SCANNED.get(),
                DIAGNOSTICS.values().stream().mapToInt(Integer::intValue).sum(), DIAGNOSTICS);
    }

    private static String key(MathMode mode, String tex) {
        return mode + " " + tex.replaceAll("\\s+", " ").strip();
    }

    private static Map<String, Long> countByKey(List<String> keys) {
        return keys.stream().collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
    }

    /**
     * Finds {@code $…$} and {@code $$…$$} with regular expressions, independently of the pipeline's parser: drops
     * fenced code and code spans, takes {@code $$…$$} as display math, then single-dollar math by pandoc's rule.
     */
    static final class DollarScanner {

        private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*(`{3,}|~{3,})[^\\n]*\\n[\\s\\S]*?^[ \\t]*\\1[ \\t]*$");
        private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?!`)[\\s\\S]+?(?<!`)\\1(?!`)");
        private static final Pattern DISPLAY = Pattern.compile("(?<!\\\\)\\$\\$([\\s\\S]+?)(?<!\\\\)\\$\\$");
        private static final Pattern INLINE = Pattern.compile("(?<![\\\\$])\\$(?=[^\\s$])((?:\\\\.|[^$\\\\`])+?)(?<=\\S)\\$(?!\\d)");

        static List<String> formulas(String markdown) {
            String text = CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll(" ")).replaceAll(" ");
            List<String> found = new ArrayList<>();
            Matcher display = DISPLAY.matcher(text);
            while (display.find()) {
                found.add(key(MathMode.DISPLAY, display.group(1)));
            }
            Matcher inline = INLINE.matcher(display.replaceAll(" "));
            while (inline.find()) {
                found.add(key(MathMode.INLINE, inline.group(1)));
            }
            return found;
        }
    }
}
