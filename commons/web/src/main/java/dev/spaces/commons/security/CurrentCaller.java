package dev.spaces.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;

/**
 * The {@link Caller} of the current request, read once from the verified token. The identity is looked up lazily so
 * that services without a security extension (which never ask) still deploy with commons on their class path.
 */
@RequestScoped
public class CurrentCaller {

    private final Instance<SecurityIdentity> identities;
    private Caller caller;

    public CurrentCaller(Instance<SecurityIdentity> identities) {
        this.identities = identities;
    }

    public Caller get() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    private Caller resolve() {
        if (!identities.isResolvable()) {
            return Caller.ANONYMOUS;
        }
        SecurityIdentity identity = identities.get();
        if (identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Principal principal = identity.getPrincipal();
        if (!(principal instanceof JsonWebToken jwt)) {
            return new Caller(principal.getName(), principal.getName(), principal.getName(), null, identity.getRoles());
        }
        String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        String username = firstNonBlank(claim(jwt, "preferred_username"), subject);
        String name = firstNonBlank(claim(jwt, "name"), username);
        return new Caller(subject, username, name, firstNonBlank(claim(jwt, "email")), identity.getRoles());
    }

    /** Typed as Object: the generic getClaim would otherwise be inferred as the varargs array. */
    private static Object claim(JsonWebToken jwt, String name) {
        return jwt.getClaim(name);
    }

    private static String firstNonBlank(Object... values) {
        for (Object value : values) {
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }
}
