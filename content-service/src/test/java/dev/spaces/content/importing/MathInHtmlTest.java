package dev.spaces.content.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MathInHtmlTest {

    @Test
    void htmlEscapesInsideFormulasAreUndoneAndTheHtmlAroundThemIsLeftAsWritten() {
        String html = "<p>Tom &amp; Jerry: $x &lt; y$ and</p>\n$$\\begin{aligned} a &amp;= b \\\\ c &amp;&gt; d"
                + "\\end{aligned}$$\n<p>\\(p &amp;&amp; q\\) \\[a&nbsp;b\\] 5 &lt; 6</p>";
        assertThat(MathInHtml.unescape(html)).isEqualTo("<p>Tom &amp; Jerry: $x < y$ and</p>\n"
                + "$$\\begin{aligned} a &= b \\\\ c &> d\\end{aligned}$$\n<p>\\(p && q\\) \\[a b\\] 5 &lt; 6</p>");
    }

    @Test
    void aDollarSignThatOpensNoFormulaChangesNothing() {
        String html = "<p>It costs \\$5 &amp; more; $ alone</p>";
        assertThat(MathInHtml.unescape(html)).isEqualTo(html);
    }
}
