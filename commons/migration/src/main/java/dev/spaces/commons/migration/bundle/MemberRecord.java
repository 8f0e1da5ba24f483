package dev.spaces.commons.migration.bundle;

import java.time.Instant;

/**
 * A registered user of the source (authors, editors, registered commenters). Matched with an existing member by
 * e-mail, else by user name, or created.
 *
 * @param key         the source's user, e.g. {@code user:1}
 * @param role        what they may do on the source, mapped to the nearest Spaces role
 * @param email       needed to match or create the account; never shown
 */
public record MemberRecord(String key, String username, String displayName, String email, String url, Role role,
                           Instant registeredAt) implements BundleRecord {

    public enum Role { ADMIN, EDITOR, AUTHOR, MEMBER }

    @Override
    public String kind() {
        return "member";
    }
}
