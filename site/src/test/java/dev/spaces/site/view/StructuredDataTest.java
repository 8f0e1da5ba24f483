package dev.spaces.site.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.site.api.Article;
import dev.spaces.site.api.Author;
import dev.spaces.site.api.CoverImage;
import dev.spaces.site.api.Formula;
import dev.spaces.site.api.SeriesNav;
import dev.spaces.site.api.SiteSettings;
import dev.spaces.site.api.Term;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StructuredDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SiteSettings SITE = new SiteSettings("科学空间", "Spaces", "渴望成为一个小飞侠",
            "https://kexue.fm/", "Asia/Shanghai", "zh-CN",
            new SiteSettings.License("署名-非商业性使用-相同方式共享 4.0 国际", "CC BY-NC-SA 4.0",
                    "https://creativecommons.org/licenses/by-nc-sa/4.0/", null, "转载请注明：《{title}》，{site}，{url}"),
            null, null, List.of(), 1);
    private static final Dates DATES = new Dates("Asia/Shanghai");
    private static final String CANONICAL = "https://kexue.fm/archives/42";

    private static Article article(String title, List<Formula> formulas, SeriesNav series, List<CoverImage> covers) {
        return new Article(42, "vae", title, "published",
                "<p>正文</p>", "<p>变分自编码器 <span class=\"math inline\"><math><semantics><mrow><mi>x</mi></mrow>"
                        + "<annotation encoding=\"application/x-tex\">p(x)</annotation></semantics></math></span>"
                        + " 的推导。</p>",
                formulas, Instant.parse("2024-03-01T16:30:00Z"), Instant.parse("2024-03-02T01:00:00Z"),
                new Author("u1", "苏剑林"), new Term("big-data", "信息时代"),
                List.of(new Term("vae", "变分"), new Term("gen", "生成模型")), series, covers, 10,
                CANONICAL, null);
    }

    @Test
    void aBlogPostingCarriesHeadlineAuthorDatesInTheSiteZonePublisherLicenceAndTheCitationLine() throws Exception {
        JsonNode ld = JSON.readTree(StructuredData.article(article("变分自编码器", List.of(), null, List.of()), SITE,
                CANONICAL, "转载请注明：《变分自编码器》，科学空间，https://kexue.fm/archives/42", DATES));
        assertThat(ld.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ld.path("@type").asText()).isEqualTo("BlogPosting");
        assertThat(ld.path("headline").asText()).isEqualTo("变分自编码器");
        assertThat(ld.path("author").path("@type").asText()).isEqualTo("Person");
        assertThat(ld.path("author").path("name").asText()).isEqualTo("苏剑林");
        // 16:30 UTC is half past midnight the next day in Shanghai
        assertThat(ld.path("datePublished").asText()).isEqualTo("2024-03-02T00:30:00+08:00");
        assertThat(ld.path("dateModified").asText()).isEqualTo("2024-03-02T09:00:00+08:00");
        assertThat(ld.path("mainEntityOfPage").path("@id").asText()).isEqualTo(CANONICAL);
        assertThat(ld.path("publisher").path("name").asText()).isEqualTo("科学空间");
        assertThat(ld.path("publisher").path("url").asText()).isEqualTo("https://kexue.fm/");
        assertThat(ld.path("license").asText()).isEqualTo("https://creativecommons.org/licenses/by-nc-sa/4.0/");
        assertThat(ld.path("inLanguage").asText()).isEqualTo("zh-CN");
        assertThat(ld.path("creditText").asText()).startsWith("转载请注明：《变分自编码器》");
        assertThat(ld.path("identifier").asText()).isEqualTo(CANONICAL);
        assertThat(ld.path("articleSection").asText()).isEqualTo("信息时代");
        assertThat(ld.path("keywords").toString()).isEqualTo("[\"变分\",\"生成模型\"]");
        assertThat(ld.path("description").asText()).isEqualTo("变分自编码器 $p(x)$ 的推导。");
        assertThat(ld.has("image")).isFalse();
        assertThat(ld.has("isPartOf")).isFalse();
    }

    @Test
    void anArticleInASeriesOrWithManyFormulasIsAScholarlyArticle() throws Exception {
        SeriesNav series = new SeriesNav("vae-series", "变分自编码器系列", 3, 8, null, null);
        JsonNode inSeries = JSON.readTree(StructuredData.article(article("三", List.of(), series, List.of()), SITE,
                CANONICAL, "", DATES));
        assertThat(inSeries.path("@type").asText()).isEqualTo("ScholarlyArticle");
        assertThat(inSeries.path("isPartOf").path("url").asText()).isEqualTo("https://kexue.fm/series/vae-series");
        assertThat(inSeries.path("position").asInt()).isEqualTo(3);

        List<Formula> four = Collections.nCopies(StructuredData.SCHOLARLY_FORMULAS - 1, new Formula(null, null, null));
        List<Formula> five = Collections.nCopies(StructuredData.SCHOLARLY_FORMULAS, new Formula(null, null, null));
        assertThat(StructuredData.type(article("少", four, null, List.of()))).isEqualTo("BlogPosting");
        assertThat(StructuredData.type(article("多", five, null, List.of()))).isEqualTo("ScholarlyArticle");
    }

    @Test
    void aTitleWithAClosingScriptTagCannotBreakOutOfTheScriptElement() throws Exception {
        String title = "</script><script>alert(1)</script><!-- & \u2028";
        String json = StructuredData.article(article(title, List.of(), null, List.of()), SITE, CANONICAL,
                "《" + title + "》", DATES);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        // as a browser parses the page: one script element, its whole text the JSON, which reads back the title
        Document page = Jsoup.parse("<html><head><script type=\"application/ld+json\">" + json
                + "</script></head><body><p>正文</p></body></html>");
        assertThat(page.select("script")).hasSize(1);
        assertThat(JSON.readTree(page.selectFirst("script").data()).path("headline").asText()).isEqualTo(title);
        assertThat(page.body().text()).isEqualTo("正文");
    }

    @Test
    void theImageIsTheFirstCoverImageMadeAbsolute() {
        List<CoverImage> covers = List.of(new CoverImage(1L, "/media/1/a.png", null, "图", 800, 600, null),
                new CoverImage(2L, "https://cdn.example/b.png", null, null, null, null, null));
        assertThat(StructuredData.image(covers, SITE)).isEqualTo("https://kexue.fm/media/1/a.png");
        assertThat(StructuredData.image(covers.subList(1, 2), SITE)).isEqualTo("https://cdn.example/b.png");
        assertThat(StructuredData.image(List.of(), SITE)).isNull();
    }

    @Test
    void theDescriptionIsPlainTextCutWithAnEllipsis() {
        String longText = "<p>" + "长".repeat(400) + "</p>";
        String description = StructuredData.description(longText);
        assertThat(description).hasSize(StructuredData.DESCRIPTION_LENGTH).endsWith("…");
        assertThat(StructuredData.description(null)).isEmpty();
        assertThat(StructuredData.ogLocale(SITE)).isEqualTo("zh_CN");
    }

    @Test
    void theWebsiteOffersTheSitesSearchAsASearchAction() throws Exception {
        JsonNode ld = JSON.readTree(StructuredData.website(SITE));
        assertThat(ld.path("@type").asText()).isEqualTo("WebSite");
        assertThat(ld.path("url").asText()).isEqualTo("https://kexue.fm/");
        JsonNode action = ld.path("potentialAction");
        assertThat(action.path("@type").asText()).isEqualTo("SearchAction");
        assertThat(action.path("target").path("urlTemplate").asText())
                .isEqualTo("https://kexue.fm/search?q={search_term_string}");
        assertThat(action.path("query-input").asText()).isEqualTo("required name=search_term_string");
    }
}
