package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fast path may only say "valid" where KaTeX says so too: every entry of its tables in every position it allows,
 * the d2l-zh corpus and random mutations of it are checked against KaTeX itself.
 */
@ExtendWith(SharedPipeline.class)
class TexFastPathTest {

    private static final Path CORPUS = Path.of(System.getProperty("spaces.shared.dir", "../../../shared"), "corpus", "d2l-zh");

    private static KatexEngine engine;
    private static KatexContext katex;

    private final MarkdownPipeline pipeline;

    TexFastPathTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @BeforeAll
    static void loadKatex() {
        engine = KatexEngine.load();
        katex = engine.newContext();
    }

    @AfterAll
    static void closeKatex() {
        katex.close();
        engine.close();
    }

    @Test
    void everydayFormulasTakeTheFastPath() {
        for (String tex : List.of(
                "\\|x_{5}-y\\|^2 \\le \\epsilon", "x^2", "\\frac{a}{b}", "\\frac12", "x_i^2 + y_i^2 = r^2",
                "\\sum_{i=1}^n x_i", "\\ln n! \\approx n\\ln n - n", "n! \\sim \\sqrt{2 \\pi n} \\left( \\frac{n}{e} \\right)^{n}",
                "f'(x)", "f''^2", "x_1'", "\\mathbf{W}^\\top \\mathbf{x} + b", "\\hat{y} = \\mathrm{softmax}(o)",
                "\\|\\mathbf{x}\\|_2", "p(x \\mid y)", "\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1", "w^*", "\\mathbb{R}^{n}",
                "\\left\\{ x \\right.", "\\text{loss}(y, \\hat y)", "\\operatorname{argmax}_x f(x)", "a \\, b \\quad c")) {
            assertThat(TexFastPath.certainlyParses(tex)).as(tex).isTrue();
            assertThat(katexError(tex)).as(tex).isEmpty();
        }
    }

    @Test
    void everythingElseIsLeftToKatex() {
        // invalid ones (KaTeX words the error) and valid ones outside the subset
        for (String tex : List.of("x^2^3", "x_1_2", "x^2'", "x' ^2", "\\frac{a}", "{", "}", "\\left(x", "x\\right)",
                "\\alphax", "x^", "x^\\frac12", "\\frac\\sqrt2 3", "^2", "\\sqrt[3]{x}", "\\begin{cases}a\\end{cases}",
                "a \\\\ b", "a & b", "x^\\text{a}", "\\text{当}", "α", "\\def\\a{b}", "\\sum\\limits_i", "x % c",
                "{".repeat(40) + "x" + "}".repeat(40), "\\left( {x \\right)}", "\\label{eq}", "x^\\sum", "x^\\quad")) {
            assertThat(TexFastPath.certainlyParses(tex)).as(tex).isFalse();
        }
        for (String invalid : List.of("x^2^3", "x_1_2", "x^2'", "\\frac{a}", "{", "\\left(x", "\\alphax", "x^")) {
            assertThat(katexError(invalid)).as(invalid).isPresent();
        }
    }

