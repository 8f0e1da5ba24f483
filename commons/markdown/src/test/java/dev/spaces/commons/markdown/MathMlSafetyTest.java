package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Member TeX and raw MathML never become a link, a resource, a script or a style, in articles (and previews, which
 * render as articles) and in comments. The raw-HTML payloads are mutation-XSS patterns from DOMPurify's test fixtures
 * (test/fixtures/expect.mjs) and its MathML/SVG namespace-confusion reports: a sanitizer that parses them one way and a
 * browser that parses its output another way would let the img/script through. The e2e suite opens the same payloads
 * in Chromium (MathWithoutJavaScriptIT).
 */
@ExtendWith(SharedPipeline.class)
class MathMlSafetyTest {

    private final MarkdownPipeline pipeline;

    MathMlSafetyTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    static List<String> untrustedTex() {
        return List.of("$\\href{javascript:alert(1)}{x}$", "$\\url{javascript:alert(1)}$",
                "$\\includegraphics{http://example.com/x.png}$", "$\\htmlData{foo=bar}{x}$",
                "$\\htmlClass{x}{y}$", "$\\htmlId{x}{y}$", "$\\htmlStyle{background:url(x)}{y}$",
                "$$\\href{javascript:alert(1)}{\\text{点我}}$$", "$\\color{url(javascript:alert(1))}{x}$");
    }

    static List<String> mutationXss() {
        return List.of(
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
                "<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title=\"</style><img src onerror=alert(1)>\"></style></svg></mglyph></h1></mtext></math>",
                "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
                "<math><mtext><table><mglyph><svg><mtext><textarea><path id=\"</textarea><img onerror=alert(1) src=1>\"></textarea></mtext></svg></mglyph></table></mtext></math>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<math href=\"javascript:alert(1)\"><mi>x</mi></math>",
                "<math><maction actiontype=\"statusline#http://evil\" xlink:href=\"javascript:alert(1)\"><mi>x</mi><mtext>y</mtext></maction></math>",
                "<math><semantics><mi>x</mi><annotation-xml encoding=\"text/html\"><script>alert(1)</script><img src=x onerror=alert(1)></annotation-xml></semantics></math>",
                "<math><style><img src=x onerror=alert(1)></style></math>",
                "<svg><style><img src=x onerror=alert(1)></style></svg>",
                "<math><mi style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\" mathbackground=\"url(x)\">x</mi></math>",
                "<math><mtext><noscript><style></noscript><img src=x onerror=alert(1)></style></noscript></mtext></math>",
                "<math><![CDATA[</math><img src=x onerror=alert(1)>]]></math>",
                "<math><mtext><xmp></mtext><img src=x onerror=alert(1)></xmp></math>");
    }

    @ParameterizedTest
    @MethodSource("untrustedTex")
    void untrustedTexNeverProducesALinkOrResource(String markdown) {
        for (HtmlPolicy policy : HtmlPolicy.values()) {
            RenderedDocument document = pipeline.render(markdown, policy);

            assertInert(document.html());
            document.formulas().forEach(formula -> {
                if (formula.mathml() != null) {
                    assertInert(formula.mathml());
                    assertThat(MathMlCore.problems(formula.mathml())).isEmpty();
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("mutationXss")
    void mutationXssPayloadsComeOutInertInArticles(String payload) {
        assertInert(pipeline.render(payload, HtmlPolicy.ARTICLE).html());
        assertInert(pipeline.render("前文\n\n" + payload + "\n\n后文 $x$", HtmlPolicy.ARTICLE).html());
    }

    @ParameterizedTest
    @MethodSource("mutationXss")
    void mutationXssPayloadsComeOutInertInComments(String payload) {
        String html = pipeline.render(payload, HtmlPolicy.COMMENT).html();

        assertInert(html);
        assertThat(html).doesNotContain("<img");
    }

    @ParameterizedTest
    @EnumSource(HtmlPolicy.class)
    void sanitizingTheOutputAgainChangesNothing(HtmlPolicy policy) {
        String html = pipeline.render("$\\boxed{x}$ $$\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}\\tag{1}$$ "
                + "\\begin{align}a&=b\\end{align}", policy).html();

        assertThat(HtmlSanitizer.sanitize(html, policy)).isEqualTo(html);
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<([a-zA-Z][\\w:-]*)([^>]*)>");
    private static final java.util.regex.Pattern ATTRIBUTE = java.util.regex.Pattern.compile(
            "([\\w:-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final java.util.Set<String> FORBIDDEN = java.util.Set.of("script", "style", "svg", "mglyph",
            "maction", "annotation-xml", "textarea", "xmp", "noscript", "iframe", "form", "object", "embed", "a",
            "link", "meta", "base", "plaintext", "title", "template");

    /**
     * Nothing that runs script, loads anything but an author's image, links, or switches the HTML parser into raw text
     * or SVG: checked on the tags and attributes (the TeX annotation and escaped text may mention anything).
     */
    private static void assertInert(String html) {
        java.util.regex.Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(java.util.Locale.ROOT);
            assertThat(FORBIDDEN).as("element %s in %s", name, html).doesNotContain(name);
            java.util.regex.Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String attributeName = attribute.group(1).toLowerCase(java.util.Locale.ROOT);
                String value = Html.decode(attribute.group(2)).toLowerCase(java.util.Locale.ROOT);
                assertThat(attributeName).as(html).doesNotStartWith("on").doesNotContain("href").doesNotContain("xlink");
                if (!attributeName.equals("title")) { // plain text: the parser message quotes the TeX
                    assertThat(value).as(html).doesNotContain("javascript:", "url(", "expression(");
                }
                if (attributeName.equals("src")) {
                    assertThat(name).as(html).isEqualTo("img");
                }
            }
        }
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).as(html).doesNotContain("<![cdata");
    }
}
