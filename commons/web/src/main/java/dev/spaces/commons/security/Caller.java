package dev.spaces.commons.security;

import java.util.Set;

/**
 * Who is calling, from the verified bearer token: subject, names, e-mail and Keycloak realm roles.
 * Anonymous has a null subject.
 */
public record Caller(String subject, String username, String displayName, String email, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null, Set.of());
    /** The application itself (sample content, scheduled work). */
    public static final Caller SYSTEM = new Caller("system", "system", "Spaces", null, Set.of("admin"));

    public boolean authenticated() {
        return subject != null;
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean isEditor() {
        return isAdmin() || roles.contains("editor");
    }

    /** May write articles: authors, editors, admins. */
    public boolean canWrite() {
        return isEditor() || roles.contains("author");
    }

    public boolean isModerator() {
        return isAdmin() || roles.contains("moderator");
    }
}
