package dev.spaces.gateway;

import dev.spaces.gateway.client.UpstreamClients;
import dev.spaces.gateway.domain.Upstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.circuitbreaker.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Clients that hang up mid-request (wrk stopping, a browser navigating away) are not upstream failures. */
@QuarkusTest
class ClientDisconnectTest extends GatewayTest {

    /** More than the breaker's threshold (spaces.gateway.resilience.breaker-max-failures, 10). */
    private static final int DISCONNECTS = 15;

    @Inject
    UpstreamClients clients;

    @Test
    void disconnectsMidRequestNeitherOpenTheCircuitNorAreRetried() throws IOException {
        // slower than it takes the client to leave, faster than the 2 s read timeout of %test
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/61")).willReturn(aResponse()
                .withStatus(200).withFixedDelay(1_500).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":61}")));
        // all at once, as when a load generator stops: more abandoned requests than the breaker tolerates
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < DISCONNECTS; i++) {
                Socket socket = new Socket("localhost", RestAssured.port);
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/v1/articles/61 HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + clientAddress
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            // leave only once every request is at the upstream, i.e. the gateway is waiting for its answers
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() ->
                    UpstreamStubs.content.findAll(getRequestedFor(urlPathEqualTo("/api/v1/articles/61"))).size()
                            >= DISCONNECTS);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        // the gateway sees the hang-ups within milliseconds; counted, they would open the circuit (for 1 s in %test)
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> clients.state(Upstream.CONTENT) == CircuitBreakerState.CLOSED);
        client().get("/api/v1/articles/62").then().statusCode(200).body("service", equalTo("content"));
        // had an abandoned request been retried, the upstream would have seen it again after the 50 ms backoff;
        // the answered request above took longer than that
        client().get("/api/v1/articles/63").then().statusCode(200);
        UpstreamStubs.content.verify(DISCONNECTS, getRequestedFor(urlPathEqualTo("/api/v1/articles/61")));
        assertThat(clients.state(Upstream.CONTENT)).isEqualTo(CircuitBreakerState.CLOSED);
    }
}
