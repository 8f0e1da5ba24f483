package dev.spaces.commons.http;

import dev.spaces.commons.text.Digests;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/** Strong entity tags and the version they may carry. */
public final class EntityTags {

    private EntityTags() {
    }

    public static String strong(byte[] body, Long version) {
        String hash = hash(body);
        return "\"" + (version == null ? hash : version + "-" + hash) + "\"";
    }

    /** True when an If-None-Match header lists this tag (or *). Weak comparison, as RFC 9110 prescribes. */
    public static boolean matchesAny(String header, String etag) {
        if (header == null) {
            return false;
        }
        String opaque = etag.replaceFirst("^W/", "");
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.replaceFirst("^W/", "").equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The version an If-Match value refers to: {@code "7"}, {@code "7-<hash>"}, {@code 7}. Empty when the
     * header holds no version (a foreign tag), {@code -1} for {@code *}.
     */
    public static OptionalLong versionOf(String ifMatch) {
        if (ifMatch == null) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return OptionalLong.of(-1);
        }
        tag = tag.replaceFirst("^W/", "").replace("\"", "");
        int dash = tag.indexOf('-');
        String number = dash > 0 ? tag.substring(0, dash) : tag;
        try {
            return OptionalLong.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String hash(byte[] body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(body)).substring(0, 27);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
