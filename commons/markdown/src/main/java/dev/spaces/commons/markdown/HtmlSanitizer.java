package dev.spaces.commons.markdown;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-lists rendered HTML passes through. Raw HTML in Markdown reaches this point unfiltered, so everything not
 * listed here (scripts, event handlers, style, {@code javascript:} and {@code data:} URLs) is dropped.
 */
final class HtmlSanitizer {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}\\p{M}_-]{1,200}");
    private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

    private static final PolicyFactory ARTICLE = common()
            .allowElements(HEADINGS)
            .allowElements((name, attributes) -> attributes.contains("src") ? name : null, "img")
            .allowAttributes("src").matching(urlWithScheme("http:", "https:", "")).onElements("img")
            .allowAttributes("alt", "title").onElements("img")
            .allowAttributes("href").onElements("a")
            .allowAttributes("id").matching(ID).onElements(HEADINGS)
            // footnotes: references and back-references are same-page links
            .allowAttributes("id").matching(ID).onElements("a", "li")
            .allowAttributes("class").matching(Pattern.compile("footnotes")).onElements("section")
            .allowAttributes("class").matching(Pattern.compile("footnote-ref")).onElements("sup")
            .allowAttributes("class").matching(Pattern.compile("footnote-backref")).onElements("a")
            .requireRelsOnLinks("noopener")
            .toFactory();

    /** Comments: no images, no ids (many comments share a page), h1–h3 become h4, only absolute links. */
    private static final PolicyFactory COMMENT = common()
            .allowElements((name, attributes) -> {
                attributes.clear();
                return "h4";
            }, "h1", "h2", "h3")
            .allowElements("h4", "h5", "h6")
            .allowAttributes("href").matching(urlWithScheme("http:", "https:", "mailto:")).onElements("a")
            .requireRelsOnLinks("ugc", "nofollow", "noopener")
            .toFactory();

    private HtmlSanitizer() {
    }

    static String sanitize(String html, HtmlPolicy policy) {
        return (policy == HtmlPolicy.ARTICLE ? ARTICLE : COMMENT).sanitize(html);
    }

    private static HtmlPolicyBuilder common() {
        return new HtmlPolicyBuilder()
                .allowElements("p", "br", "hr", "em", "strong", "del", "sup", "sub", "blockquote",
                        "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "pre", "code",
                        "a", "span", "div", "section")
                .allowAttributes("start").matching(Pattern.compile("\\d{1,9}")).onElements("ol")
                .allowAttributes("align").matching(Pattern.compile("left|center|right")).onElements("th", "td")
                .allowAttributes("class").matching(Pattern.compile("language-[\\w+#-]{1,40}")).onElements("code")
                // one class rule per element: OWASP keeps only the last matcher given for an attribute
                .allowAttributes("class").matching(Pattern.compile("math (inline|display)|math-error"))
                .onElements("span", "div")
                .allowAttributes("title").onElements("a", "span", "div")
                .allowUrlProtocols("http", "https", "mailto");
    }

    /** Accepts URLs with one of the schemes; {@code ""} admits relative URLs. */
    private static AttributePolicy urlWithScheme(String... schemes) {
        return (element, attribute, value) -> {
            Matcher scheme = SCHEME.matcher(value.strip());
            String found = scheme.find() ? scheme.group().toLowerCase(Locale.ROOT) : "";
            for (String allowed : schemes) {
                if (allowed.equals(found)) {
                    return value;
                }
            }
            return null;
        };
    }
}
