package dev.spaces.site.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

    @Test
    void theHighlightTagsBecomeMarksAndTheEscapedTextStaysEscapedOnce() {
        // what Elasticsearch's html encoder gives: the text escaped, <em> around the matches
        String fragment = "用<em>梯度下降</em>求 a &lt; b &amp;&amp; c &gt; 0 的 &quot;解&quot; &#x27;x&#x27;";
        assertThat(Highlights.safe(fragment))
                .isEqualTo("用<mark>梯度下降</mark>求 a &lt; b &amp;&amp; c &gt; 0 的 &quot;解&quot; &#39;x&#39;");
    }

    @Test
    void markupThatIsNotAHighlightIsShownAsText() {
        assertThat(Highlights.safe("<script>alert(1)</script><em onclick=\"x\">a</em><img src=x onerror=y>"))
                .as("an <em> with attributes is not a highlight; the </em> closing nothing is dropped")
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;&lt;em onclick=&quot;x&quot;&gt;a"
                        + "&lt;img src=x onerror=y&gt;");
    }

    @Test
    void escapedMarkupInTheTextIsNotTurnedBackIntoMarkup() {
        assertThat(Highlights.safe("&lt;script&gt;x&lt;/script&gt; &lt;em&gt;no&lt;/em&gt;"))
                .isEqualTo("&lt;script&gt;x&lt;/script&gt; &lt;em&gt;no&lt;/em&gt;");
    }

    @Test
    void unbalancedHighlightTagsStillGiveBalancedMarks() {
        assertThat(Highlights.safe("</em>a<em>b<em>c")).isEqualTo("a<mark>bc</mark>");
        assertThat(Highlights.safe("<EM>x</EM>")).isEqualTo("<mark>x</mark>");
    }

    @Test
    void nothingGivesNothing() {
        assertThat(Highlights.safe(null)).isEmpty();
        assertThat(Highlights.safe("")).isEmpty();
    }
}
