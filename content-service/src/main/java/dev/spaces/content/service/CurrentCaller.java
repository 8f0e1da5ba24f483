package dev.spaces.content.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;

/** The {@link Caller} of the current request, from the verified bearer token. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    private Caller resolve() {
        if (identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Principal principal = identity.getPrincipal();
        String subject = principal.getName();
        String name = subject;
        if (principal instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            name = firstNonBlank(jwt.getClaim("name"), jwt.getClaim("preferred_username"), subject);
        }
        return new Caller(subject, name, identity.getRoles());
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
