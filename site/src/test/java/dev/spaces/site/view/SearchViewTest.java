package dev.spaces.site.view;

import dev.spaces.site.api.SearchResult;
import dev.spaces.site.api.Term;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchViewTest {

    private static SearchResult result(long total) {
        SearchResult.Hit hit = new SearchResult.Hit(7, "gd", "梯度下降 <b>", "<em>梯度</em>下降 &lt;b&gt;",
                List.of("a <em>梯度</em> <script>"), null, new Term("ml", "机器学习"), List.of(), 1.0,
                List.of("x^2"));
        return new SearchResult(total, 1, List.of(hit), new SearchResult.Facets(
                List.of(new SearchResult.Bucket("ml", "机器学习", 3)),
                List.of(new SearchResult.Bucket("opt", "优化", 2)),
                List.of(new SearchResult.Bucket("2024", "2024", 5))));
    }

    @Test
    void facetsAreLinksThatKeepTheQueryAndAddTheirFilter() {
        SearchView view = new SearchView("梯度 $x^2$", "", "", "", "", 2, result(25), null, null, List.of(), 10);
        assertThat(view.categoryFacets().getFirst().href())
                .isEqualTo("/search?q=%E6%A2%AF%E5%BA%A6%20%24x%5E2%24&category=ml");
        assertThat(view.yearFacets().getFirst().label()).isEqualTo("2024 年");
        assertThat(view.pager().totalPages()).isEqualTo(3);
        assertThat(view.pager().next()).endsWith("&page=3");
    }

    @Test
    void anActiveFilterIsNamedAndCanBeDropped() {
        SearchView view = new SearchView("梯度", "", "ml", "", "2024", 1, result(3), null, null, List.of(), 10);
        assertThat(view.filters()).extracting(SearchView.Filter::label).containsExactly("分类：机器学习", "年份：2024");
        assertThat(view.filters().getFirst().removeHref()).isEqualTo("/search?q=%E6%A2%AF%E5%BA%A6&year=2024");
        assertThat(view.categoryFacets().getFirst().active()).isTrue();
    }

    @Test
    void hitsCarryOnlySafeHighlightMarkup() {
        SearchView view = new SearchView("梯度", "", "", "", "", 1, result(1), null, null, List.of(), 10);
        SearchView.HitView hit = view.hits().getFirst();
        assertThat(hit.titleHtml()).isEqualTo("<mark>梯度</mark>下降 &lt;b&gt;");
        assertThat(hit.fragmentsHtml()).containsExactly("a <mark>梯度</mark> &lt;script&gt;");
        assertThat(hit.formulas()).containsExactly("x^2");
    }

    @Test
    void pagingNeverOffersMoreThanTheLimit() {
        SearchView view = new SearchView("的", "", "", "", "", 1, result(100_000), null, null, List.of(), 10);
        assertThat(view.pager().totalPages()).isEqualTo(SearchView.MAX_PAGES);
        assertThat(view.nothingFound()).isFalse();
        assertThat(new SearchView("無", "", "", "", "", 1, result(0), null, null, List.of(), 10).nothingFound()).isTrue();
    }
}
