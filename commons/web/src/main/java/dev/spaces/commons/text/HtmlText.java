package dev.spaces.commons.text;

/**
 * Plain text written into HTML: the five characters that could start markup or end an attribute value, escaped.
 * For the few places that build HTML by hand (search titles without a highlight, re-escaped highlight fragments);
 * templates escape on their own.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** The text as HTML; null stays null. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
