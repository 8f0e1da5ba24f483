package dev.spaces.comment.importing;

import dev.spaces.commons.client.CallGuards;
import dev.spaces.commons.problem.ProblemException;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The site's users in Keycloak, for the comment import: find a user by e-mail, then by user name, or create one
 * without a password (required action UPDATE_PASSWORD: they set one through "forgot password" or a reset mail, and
 * their imported comments are theirs from the first sign-in). Calls go through a guard (timeout, retries, breaker);
 * a Keycloak that cannot answer fails the import with 503, before anything is stored.
 */
@ApplicationScoped
public class KeycloakUsers {

    private static final Logger LOG = Logger.getLogger(KeycloakUsers.class);

    private final KeycloakAdminClient keycloak;
    private final CommentImportConfig.Keycloak config;
    private final Guard guard;
    private volatile String token;
    private volatile Instant tokenUntil = Instant.EPOCH;

    public KeycloakUsers(@RestClient KeycloakAdminClient keycloak, CommentImportConfig config) {
        this.keycloak = keycloak;
        this.config = config.keycloak();
        this.guard = CallGuards.create("keycloak admin API", this.config.call(), Unavailable.class);
    }

    /** A user of the realm, by its id (a member's subject). */
    public record Found(String id, String username, String email) {
    }

    /** What creating a user gave: the user, or {@code taken} when its name or e-mail belongs to someone else. */
    public record Created(Optional<Found> user, boolean taken) {
    }

    public Optional<Found> byEmail(String email) {
        return first(call(() -> keycloak.users(config.realm(), bearer(), email, null, true)));
    }

    public Optional<Found> byUsername(String username) {
        return first(call(() -> keycloak.users(config.realm(), bearer(), null, username, true)));
    }

    /** Creates an enabled user without a password; {@code taken} when Keycloak answers 409. */
    public Created create(String username, String email, String displayName) {
        KeycloakAdminClient.User user = new KeycloakAdminClient.User(null, username, email, displayName, true, false,
                List.of("UPDATE_PASSWORD"));
        int status = call(() -> {
            try (Response response = keycloak.create(config.realm(), bearer(), user)) {
                return response.getStatus();
            } catch (WebApplicationException e) {
                return e.getResponse().getStatus();
            }
        });
        if (status == 409) {
            return new Created(Optional.empty(), true);
        }
        if (status == 400) {
            // the realm's user profile refused the name (characters it does not allow): the caller tries another
            return new Created(Optional.empty(), false);
        }
        if (status != 201) {
            throw unavailable("Keycloak answered " + status + " to creating a user");
        }
        return new Created(byUsername(username), false);
    }

    private static Optional<Found> first(List<KeycloakAdminClient.User> users) {
        return users.stream().findFirst().map(u -> new Found(u.id(), u.username(), u.email()));
    }

    private <T> T call(Supplier<T> call) {
        try {
            return cast(guard.call(() -> {
                try {
                    return (Object) call.get();
                } catch (WebApplicationException e) {
                    int status = e.getResponse().getStatus();
                    if (status == 401) {
                        token = null; // expired early or revoked: the retry fetches a fresh one
                    }
                    throw new Unavailable("Keycloak answered " + status);
                } catch (ProcessingException e) {
                    throw new Unavailable(e.getMessage());
                }
            }, Object.class));
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            LOG.warnf("Keycloak's admin API could not be used: %s", e.toString());
            throw unavailable("Keycloak's admin API cannot be reached (" + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** A service token of the import's client, fetched again shortly before it expires. */
    private String bearer() {
        String current = token;
        if (current != null && Instant.now().isBefore(tokenUntil)) {
            return current;
        }
        KeycloakAdminClient.Token fresh = keycloak.token(config.realm(), "client_credentials", config.clientId(),
                config.clientSecret());
        token = "Bearer " + fresh.accessToken();
        tokenUntil = Instant.now().plusSeconds(Math.max(0, fresh.expiresIn() - 30));
        return token;
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "keycloak-unavailable", "Keycloak unavailable",
                "Members cannot be matched or created right now: " + detail + ". Nothing was stored; try again.")
                .withHeader("Retry-After", "30");
    }

    /** Keycloak did not answer usefully: retried, and counted by the breaker. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
