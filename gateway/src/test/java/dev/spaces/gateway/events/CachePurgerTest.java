package dev.spaces.gateway.events;

import dev.spaces.gateway.domain.Upstream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which cached answers each event type retires. */
class CachePurgerTest {

    @Test
    void readerSitePagesGoWithEveryEventThatChangesWhatAReaderSees() {
        assertThat(CachePurger.affected("article.published")).contains(Upstream.SITE, Upstream.CONTENT);
        // a comment shows in its article's page (thread, count) and in lists (counts)
        assertThat(CachePurger.affected("comment.approved")).containsExactlyInAnyOrder(Upstream.COMMENT, Upstream.SITE);
        assertThat(CachePurger.affected("member.created")).contains(Upstream.SITE);
        // the menu (pages) and the frame (name, licence) are on every page
        assertThat(CachePurger.affected("page.published")).containsExactlyInAnyOrder(Upstream.CONTENT, Upstream.SITE);
        assertThat(CachePurger.affected("site.updated")).containsExactlyInAnyOrder(Upstream.CONTENT, Upstream.SITE);
        assertThat(CachePurger.affected("webhook.ping")).isEmpty();
    }
}
