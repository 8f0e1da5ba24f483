package dev.spaces.commons.validation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Derives CJK-safe slugs from titles and names. */
public final class Slugs {

    private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{Ll}\\p{Lo}\\p{Lm}\\p{N}]+");
    private static final Pattern VALID = Pattern.compile(Slug.PATTERN);

    private Slugs() {
    }

    /**
     * Lower-cases Latin, keeps Chinese and other scripts, folds everything else (spaces, punctuation,
     * full-width symbols) into single hyphens. Returns {@code fallback} when nothing is left.
     */
    public static String slugify(String text, String fallback) {
        String normalized = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        String slug = NOT_SLUG.matcher(normalized).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > 120) {
            slug = slug.substring(0, 120).replaceAll("-+$", "");
            if (Character.isHighSurrogate(slug.charAt(slug.length() - 1))) {
                slug = slug.substring(0, slug.length() - 1);
            }
        }
        return slug.isEmpty() ? fallback : slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= 200 && VALID.matcher(slug).matches();
    }
}
