package dev.spaces.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 50 MB feed whose upstream sends the first 64 KB and then waits until the client has read bytes through the
 * gateway: a gateway that buffered whole responses would never deliver them, so the test proves streaming
 * without any timing assumption. Every byte is then checked.
 */
@QuarkusTest
class StreamingTest extends GatewayTest {

    @TestHTTPResource("/feed/large")
    URI largeFeed;

    @Test
    void largeBodiesStreamThrough() throws Exception {
        UpstreamStubs.releaseLargeFeed = new CountDownLatch(1);
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(largeFeed).header("X-Forwarded-For", clientAddress).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            byte[] first = body.readNBytes(4096);
            assertThat(first).hasSize(4096);
            assertThat(UpstreamStubs.largeFeedFinished).isFalse();
            UpstreamStubs.releaseLargeFeed.countDown();

            long position = 0;
            for (byte b : first) {
                assertThat(b).isEqualTo(UpstreamStubs.expectedByte(position++));
            }
            byte[] buffer = new byte[256 * 1024];
            int read;
            while ((read = body.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != UpstreamStubs.expectedByte(position + i)) {
                        throw new AssertionError("byte " + (position + i) + " differs");
                    }
                }
                position += read;
            }
            assertThat(position).isEqualTo(UpstreamStubs.LARGE_FEED_BYTES);
        } finally {
            UpstreamStubs.releaseLargeFeed.countDown();
        }
    }
}
