package dev.spaces.content.common;

import dev.spaces.commons.http.EntityTags;
import dev.spaces.commons.problem.ProblemException;

import java.util.OptionalLong;

/**
 * Optimistic concurrency of writes by {@code If-Match}, as article PUT does it: the header names the version last
 * read (its ETag {@code "7-<hash>"}, {@code "7"}, or {@code *}); none is 428, another version is 412. Lost updates
 * are what Studio's autosave and two open tabs would otherwise produce.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /** @param what names the resource in the messages, e.g. "the site settings", "page about" */
    public static void requireVersion(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Changing " + what + " needs an If-Match header with the ETag (or version) last read");
        }
        OptionalLong version = EntityTags.versionOf(ifMatch);
        if (version.isEmpty() || (version.getAsLong() != -1 && version.getAsLong() != current)) {
            throw ProblemException.preconditionFailed("Version " + current + " of " + what + " is current, not "
                    + "the one If-Match names: it changed since it was read; reload it and apply your changes again")
                    .with("currentVersion", current);
        }
    }
}
