package dev.spaces.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

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
    void aBrowserGetsTheAssetsInTheBrotliOrGzipCopyItAcceptsAndAnOldOneTheFileItself() throws Exception {
        Matcher script = Pattern.compile("src=\"(/studio/assets/index-[\\w-]+\\.js)\"")
                .matcher(client().get("/studio/").asString());
        assertThat(script.find()).isTrue();
        URI entry = URI.create(RestAssured.baseURI + ":" + RestAssured.port + script.group(1));
        // java.net.http sends the Accept-Encoding it is given and never decodes: the bytes on the wire are compared
        HttpResponse<byte[]> identity = fetch(entry, null);
        HttpResponse<byte[]> brotli = fetch(entry, "gzip, deflate, br, zstd");
        HttpResponse<byte[]> gzip = fetch(entry, "gzip;q=1.0, br;q=0");

        assertThat(identity.statusCode()).isEqualTo(200);
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(identity.headers().firstValue("Vary")).hasValue("Accept-Encoding");

        assertThat(brotli.statusCode()).isEqualTo(200);
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(brotli.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(brotli.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(brotli.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(brotli.body().length).isLessThan(identity.body().length / 2);

        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(identity.body());
        }
        assertThat(gzip.body().length).isLessThan(brotli.body().length * 2).isGreaterThan(brotli.body().length);
    }

    private static HttpResponse<byte[]> fetch(URI uri, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("X-Forwarded-For", "198.51.100.77");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
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
