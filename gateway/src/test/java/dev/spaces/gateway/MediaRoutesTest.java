package dev.spaces.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library through the gateway: its API and its content-hashed files go to content-service, uploads may
 * be larger than other bodies (up to spaces.gateway.max-upload-size), and byte ranges reach the service.
 */
@QuarkusTest
class MediaRoutesTest extends GatewayTest {

    private static final String FILE = "/media/" + "ab".repeat(32) + "/figure-768w.webp";

    @Test
    void uploadsOfSeveralMegabytesReachContentServiceWithTheirToken() throws IOException {
        UpstreamStubs.content.stubFor(post(urlPathEqualTo("/api/v1/media")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
        byte[] image = new byte[5 * 1024 * 1024]; // over the 2 MB of other bodies
        Arrays.fill(image, (byte) 7);
        client().auth().oauth2(TestTokens.token("author", "author")).contentType("image/jpeg").body(image)
                .post("/api/v1/media").then().statusCode(201);
        List<LoggedRequest> received = UpstreamStubs.content.findAll(postRequestedFor(urlPathEqualTo("/api/v1/media")));
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getBody()).isEqualTo(image);
        assertThat(received.getFirst().getHeader("Authorization")).startsWith("Bearer ");

        // no token: refused at the edge
        client().contentType("image/jpeg").body(new byte[16]).post("/api/v1/media").then().statusCode(401);
        // past the upload limit (24 MB) by its announced length: 413 problem at once, content-service never sees it
        UpstreamStubs.content.resetRequests();
        String refused = headersOnly("POST /api/v1/media HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Forwarded-For: " + clientAddress + "\r\n"
                + "Authorization: Bearer " + TestTokens.token("author", "author") + "\r\n"
                + "Content-Type: image/jpeg\r\nContent-Length: " + (24 * 1024 * 1024 + 1) + "\r\n\r\n");
        assertThat(refused).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("The request body exceeds " + (24 * 1024 * 1024) + " bytes");
        UpstreamStubs.content.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/media")));
        // the larger limit is the media upload's alone
        client().auth().oauth2(TestTokens.token("editor", "editor")).contentType("application/json")
                .body(new byte[3 * 1024 * 1024]).post("/api/v1/import").then().statusCode(413);
    }

    /** Sends a request's head only and reads the answer (the gateway answers an oversize announcement at once). */
    private static String headersOnly(String head) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theLibraryApiIsPublicToReadAndItsWritesNeedAToken() {
        client().get("/api/v1/media?q=euler").then().statusCode(200).body("service", org.hamcrest.Matchers.equalTo("content"));
        client().get("/api/v1/media/12").then().statusCode(200).body("service", org.hamcrest.Matchers.equalTo("content"));
        client().contentType("application/json").body("{\"alt\":\"x\"}").patch("/api/v1/media/12").then().statusCode(401);
        client().delete("/api/v1/media/12").then().statusCode(401);
        client().auth().oauth2(TestTokens.token("author", "author")).delete("/api/v1/media/12").then().statusCode(200);
    }

    @Test
    void filesAreServedByContentServiceWithTheirCachingHeadersAndRanges() {
        byte[] body = "RIFF....WEBPVP8 0123456789".getBytes();
        UpstreamStubs.content.stubFor(get(urlPathEqualTo(FILE)).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/webp")
                .withHeader("Cache-Control", "public, max-age=31536000, immutable")
                .withHeader("ETag", "\"" + "ab".repeat(32) + "\"")
                .withHeader("Accept-Ranges", "bytes")
                .withBody(body)));
        UpstreamStubs.content.stubFor(get(urlPathEqualTo(FILE)).atPriority(1).withHeader("Range", equalTo("bytes=0-3"))
                .willReturn(aResponse().withStatus(206).withHeader("Content-Type", "image/webp")
                        .withHeader("Content-Range", "bytes 0-3/" + body.length)
                        .withHeader("Cache-Control", "public, max-age=31536000, immutable")
                        .withBody(Arrays.copyOf(body, 4))));

        byte[] whole = client().get(FILE).then().statusCode(200)
                .contentType("image/webp")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + "ab".repeat(32) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(whole).isEqualTo(body);
        // anonymous and immutable: the gateway keeps it and answers the next one itself
        client().get(FILE).then().statusCode(200).header("X-Cache", "HIT");
        client().header("If-None-Match", "\"" + "ab".repeat(32) + "\"").get(FILE).then().statusCode(304);

        // a range is never answered from the stored whole body: it goes to the service, which sends 206
        byte[] part = client().header("Range", "bytes=0-3").get(FILE).then().statusCode(206)
                .header("Content-Range", "bytes 0-3/" + body.length).extract().asByteArray();
        assertThat(part).isEqualTo(Arrays.copyOf(body, 4));
        UpstreamStubs.content.verify(1, getRequestedFor(urlPathEqualTo(FILE)).withHeader("Range", equalTo("bytes=0-3")));
        UpstreamStubs.content.verify(1, getRequestedFor(urlPathEqualTo(FILE)).withHeader("Range", absent()));

        // only /media/ itself is content's: a look-alike path is a reader-site page
        client().get("/mediax/a").then().statusCode(200).body("service", org.hamcrest.Matchers.equalTo("site"));
        UpstreamStubs.content.verify(0, getRequestedFor(urlPathEqualTo("/mediax/a")));
    }
}
