package dev.spaces.commons.testing.services;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The test key as a JWKS document over HTTP ({@code /jwks}), as Keycloak publishes its realm keys: for services that
 * run their production configuration, where quarkus-oidc fetches the keys from {@code SPACES_OIDC_JWKS_URL}.
 */
public final class TestJwks implements AutoCloseable {

    private static String shared;

    private final HttpServer server;

    private TestJwks(HttpServer server) {
        this.server = server;
    }

    /**
     * The URL of a JWKS holding the RSA public key in {@code publicKeyPem}: one server per test JVM for packaged
     * services, started on first use on a free loopback port, ended with the JVM.
     */
    static synchronized String url(Path publicKeyPem) {
        if (shared == null) {
            shared = start(publicKeyPem, 0).url();
        }
        return shared;
    }

    /** Serves the key on 127.0.0.1:{@code port} (0: any free port) until closed. */
    public static TestJwks start(Path publicKeyPem, int port) {
        byte[] body = jwks(publicKeyPem).getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new TestJwks(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serve the test JWKS", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String jwks(Path publicKeyPem) {
        try {
            String base64 = Files.readString(publicKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + unsigned(key.getModulus())
                    + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + publicKeyPem, e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA public key: " + publicKeyPem, e);
        }
    }

    /** JWK numbers are unsigned big-endian, base64url without padding. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
