package dev.spaces.site.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlsTest {

    @Test
    void pathsOfThisSiteAreFollowedAfterSignIn() {
        assertThat(Urls.sameSitePath("/archives/7?replyTo=5#comment-form")).isEqualTo("/archives/7?replyTo=5#comment-form");
        assertThat(Urls.sameSitePath("/")).isEqualTo("/");
    }

    @Test
    void anythingThatCouldLeaveTheSiteGoesHome() {
        for (String foreign : new String[]{null, "", "https://evil.example/", "//evil.example", "/\\evil.example",
                "\\\\evil.example", "javascript:alert(1)", "evil.example", "/\t/evil.example", "/a\nb", "http:/x"}) {
            assertThat(Urls.sameSitePath(foreign)).as(String.valueOf(foreign)).isEqualTo("/");
        }
    }

    @Test
    void theSignInLinkCarriesTheReturnPathEncoded() {
        assertThat(Urls.login("/archives/7#comment-form")).isEqualTo("/login?return=%2Farchives%2F7%23comment-form");
    }
}
