package dev.spaces.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * Only Typecho's shapes, and a public base with a path (the site mounted at {@code https://blog.example/kexue}
 * behind a proxy): Locations are absolute under that base, whatever Host the gateway was reached by; a week's max-age.
 */
@QuarkusTest
@TestProfile(OldLinksBehindAProxyTest.TypechoBehindAProxy.class)
class OldLinksBehindAProxyTest extends GatewayTest {

    public static class TypechoBehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spaces.gateway.old-links.shapes", "typecho",
                    "spaces.gateway.old-links.public-base", "https://blog.example/kexue/",
                    "spaces.gateway.old-links.max-age", "P7D");
        }
    }

    @Test
    void typechoAddressesMoveUnderThePublicBase() {
        client().redirects().follow(false).header("X-Forwarded-Host", "internal.example:8080")
                .get("/archives/12/comment-page-2").then().statusCode(301)
                .header("Location", equalTo("https://blog.example/kexue/archives/12#comments"))
                .header("Cache-Control", equalTo("public, max-age=604800"));
        client().redirects().follow(false).get("/category/math/3/").then().statusCode(301)
                .header("Location", equalTo("https://blog.example/kexue/category/math?page=3"));
    }

    @Test
    void wordpressAddressesAreNotRecognisedWhenOnlyTypechoIsOn() {
        client().redirects().follow(false).urlEncodingEnabled(false).get("/?p=12").then().statusCode(200)
                .body("service", equalTo("site"));
        client().redirects().follow(false).get("/2019/07/catenary/").then().statusCode(200)
                .body("service", equalTo("site"));
    }
}
