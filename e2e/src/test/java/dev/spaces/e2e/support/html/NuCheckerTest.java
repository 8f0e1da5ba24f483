package dev.spaces.e2e.support.html;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process checker finds errors where they are and passes a valid page with MathML (SiteHtmlValidIT's tool). */
class NuCheckerTest {

    private final NuChecker checker = new NuChecker();

    @Test
    void aBlockInsideAnInlineElementIsAnErrorWithItsLineAndColumn() {
        NuChecker.Result result = checker.check("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head>
                <body><p>文字</p>
                <span>行内<div>块</div></span></body></html>
                """);
        assertThat(result.errors()).hasSize(1);
        NuChecker.Message message = result.errors().getFirst();
        assertThat(message.line()).isEqualTo(3);
        // vnu points at the last character of the offending start tag, counting characters (not bytes)
        assertThat(message.column()).isEqualTo(13);
        assertThat(message.text()).contains("“div” not allowed as child of element “span”");
        assertThat(message.source()).contains("<span>行内<div>");
    }

    @Test
    void aPageWithMathmlAndJsonLdIsValid() {
        NuChecker.Result result = checker.check("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title>
                <script type="application/ld+json">{"headline":"\\u003c/script>"}</script></head>
                <body><p>公式 <math display="block"><semantics><mrow><mi>x</mi><mo>=</mo><mn>2</mn></mrow>
                <annotation encoding="application/x-tex">x=2</annotation></semantics></math></p></body></html>
                """);
        assertThat(result.errors()).isEmpty();
    }
}
