package dev.spaces.comment.service;

import dev.spaces.comment.config.CommentConfig;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.validation.TextRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Display names: normalized (NFKC, no invisible or control characters, single spaces), 1–40 characters, no
 * markup characters, and never a reserved name or a look-alike of one (Ａｄｍｉｎ, аdmin with a Cyrillic а,
 * adm1n, 管理員, 蘇劍林 …).
 */
@ApplicationScoped
public class DisplayNames {

    public static final String DELETED_MEMBER = "已注销用户";
    private static final int MAX_LENGTH = 40;
    private static final List<String> ALWAYS_RESERVED = List.of("admin", "administrator", "moderator", "管理员", "站长",
            "版主", "root", "system", DELETED_MEMBER);
    /** Letters that look like others, folded before comparing with reserved names. */
    private static final Map<Character, Character> CONFUSABLES = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'l'), Map.entry('ӏ', 'l'), Map.entry('ѕ', 's'),
            Map.entry('ԁ', 'd'), Map.entry('м', 'm'), Map.entry('т', 't'), Map.entry('н', 'h'), Map.entry('ɑ', 'a'),
            Map.entry('α', 'a'), Map.entry('ο', 'o'), Map.entry('ν', 'v'), Map.entry('ι', 'l'), Map.entry('ρ', 'p'),
            Map.entry('0', 'o'), Map.entry('1', 'l'), Map.entry('i', 'l'), Map.entry('!', 'l'), Map.entry('|', 'l'),
            Map.entry('3', 'e'), Map.entry('4', 'a'), Map.entry('@', 'a'), Map.entry('5', 's'), Map.entry('$', 's'),
            Map.entry('7', 't'), Map.entry('員', '员'), Map.entry('蘇', '苏'), Map.entry('劍', '剑'), Map.entry('長', '长'),
            Map.entry('統', '统'));

    private final List<String> reserved;

    public DisplayNames(CommentConfig config) {
        List<String> all = new ArrayList<>(ALWAYS_RESERVED);
        all.addAll(config.siteAuthorNames());
        this.reserved = all.stream().map(DisplayNames::fold).filter(s -> !s.isEmpty()).toList();
    }

    /** The normalized name, or 422 explaining why it cannot be used. */
    public String require(String raw) {
        return require(raw, false);
    }

    /**
     * @param staff moderators and admins may carry names like "moderator" or "管理员": for them the name is true
     */
    public String require(String raw, boolean staff) {
        String name = normalize(raw);
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw ProblemException.invalidField("displayName", "must be 1 to " + MAX_LENGTH + " visible characters");
        }
        if (name.chars().anyMatch(c -> "<>\"'`&".indexOf(c) >= 0)) {
            throw ProblemException.invalidField("displayName", "may not contain < > \" ' ` or &");
        }
        if (!staff && isReserved(name)) {
            throw ProblemException.invalidField("displayName", "is reserved");
        }
        return name;
    }

    /** For names taken from token claims: the first usable candidate, else a neutral default. */
    public String firstUsable(boolean staff, String fallback, String... candidates) {
        for (String candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            try {
                return require(candidate, staff);
            } catch (ProblemException e) {
                // try the next claim
            }
        }
        return fallback;
    }

    public boolean isReserved(String name) {
        String folded = fold(name);
        return reserved.stream().anyMatch(folded::contains);
    }

    static String normalize(String raw) {
        String nfkc = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder();
        nfkc.codePoints()
                .filter(cp -> !TextRules.isInvisibleFormatting(cp) && !Character.isISOControl(cp)
                        && Character.getType(cp) != Character.FORMAT)
                .map(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp)
                .forEach(out::appendCodePoint);
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private static String fold(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : normalize(name).toLowerCase(Locale.ROOT).toCharArray()) {
            char mapped = CONFUSABLES.getOrDefault(c, c);
            if (Character.isLetterOrDigit(mapped)) {
                out.append(mapped);
            }
        }
        return out.toString();
    }

    static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
