package dev.spaces.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code spaces.gateway.old-links.enabled=false}: old addresses go where any other address goes, unanswered. */
@QuarkusTest
@TestProfile(OldLinksDisabledTest.Disabled.class)
class OldLinksDisabledTest extends GatewayTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spaces.gateway.old-links.enabled", "false");
        }
    }

    @ParameterizedTest(name = "{0} reaches the site unredirected")
    @ValueSource(strings = {"/archives/12/", "/archives/12/comment-page-2", "/category/math/", "/about.html",
            "/?p=12", "/2019/07/catenary/"})
    void oldSiteAddressesReachTheSite(String uri) {
        client().redirects().follow(false).urlEncodingEnabled(false).get(uri).then().statusCode(200)
                .body("service", equalTo("site"));
        // and nothing is looked up
        assertThat(OldLinkRedirectsTest.pageRequests(UpstreamStubs.content)).isEmpty();
        assertThat(OldLinkRedirectsTest.pageRequests(UpstreamStubs.site)).containsExactly(uri);
    }

    @ParameterizedTest(name = "{0} reaches content-service unredirected")
    @ValueSource(strings = {"/feed/", "/feed/atom/"})
    void oldFeedAddressesReachContentService(String uri) {
        client().redirects().follow(false).get(uri).then().statusCode(200).body("service", equalTo("content"));
    }
}
