package dev.spaces.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy path itself, against comment-service's stub (plain WireMock, nothing in between): what headers reach
 * the service and the client, and that bodies arrive whole whether the gateway buffers them (known length up to
 * spaces.gateway.http.buffered-response-max-size, 1 MiB by default) or streams them.
 */
@QuarkusTest
class ProxyPathTest extends GatewayTest {

    private static final String RECENT = "/api/v1/comments/recent";

    @Test
    void hopByHopRequestHeadersAreDroppedAndForwardingHeadersSet() throws IOException {
        String response = raw("GET " + RECENT + " HTTP/1.1\r\nHost: edge.spaces.test:8443\r\n"
                + "X-Forwarded-For: " + clientAddress + "\r\n"
                // Vert.x decides on keep-alive from the first Connection header; both name hop-by-hop headers
                + "Connection: close\r\nConnection: X-Private-Hop\r\nX-Private-Hop: 1\r\nKeep-Alive: timeout=5\r\n"
                + "TE: trailers\r\nProxy-Authorization: Basic c2VjcmV0\r\nX-End-To-End: kept\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200");
        UpstreamStubs.comment.verify(getRequestedFor(urlPathEqualTo(RECENT))
                .withHeader("X-End-To-End", equalTo("kept"))
                .withHeader("X-Private-Hop", absent())
                .withHeader("Keep-Alive", absent())
                .withHeader("TE", absent())
                .withHeader("Proxy-Authorization", absent())
                // the client's own address appended to what the (trusted) previous hop said
                .withHeader("X-Forwarded-For", matching(java.util.regex.Pattern.quote(clientAddress) + ", [0-9a-f.:]+"))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-Host", equalTo("edge.spaces.test:8443"))
                .withHeader("Host", equalTo("localhost:" + UpstreamStubs.comment.port())));
    }

    @Test
    void rawUtf8InTheRequestTargetReachesTheServicePercentEncoded() throws IOException {
        // what curl sends for ?q=梯度 typed as is: the UTF-8 bytes, unencoded
        byte[] request = ("GET " + RECENT + "?q=梯度&size=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(raw(request)).startsWith("HTTP/1.1 200");
        List<LoggedRequest> received = UpstreamStubs.comment.findAll(getRequestedFor(urlPathEqualTo(RECENT))
                .withQueryParam("size", equalTo("1")));
        assertThat(received).isNotEmpty();
        assertThat(received.getLast().getUrl()).isEqualTo(RECENT + "?q=%E6%A2%AF%E5%BA%A6&size=1");
        assertThat(received.getLast().queryParameter("q").firstValue()).isEqualTo("梯度");
    }

    @Test
    void hopByHopResponseHeadersAreDroppedOthersAndTheLengthKept() {
        UpstreamStubs.comment.stubFor(get(urlPathEqualTo(RECENT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Upstream", "yes")
                .withHeader("Keep-Alive", "timeout=5").withHeader("Proxy-Authenticate", "Basic")
                .withHeader("Date", "Tue, 01 Jan 2030 00:00:00 GMT")
                .withBody("[{\"id\":1}]")));
        client().get(RECENT).then().statusCode(200)
                .header("X-Upstream", "yes")
                .header("Content-Length", "10")
                .header("Keep-Alive", org.hamcrest.Matchers.nullValue())
                .header("Proxy-Authenticate", org.hamcrest.Matchers.nullValue())
                // the origin's Date passes through unchanged
                .header("Date", "Tue, 01 Jan 2030 00:00:00 GMT")
                .body(org.hamcrest.Matchers.equalTo("[{\"id\":1}]"));
    }

    @Test
    void bodiesUnderAndOverTheBufferingBoundArriveIntactWithTheirLength() throws Exception {
        for (int size : new int[]{20 * 1024, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024}) {
            byte[] body = pattern(size);
            UpstreamStubs.comment.stubFor(get(urlPathEqualTo(RECENT)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/octet-stream").withBody(body)));
            // java.net.http asks for no encoding (WireMock would gzip for RestAssured, which accepts it)
            HttpResponse<byte[]> response = fetch(RECENT);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(size));
            assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
            assertThat(Arrays.equals(response.body(), body)).as("body of %d bytes", size).isTrue();
        }
    }

    @Test
    void headAnswersCarryTheLengthWithoutABody() throws IOException {
        UpstreamStubs.comment.stubFor(any(urlPathEqualTo(RECENT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(pattern(12345))));
        String response = raw("HEAD " + RECENT + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + clientAddress
                + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response.toLowerCase()).contains("content-length: 12345\r\n");
        // nothing after the headers: read until the gateway closed the connection
        assertThat(response).endsWith("\r\n\r\n");
    }

    @Test
    void notModifiedPassesThroughForPersonalRequests() {
        UpstreamStubs.comment.stubFor(get(urlPathEqualTo("/api/v1/members/me"))
                .withHeader("If-None-Match", equalTo("\"m1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"m1\"")));
        client().auth().oauth2(TestTokens.token("alice", "member")).header("If-None-Match", "\"m1\"")
                .get("/api/v1/members/me")
                .then().statusCode(304).header("ETag", "\"m1\"").body(org.hamcrest.Matchers.emptyString());
    }

    @Test
    void chunkedUploadsArriveWholeOrAreCutAtTheLimit() throws Exception {
        UpstreamStubs.comment.stubFor(post(urlPathEqualTo("/api/v1/articles/7/comments")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
        byte[] small = pattern(300 * 1024);
        HttpResponse<String> accepted = chunkedPost("/api/v1/articles/7/comments", small);
        assertThat(accepted.statusCode()).isEqualTo(201);
        List<LoggedRequest> received = UpstreamStubs.comment.findAll(
                postRequestedFor(urlPathEqualTo("/api/v1/articles/7/comments")));
        assertThat(received).hasSize(1);
        assertThat(Arrays.equals(received.getFirst().getBody(), small)).isTrue();

        // over spaces.gateway.max-body-size (2M) with no length announced: cut while streaming, answered 413
        UpstreamStubs.comment.resetRequests();
        HttpResponse<String> refused = chunkedPost("/api/v1/articles/7/comments", pattern(3 * 1024 * 1024));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // the service never took a (truncated) upload for a whole one
        assertThat(UpstreamStubs.comment.findAll(postRequestedFor(urlPathEqualTo("/api/v1/articles/7/comments"))))
                .isEmpty();
    }

    private HttpResponse<byte[]> fetch(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("X-Forwarded-For", clientAddress).build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private HttpResponse<String> chunkedPost(String path, byte[] body) throws Exception {
        // an InputStream publisher has no length: the client sends the body chunked
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("X-Forwarded-For", clientAddress).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.token("alice", "member"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Sends a request as written and reads everything until the gateway closes the connection. */
    private static String raw(String request) throws IOException {
        return raw(request.getBytes(StandardCharsets.US_ASCII));
    }

    private static String raw(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = UpstreamStubs.expectedByte(i);
        }
        return bytes;
    }
}