    /** Each table entry in each position the fast path accepts it in. */
    @Test
    void everyTableEntryParsesInKatexWhereverTheFastPathAllowsIt() {
        List<String> formulas = new ArrayList<>();
        List<String> atoms = new ArrayList<>();
        TexFastPath.SYMBOLS.forEach(name -> atoms.add("\\" + name + " "));
        TexFastPath.OPERATORS.forEach(name -> atoms.add("\\" + name + " "));
        TexFastPath.SYMBOL_CHARACTERS.forEach(name -> atoms.add("\\" + name));
        TexFastPath.PLAIN.chars().forEach(c -> atoms.add(String.valueOf((char) c)));
        TexFastPath.ONE_ARGUMENT.forEach(name -> atoms.add("\\" + name + "{x}"));
        TexFastPath.TWO_ARGUMENTS.forEach(name -> atoms.add("\\" + name + "{a}{b}"));
        TexFastPath.DELIMITER_COMMANDS.forEach(name -> atoms.add("\\left\\" + name + " x \\right\\" + name + " "));
        TexFastPath.DELIMITER_CHARS.chars().forEach(c -> atoms.add("\\left" + (char) c + " x \\right" + (char) c));
        atoms.add("\\text{a1 " + TexFastPath.TEXT_PUNCTUATION + "}");
        atoms.add("\\operatorname{argmax1}");
        for (String atom : atoms) {
            formulas.add("a " + atom + " b");
            formulas.add(atom + "_1^2");
            formulas.add(atom + "^2_1");
            formulas.add(atom + "'");
            formulas.add(atom + "''^2_1");
            formulas.add(atom + "_1'");
        }
        List<String> arguments = new ArrayList<>();
        TexFastPath.SYMBOLS.forEach(name -> arguments.add("\\" + name + " "));
        TexFastPath.SYMBOL_CHARACTERS.forEach(name -> arguments.add("\\" + name));
        TexFastPath.ARGUMENT_SIGNS.chars().forEach(c -> arguments.add(String.valueOf((char) c)));
        arguments.add("7");
        for (String argument : arguments) {
            formulas.add("x^" + argument);
            formulas.add("x_" + argument + "^" + argument);
            formulas.add("x'^" + argument);
            formulas.add("\\frac" + argument + argument);
            TexFastPath.ONE_ARGUMENT.forEach(name -> formulas.add("\\" + name + argument));
        }
        TexFastPath.SPACING.forEach(name -> formulas.add("a\\" + name + (Character.isLetter(name.charAt(0)) ? " " : "") + "b"));
        List<String> failures = new ArrayList<>();
        for (String tex : formulas) {
            assertThat(TexFastPath.certainlyParses(tex)).as("the fast path covers %s", tex).isTrue();
            katexError(tex).ifPresent(error -> failures.add(tex + " → " + error.message()));
        }
        assertThat(failures).isEmpty();
    }

    /** The real corpus, and random single-character edits of it (where the mistakes are). */
    @Test
    void acceptsOnlyWhatKatexAcceptsOnTheCorpusAndItsMutations() throws IOException {
        Set<String> corpus = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path chapter : files.filter(file -> file.toString().endsWith(".md")).sorted().toList()) {
                pipeline.render(Files.readString(chapter), HtmlPolicy.ARTICLE, false).formulas()
                        .forEach(formula -> corpus.add(formula.tex()));
            }
        }
        List<String> fast = corpus.stream().filter(TexFastPath::certainlyParses).toList();
        System.out.printf("d2l-zh: %d distinct formulas, %d on the fast path%n", corpus.size(), fast.size());
        assertThat(fast.size()).as("share of corpus formulas on the fast path").isGreaterThan(corpus.size() / 4);

        Random random = new Random(20261121);
        Set<String> toCheck = new LinkedHashSet<>();
        // every fifth accepted corpus formula (KaTeX runs in an interpreter here), and mutations the fast path accepts
        for (int i = 0; i < fast.size(); i += 5) {
            toCheck.add(fast.get(i));
        }
        String edits = "{}^_'\\&$[]() x1";
        int mutationsAccepted = 0;
        for (int attempt = 0; attempt < 20_000 && mutationsAccepted < 400; attempt++) {
            String tex = fast.get(random.nextInt(fast.size()));
            int at = random.nextInt(tex.length() + 1);
            String mutated = switch (random.nextInt(3)) {
                case 0 -> at < tex.length() ? tex.substring(0, at) + tex.substring(at + 1) : tex + "}";
                case 1 -> tex.substring(0, at) + edits.charAt(random.nextInt(edits.length())) + tex.substring(at);
                default -> at < tex.length()
                        ? tex.substring(0, at) + edits.charAt(random.nextInt(edits.length())) + tex.substring(at + 1)
                        : tex + "^";
            };
            if (TexFastPath.certainlyParses(mutated) && toCheck.add(mutated)) {
                mutationsAccepted++;
            }
        }
        List<String> failures = new ArrayList<>();
        for (String tex : toCheck) {
            katexError(tex).ifPresent(error -> failures.add(tex + " → " + error.message()));
        }
        System.out.printf("fast path vs KaTeX: %d formulas checked (%d mutations)%n", toCheck.size(), mutationsAccepted);
        assertThat(failures).isEmpty();
    }

    private static Optional<TexError> katexError(String tex) {
        Optional<TexError> inline = katex.check(tex, false);
        return inline.isPresent() ? inline : katex.check(tex, true);
    }
}
