package dev.spaces.site.view;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptsTest {

    private static final String D2L_START = "<h1 id=\"循环神经网络\">循环神经网络</h1>\n<p>见<a href=\"#循环神经网络\">本节</a>"
            + "与 <span class=\"math inline\"><math><semantics><mrow><msub><mi>h</mi><mi>t</mi></msub></mrow>"
            + "<annotation encoding=\"application/x-tex\">h_t</annotation></semantics></math></span>。</p>"
            + "<h2 id=\"小结\">小结</h2><h6 id=\"x\">最小</h6>";

    @Test
    void twoExcerptsStartingWithTheSameHeadingShareAPageWithoutDuplicateIds() {
        Document page = Jsoup.parse("<main>" + Excerpts.forList(D2L_START, 7) + Excerpts.forList(D2L_START, 8)
                + "</main>");
        assertThat(page.select("[id]")).isEmpty();
        assertThat(page.select("a").eachAttr("href")).containsExactly("/archives/7#循环神经网络", "/archives/8#循环神经网络");
    }

    @Test
    void headingsGoBelowTheSummaryTitleAndFormulasStayAsTheyAre() {
        Document excerpt = Jsoup.parseBodyFragment(Excerpts.forList(D2L_START, 7));
        assertThat(excerpt.select("h1, h2")).isEmpty();
        assertThat(excerpt.select("h3").text()).isEqualTo("循环神经网络");
        assertThat(excerpt.select("h4").text()).isEqualTo("小结");
        assertThat(excerpt.select("h6").text()).isEqualTo("最小");
        assertThat(Excerpts.forList(D2L_START, 7)).contains("<math><semantics><mrow><msub><mi>h</mi><mi>t</mi></msub>"
                + "</mrow><annotation encoding=\"application/x-tex\">h_t</annotation></semantics></math>");
        assertThat(Excerpts.forList(null, 7)).isEmpty();
    }
}
