package dev.spaces.content.service;

import java.util.Set;

/** Who is calling: subject and display name from the token, realm roles. Anonymous has a null subject. */
public record Caller(String subject, String displayName, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller(null, null, Set.of());
    /** The application itself (sample content, scheduled publishing). */
    public static final Caller SYSTEM = new Caller("system", "Spaces", Set.of("admin"));

    public boolean authenticated() {
        return subject != null;
    }

    public boolean isEditor() {
        return roles.contains("admin") || roles.contains("editor");
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean canWrite() {
        return isEditor() || roles.contains("author");
    }
}
