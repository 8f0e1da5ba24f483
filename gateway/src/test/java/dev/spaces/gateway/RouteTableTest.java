package dev.spaces.gateway;

import dev.spaces.gateway.domain.Route;
import dev.spaces.gateway.domain.RouteClass;
import dev.spaces.gateway.domain.RouteTable;
import dev.spaces.gateway.domain.Upstream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The template matcher keeps the semantics of the regex table it replaced. */
class RouteTableTest {

    private static Route get(String path) {
        return RouteTable.resolve(path, true).orElse(null);
    }

    @Test
    void firstMatchingRuleWinsAndSegmentsMatchWhole() {
        assertThat(get("/api/v1/articles/12/page").local()).isTrue();
        assertThat(get("/api/v1/articles/slug/page").upstream()).isEqualTo(Upstream.CONTENT); // {n} is digits only
        assertThat(get("/api/v1/articles/12/page/").upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(get("/api/v1/articles/12/comments").upstream()).isEqualTo(Upstream.COMMENT);
        assertThat(get("/api/v1/articles//comments").upstream()).isEqualTo(Upstream.CONTENT); // {id} is non-empty
        assertThat(get("/api/v1/articles").upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(get("/api/v1/articlesx")).isNull();
        assertThat(get("/api/v1/comments/7/edits").routeClass()).isEqualTo(RouteClass.AUTH_SENSITIVE);
        assertThat(get("/api/v1/comments/7/edits/x").routeClass()).isEqualTo(RouteClass.READS);
        assertThat(get("/api/v1/search").routeClass()).isEqualTo(RouteClass.SEARCH);
        assertThat(get("/api/v1/search/events")).isNull();
        assertThat(get("/api/v1/webhooks/events")).isNull();
        assertThat(get("/api/v1/webhooks").requiresToken()).isTrue();
        assertThat(get("/feed").upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(get("/feed/atom.xml").upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(get("/feedx").upstream()).isEqualTo(Upstream.SITE); // a look-alike is a reader-site page
        assertThat(get("/").upstream()).isEqualTo(Upstream.SITE);
        assertThat(get("/archives/12").template()).isEqualTo("/{site-page}");
        assertThat(RouteTable.resolve("/archives/12/comments", false).orElseThrow().requiresToken()).isFalse();
        assertThat(get("/studio/x")).isNull();
        assertThat(get("/q/health")).isNull();
        assertThat(get("/internal/events")).isNull();
        assertThat(get("/sitemap.xml").template()).isEqualTo("/sitemap.xml");
        assertThat(get("/api/v1/")).isNull();
        assertThat(get("/api/v1")).isNull();
        assertThat(get("/api/v2/articles")).isNull();
        assertThat(get("/api/v1/media").upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(get("/api/v1/media/12").requiresToken()).isFalse();
        assertThat(RouteTable.resolve("/api/v1/media", false).orElseThrow().requiresToken()).isTrue();
        assertThat(get("/media/" + "a".repeat(64) + "/x-320w.webp").upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(get("/media/" + "a".repeat(64) + "/x-320w.webp").template()).isEqualTo("/media/{path}");
        assertThat(get("/mediax").upstream()).isEqualTo(Upstream.SITE);
        assertThat(RouteTable.isProxiedNamespace("/media/a/b")).isTrue();
        assertThat(RouteTable.acceptsUploads("/api/v1/media")).isTrue();
        assertThat(RouteTable.acceptsUploads("/api/v1/media/3")).isFalse();
        assertThat(RouteTable.acceptsUploads("/api/v1/import")).isFalse();
    }

    @Test
    void writesNeedATokenExceptAnonymousOnes() {
        assertThat(RouteTable.resolve("/api/v1/articles/5/views", false).orElseThrow().requiresToken()).isFalse();
        assertThat(RouteTable.resolve("/api/v1/articles/5/comments", false).orElseThrow().requiresToken()).isFalse();
        assertThat(RouteTable.resolve("/api/v1/preview", false).orElseThrow().requiresToken()).isFalse();
        Route write = RouteTable.resolve("/api/v1/articles/5", false).orElseThrow();
        assertThat(write.requiresToken()).isTrue();
        assertThat(write.routeClass()).isEqualTo(RouteClass.WRITES);
        assertThat(write.template()).isEqualTo("/api/v1/articles/{path}");
    }

    /** [comment import] admins' comment import and export: a token even to read, and the import's body limit. */
    @Test
    void commentImportAndExportNeedATokenAndTheImportTakesAnImportSizedBody() {
        for (String path : new String[]{"/api/v1/comments/import", "/api/v1/comments/export"}) {
            for (boolean safe : new boolean[]{true, false}) {
                Route route = RouteTable.resolve(path, safe).orElseThrow();
                assertThat(route.upstream()).isEqualTo(Upstream.COMMENT);
                assertThat(route.requiresToken()).as(path).isTrue();
                assertThat(route.template()).isEqualTo(path);
            }
        }
        assertThat(RouteTable.acceptsImports("/api/v1/comments/import")).isTrue();
        assertThat(RouteTable.acceptsImports("/api/v1/comments/export")).isFalse();
        assertThat(RouteTable.acceptsImports("/api/v1/comments/7")).isFalse();
        assertThat(get("/api/v1/comments/7").requiresToken()).isFalse();
    }

    /** mail: the one-click unsubscribe is an anonymous POST (RFC 8058); nothing else under /api/v1/mail is routed. */
    @Test
    void theUnsubscribeLinkTakesAnonymousPostsToCommentService() {
        Route post = RouteTable.resolve("/api/v1/mail/unsubscribe", false).orElseThrow();
        assertThat(post.upstream()).isEqualTo(Upstream.COMMENT);
        assertThat(post.requiresToken()).isFalse();
        assertThat(get("/api/v1/mail/unsubscribe").upstream()).isEqualTo(Upstream.COMMENT);
        assertThat(get("/api/v1/mail/other")).isNull();
    }

    @Test
    void siteSettingsPagesAndPreviewLinksGoToContentWithTheirOwnAccessRules() {
        assertThat(get("/api/v1/site").upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(get("/api/v1/site").requiresToken()).isFalse();
        assertThat(RouteTable.resolve("/api/v1/site", false).orElseThrow().requiresToken()).isTrue();
        assertThat(get("/api/v1/sitex")).isNull();
        assertThat(get("/api/v1/pages").upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(get("/api/v1/pages/about").requiresToken()).isFalse();
        assertThat(get("/api/v1/pages/about").template()).isEqualTo("/api/v1/pages/{path}");
        assertThat(RouteTable.resolve("/api/v1/pages/about", false).orElseThrow().requiresToken()).isTrue();
        // opening a preview link needs no account; managing an article's links always needs a token
        Route open = get("/api/v1/preview-links/12.1767225600.c2lnbmF0dXJl");
        assertThat(open.upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(open.requiresToken()).isFalse();
        assertThat(open.template()).isEqualTo("/api/v1/preview-links/{id}");
        assertThat(get("/api/v1/preview-links")).isNull();
        assertThat(get("/api/v1/preview-links/a/b")).isNull();
        Route manage = get("/api/v1/articles/5/preview-links");
        assertThat(manage.requiresToken()).isTrue();
        assertThat(manage.routeClass()).isEqualTo(RouteClass.AUTH_SENSITIVE);
        assertThat(RouteTable.resolve("/api/v1/articles/5/preview-links/3", false).orElseThrow().requiresToken())
                .isTrue();
    }

    /** [mig-export] The site's export: content-service's, never without a token (so never in the anonymous cache). */
    @Test
    void theSiteExportGoesToContentAndNeedsAToken() {
        Route export = get("/api/v1/export");
        assertThat(export.upstream()).isEqualTo(Upstream.CONTENT);
        assertThat(export.requiresToken()).isTrue();
        assertThat(export.template()).isEqualTo("/api/v1/export");
        assertThat(get("/api/v1/exports")).isNull();
        assertThat(get("/api/v1/export/x")).isNull();
    }
}
