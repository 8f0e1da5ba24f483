package dev.spaces.commons.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A write exactly as {@code curl -X POST -H 'Authorization: Bearer …' URL} sends it: no body, no Content-Type and no
 * Content-Length. HTTP clients in tests (RestAssured, the JDK's) add one or the other, which hid a 415 from users.
 */
public final class BarePost {

    /** The status line's code and the raw answer (headers and body). */
    public record Answer(int status, String raw) {
        public boolean isProblemJson() {
            return raw.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json");
        }
    }

    private BarePost() {
    }

    /** {@code method} on {@code path} of the application under test (RestAssured's port), with a bearer token or none. */
    public static Answer send(String method, String path, String bearer) {
        return send("localhost", RestAssured.port, method, path, bearer);
    }

    public static Answer send(String host, int port, String method, String path, String bearer) {
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("User-Agent: curl/8.14.1\r\nAccept: */*\r\n");
        if (bearer != null) {
            request.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(raw.indexOf(' ') + 1, raw.indexOf(' ') + 4));
            return new Answer(status, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
