package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One pipeline serves many threads at once and gives each the same result as alone. */
@ExtendWith(SharedPipeline.class)
class ConcurrentRenderingTest {

    private static final List<String> DOCUMENTS = List.of(
            "# 一\n\n$a_1*b_2$ 与 $\\frac{1}{2$\n\n$$\n\\sum_i x_i\n$$",
            "## 二\n\n| $x$ | $\\foo$ |\n|---|---|\n| 1 | 2 |\n\n脚注[^1]\n\n[^1]: $y$",
            "前文<script>alert(1)</script> $\\def\\a{\\a\\a}\\a$ 与 \\begin{equation}E=mc^2\\end{equation}",
            "> 引用 $\\alpha + \\beta$ 与 $\\frac{a}$\n\n```python\n$x$\n```\n\n" + "长文".repeat(200));

    private final MarkdownPipeline pipeline;

    ConcurrentRenderingTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Test
    void threadsRenderingAtOnceGetTheSameResultsAsOneThread() throws Exception {
        List<RenderedDocument> expected = DOCUMENTS.stream()
                .map(markdown -> pipeline.render(markdown, HtmlPolicy.ARTICLE)).toList();

        List<Future<RenderedDocument>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 64; i++) {
                String markdown = DOCUMENTS.get(i % DOCUMENTS.size());
                results.add(threads.submit(() -> pipeline.render(markdown, HtmlPolicy.ARTICLE)));
            }
        }

        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get()).isEqualTo(expected.get(i % DOCUMENTS.size()));
        }
        assertThat(expected).allSatisfy(document -> assertThat(document.diagnostics()).isNotEmpty());
    }
}
