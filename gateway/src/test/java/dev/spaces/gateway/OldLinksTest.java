package dev.spaces.gateway;

import dev.spaces.gateway.domain.OldLinks;
import dev.spaces.gateway.domain.OldLinks.ArticleBySlug;
import dev.spaces.gateway.domain.OldLinks.Dialect;
import dev.spaces.gateway.domain.OldLinks.PageById;
import dev.spaces.gateway.domain.OldLinks.Redirect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The old addresses of a Typecho or WordPress blog and their new homes, as a pure function of path and query. */
class OldLinksTest {

    private static final Set<Dialect> BOTH = EnumSet.allOf(Dialect.class);

    private static Optional<OldLinks.Match> match(String uri, Set<Dialect> dialects) {
        int q = uri.indexOf('?');
        return OldLinks.match(q < 0 ? uri : uri.substring(0, q), q < 0 ? null : uri.substring(q + 1), dialects);
    }

    private static String target(String uri) {
        return match(uri, BOTH).map(m -> ((Redirect) m).target()).orElse(null);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // Typecho's articles, their comment pages, and Typecho without rewrite rules (/index.php/…)
            "/archives/12/ | /archives/12",
            "/archives/12/?utm_source=x | /archives/12?utm_source=x",
            "/archives/vae-intro/ | /archives/vae-intro",
            "/archives/12/comment-page-3 | /archives/12#comments",
            "/archives/12/comment-page-3/ | /archives/12#comments",
            "/archives/12/comment-page-2?sort=newest | /archives/12?sort=newest#comments",
            "/index.php/archives/12/ | /archives/12",
            "/index.php/archives/12 | /archives/12",
            "/index.php/archives/12/comment-page-2 | /archives/12#comments",
            "/index.php/category/math/ | /category/math",
            "/index.php/feed/ | /feed",
            "/index.php/feed | /feed",
            "/index.php | /",
            "/index.php/ | /",
            // taxonomy: trailing slashes, Typecho's and WordPress's paged forms, WordPress's term feeds
            "/category/math/ | /category/math",
            "/category/math/2/ | /category/math?page=2",
            "/category/math/1/ | /category/math",
            "/category/math/page/3/ | /category/math?page=3",
            "/tag/%E6%A2%AF%E5%BA%A6/ | /tag/%E6%A2%AF%E5%BA%A6",
            "/tag/entropy/4/ | /tag/entropy?page=4",
            "/category/math/feed/ | /feed/category/math",
            "/tag/entropy/feed/atom/ | /feed/tag/entropy/atom",
            // standalone pages, authors, home pagination, date archives, search
            "/about.html | /pages/about",
            "/index.html | /",
            "/author/1/ | /",
            "/author/bojone/page/2/ | /",
            "/page/2/ | /?page=2",
            "/page/1/ | /",
            "/blog/ | /",
            "/blog/page/3/ | /?page=3",
            "/2019/ | /archive",
            "/2019/07/ | /archive/2019/07",
            "/2019/07/page/2/ | /archive/2019/07?page=2",
            "/2019/07/15/ | /archive/2019/07",
            "/search/%E7%86%B5/ | /search?q=%E7%86%B5",
            "/search/kl divergence/2/ | /search?q=kl+divergence&page=2",
            // feeds the content routes do not serve
            "/feed/ | /feed",
            "/feed/atom/ | /feed/atom",
            "/feed/rss/ | /feed",
            "/feed/rss2/ | /feed",
            "/feed/rdf/ | /feed",
            "/feed/category/math/ | /feed/category/math",
            "/feed/atom/category/math/ | /feed/category/math/atom",
            "/feed/rss/tag/entropy/ | /feed/tag/entropy",
            "/feed/series/vae/atom/ | /feed/series/vae/atom",
            // WordPress's plain links
            "/?p=12 | /archives/12",
            "/?p=12&replytocom=7 | /archives/12?replyTo=7",
            "/index.php?p=12 | /archives/12",
            "/?feed=rss2 | /feed",
            "/?feed=atom | /feed/atom",
            "/?s=%E7%86%B5 | /search?q=%E7%86%B5",
            "/?paged=3 | /?page=3",
    })
    void oldAddressesMoveToTheirNewHomes(String old, String expected) {
        assertThat(target(old)).isEqualTo(expected);
        // no loops: a new home is never an old address itself
        String home = expected.contains("#") ? expected.substring(0, expected.indexOf('#')) : expected;
        assertThat(match(home, BOTH)).as("redirect again from %s", home).isEmpty();
    }

    @Test
    void wordpressDatedPermalinksAreArticlesBySlugKeepingCommentPagesAndReplies() {
        assertThat(match("/2019/07/catenary/", BOTH)).contains(new ArticleBySlug("catenary", ""));
        assertThat(match("/2019/07/15/catenary/", BOTH)).contains(new ArticleBySlug("catenary", ""));
        assertThat(match("/2019/07/15/catenary", BOTH)).contains(new ArticleBySlug("catenary", ""));
        assertThat(match("/2019/07/catenary/comment-page-2/?replytocom=9", BOTH))
                .contains(new ArticleBySlug("catenary", "?replyTo=9#comments"));
        assertThat(match("/2019/07/%E6%82%AC%E9%93%BE%E7%BA%BF/", BOTH))
                .contains(new ArticleBySlug("%E6%82%AC%E9%93%BE%E7%BA%BF", ""));
        ArticleBySlug bySlug = (ArticleBySlug) match("/2019/07/catenary/?utm_source=x", BOTH).orElseThrow();
        assertThat(bySlug.target(5253)).isEqualTo("/archives/5253?utm_source=x");
        assertThat(bySlug.bySlug()).isEqualTo("/archives/catenary?utm_source=x");
        // not a month: not a permalink
        assertThat(match("/2019/13/catenary/", BOTH)).isEmpty();
        // Typecho has no dated permalinks
        assertThat(match("/2019/07/catenary/", EnumSet.of(Dialect.TYPECHO))).isEmpty();
    }

    @Test
    void wordpressPageIdsArePagesByIdKeepingTheRestOfTheQuery() {
        PageById page = (PageById) match("/?page_id=2&utm_source=x", BOTH).orElseThrow();
        assertThat(page.id()).isEqualTo(2);
        assertThat(page.target("about")).isEqualTo("/pages/about?utm_source=x");
        assertThat(page.asArticle()).isEqualTo("/archives/2?utm_source=x");
    }

    @ParameterizedTest(name = "{0} is served as it is")
    @ValueSource(strings = {
            // every page shape of the reader site
            "/", "/?page=2", "/archives/12", "/archives/12?sort=newest&cursor=abc", "/archives/vae-intro",
            "/archives/12/comments", "/preview/tok-123", "/category/math", "/category/math?page=2",
            "/tag/%E6%A2%AF%E5%BA%A6", "/series/vae", "/archive", "/archive/2019/07", "/archive/2019/07?page=2",
            "/tags", "/pages/about", "/faq", "/license", "/sponsor", "/search?q=%E7%86%B5", "/search",
            "/login?return=/archives/12", "/login/callback", "/logout", "/robots.txt", "/assets/site.css?v=1",
            "/assets/site.js",
            // the content routes and the API
            "/feed", "/feed/atom", "/feed/category/math", "/feed/category/math/atom", "/feed/tag/atom",
            "/feed/series/vae/atom", "/sitemap.xml", "/media/ab12/cover.png", "/api/v1/articles/12",
            "/api/v1/articles/slug/vae", "/api/v1/pages/about", "/api/v1/feed/", "/q/health", "/studio/",
            "/internal/events",
            // comment feeds have no equivalent; dot segments are never redirected
            "/feed/comments/", "/feed/archives/12/", "/archives/../", "/category/../x/", "/index.php/index.php/x",
            "/index.php/api/v1/articles",
    })
    void currentAddressesAreNeverRedirected(String uri) {
        assertThat(match(uri, BOTH)).isEmpty();
    }

    @Test
    void eachEngineOnlyItsOwnShapesAndNoneWhenNoneIsOn() {
        Set<Dialect> typecho = EnumSet.of(Dialect.TYPECHO);
        Set<Dialect> wordpress = EnumSet.of(Dialect.WORDPRESS);
        assertThat(match("/archives/12/", wordpress)).isEmpty();
        assertThat(match("/about.html", wordpress)).isEmpty();
        assertThat(match("/category/math/2/", wordpress)).isEmpty();
        assertThat(match("/?p=12", typecho)).isEmpty();
        assertThat(match("/category/math/page/2/", typecho)).isEmpty();
        assertThat(match("/archives/12/", typecho)).contains(new Redirect("/archives/12"));
        assertThat(match("/?p=12", wordpress)).contains(new Redirect("/archives/12"));
        // shapes both engines have
        assertThat(match("/category/math/", typecho)).contains(new Redirect("/category/math"));
        assertThat(match("/category/math/", wordpress)).contains(new Redirect("/category/math"));
        assertThat(match("/archives/12/", EnumSet.noneOf(Dialect.class))).isEmpty();
    }

    @Test
    void charactersThatMayNotStandInALocationArePercentEncoded() {
        // a raw byte of the request line (Latin-1 as read), a quote and a space
        assertThat(target("/archives/a\"b c/")).isEqualTo("/archives/a%22b%20c");
        assertThat(target("/tag/\u00e6/")).isEqualTo("/tag/%E6");
        assertThat(target("/tag/50%/")).isEqualTo("/tag/50%25");
        assertThat(target("/archives/12/?x=<y>")).isEqualTo("/archives/12?x=%3Cy%3E");
    }
}
