package dev.spaces.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Studio's files from the studio jar, at /studio, with the caching and the CSP a web app needs. */
@QuarkusTest
class StudioTest extends GatewayTest {

    @Test
    void theAppIsServedAtStudioWithIndexRevalidatedAndHashedAssetsImmutable() {
        client().redirects().follow(false).get("/studio?code=abc&state=xyz").then().statusCode(301)
                .header("Location", "/studio/?code=abc&state=xyz");

        Response index = client().get("/studio/");
        index.then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self' https://issuer.spaces.test"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                .header("X-Frame-Options", "DENY");
        Matcher script = Pattern.compile("src=\"(/studio/assets/index-[\\w-]+\\.js)\"").matcher(index.asString());
        assertThat(script.find()).as("index.html loads the hashed entry chunk: " + index.asString()).isTrue();

        client().get(script.group(1)).then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    @Test
    void theAppLearnsWhereToLogInFromTheGateway() {
        client().get("/studio/config.json").then().statusCode(200).contentType(containsString("application/json"))
                .header("Cache-Control", "no-cache")
                .body("issuer", equalTo("https://issuer.spaces.test/realms/spaces"))
                .body("clientId", equalTo("spaces-web"));
    }

    @Test
    void theApiKeepsItsOwnPolicy() {
        client().get("/api/v1/nothing-here").then()
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}
