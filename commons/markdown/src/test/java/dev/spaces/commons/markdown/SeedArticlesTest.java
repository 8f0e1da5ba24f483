package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The model blog's 38 seed articles: every formula renders to well-formed MathML Core or has a diagnostic. */
@ExtendWith(SharedPipeline.class)
class SeedArticlesTest {

    private static final Path SEED = Path.of(System.getProperty("spaces.shared.dir", "../../../shared"), "fixtures",
            "seed-articles.json");

    private final MarkdownPipeline pipeline;

    SeedArticlesTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    static List<String> seedArticles() throws IOException {
        List<String> markdown = new ArrayList<>();
        for (JsonNode article : new ObjectMapper().readTree(SEED.toFile())) {
            markdown.add(article.get("excerptMarkdown").asText());
        }
        assertThat(markdown).hasSize(38);
        return markdown;
    }

    @ParameterizedTest
    @MethodSource("seedArticles")
    void everySeedFormulaIsMathMlCoreOrDiagnosed(String markdown) {
        RenderedDocument document = pipeline.render(markdown, HtmlPolicy.ARTICLE);

        for (MathFormula formula : document.formulas()) {
            boolean diagnosed = document.diagnostics().stream().anyMatch(d -> d.index() == formula.index());
            if (diagnosed) {
                assertThat(formula.mathml()).isNull();
            } else {
                assertThat(MathMlCore.problems(formula.mathml())).as(formula.tex()).isEmpty();
            }
        }
        assertThat(document.html().split("<math", -1)).hasSize(
                document.formulas().size() - document.diagnostics().size() + 1);
    }
}
