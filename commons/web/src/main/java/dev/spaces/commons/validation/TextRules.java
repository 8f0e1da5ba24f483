package dev.spaces.commons.validation;

/** Character-level rules shared by validators and by code that cleans names and slugs. */
public final class TextRules {

    private TextRules() {
    }

    /** True when the text holds no controls (beyond tab/CR/LF when multiline) and no unpaired surrogates. */
    public static boolean isClean(CharSequence text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!multiline) {
                    return false;
                }
                continue;
            }
            if (Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** Bidi overrides/isolates and zero-width characters: invisible and used for spoofing. */
    public static boolean isInvisibleFormatting(int codePoint) {
        return (codePoint >= 0x200B && codePoint <= 0x200F) || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069) || codePoint == 0xFEFF || codePoint == 0x2060
                || codePoint == 0x061C;
    }
}
