package dev.spaces.commons.testing.keycloak;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Signs a new user up the way a browser does: the realm's registration page for a public client, the form post,
 * then the authorization code exchanged with its PKCE verifier. Proves registration is open, the public client's
 * flow works, and what a new user's token carries.
 */
public final class SelfRegistration {

    public record NewUser(String username, String email, String firstName, String lastName, String password) {
    }

    private static final Pattern REGISTER_FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private final KeycloakServer keycloak;
    private final String realm;
    private final String clientId;
    private final String redirectUri;
    /**
     * Keycloak marks its login cookies Secure even over plain http, and java.net's CookieManager never sends
     * Secure cookies over http, so the flow carries them itself.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private SelfRegistration(KeycloakServer keycloak, String realm, String clientId, String redirectUri) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** Registers the user through {@code clientId} and returns the access token the browser app would get. */
    public static String register(KeycloakServer keycloak, String realm, String clientId, String redirectUri,
                                  NewUser user) {
        return new SelfRegistration(keycloak, realm, clientId, redirectUri).register(user);
    }

    private String register(NewUser user) {
        String verifier = randomVerifier();
        URI registrationPage = URI.create(keycloak.issuer(realm) + "/protocol/openid-connect/registrations"
                + "?response_type=code&scope=openid"
                + "&client_id=" + Http.encode(clientId)
                + "&redirect_uri=" + Http.encode(redirectUri)
                + "&code_challenge=" + s256(verifier) + "&code_challenge_method=S256");
        HttpResponse<String> page = send(HttpRequest.newBuilder(registrationPage).GET().build());
        Http.expectStatus(page, 200);

        HttpResponse<String> submitted = send(Http.formPost(formAction(page.body()), Map.of(
                "username", user.username(), "email", user.email(),
                "firstName", user.firstName(), "lastName", user.lastName(),
                "password", user.password(), "password-confirm", user.password())).build());
        String location = submitted.headers().firstValue("Location").orElse("");
        Matcher code = CODE.matcher(location);
        if (submitted.statusCode() != 302 || !location.startsWith(redirectUri) || !code.find()) {
            throw new IllegalStateException("Registration of " + user.username() + " was not accepted ("
                    + submitted.statusCode() + ", Location " + location + "); the page said: " + submitted.body());
        }
        return keycloak.token(realm, Map.of("grant_type", "authorization_code", "client_id", clientId,
                "code", code.group(1), "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest withCookies = cookies.isEmpty() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", cookieHeader()).build();
        HttpResponse<String> response = Http.send(withCookies);
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String nameValue = setCookie.split(";", 2)[0];
            int equals = nameValue.indexOf('=');
            cookies.put(nameValue.substring(0, equals), nameValue.substring(equals + 1));
        }
        return response;
    }

    private String cookieHeader() {
        return cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private static URI formAction(String registrationPage) {
        Matcher action = REGISTER_FORM_ACTION.matcher(registrationPage);
        if (!action.find()) {
            throw new IllegalStateException("No registration form (is registration allowed?): " + registrationPage);
        }
        return URI.create(action.group(1).replace("&amp;", "&"));
    }

    private static String randomVerifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
