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
 * <p>
 * Both policies allow the MathML the formula renderer writes, and nothing more: the elements of MathML Core that
 * KaTeX produces (no {@code maction}, {@code annotation-xml}, {@code mglyph}, {@code menclose}, {@code semantics}
 * other than with a TeX annotation), their presentation attributes with value patterns, and inline styles made of a
 * few layout properties with values that cannot hold a URL, a function or an escape. This also applies to MathML a
 * writer types as raw HTML. The sanitizer escapes every {@code <} in text and drops every element that switches the
 * HTML parser into raw text ({@code style}, {@code script}, {@code xmp} …) or into SVG, so output cannot parse into a
 * different tree in a browser (the mutation-XSS patterns in {@code MathMlSafetyTest}).
 */
final class HtmlSanitizer {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}\\p{M}_-]{1,200}");
    private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

    static final String[] MATHML_ELEMENTS = {"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms",
        "mspace", "mtext", "merror", "mfrac", "mpadded", "mphantom", "mroot", "msqrt", "mstyle", "mmultiscripts",
        "mprescripts", "none", "mover", "munder", "munderover", "msub", "msup", "msubsup", "mtable", "mtr", "mtd"};
    private static final Pattern BOOLEAN = Pattern.compile("true|false");
    private static final Pattern LENGTH = Pattern.compile("[+-]?(?:\\d{1,6}(?:\\.\\d{0,6})?|\\.\\d{1,6})(?:em|ex|px|pt|%)?");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{3,8}|[A-Za-z]{1,20}");
    /** Layout properties of the renderer's tables, boxes and strikes; values of words, numbers, units and #colors. */
    private static final Pattern STYLE = Pattern.compile("(?:(?:text-align|width|padding(?:-(?:left|right|top|bottom))?"
            + "|border(?:-(?:left|right|top|bottom))?|text-decoration)\\s*:\\s*[a-z0-9.%# -]{1,40}(?:;\\s*|$))+");

    /**
     * {@code /media/<hash>/<name> <width>w, …}: only the media library's own files (the sanitizer's srcset handling
     * writes the separator as {@code " , "}).
     */
    private static final String MEDIA_FILE = "/media/[A-Za-z0-9._~%-]{1,100}/[A-Za-z0-9._~%-]{1,100} \\d{1,5}w";
    private static final Pattern SRCSET = Pattern.compile(MEDIA_FILE + "(?: ?, " + MEDIA_FILE + "){0,20}");

    private static final PolicyFactory MATHML = mathMl(new HtmlPolicyBuilder()).toFactory();

    private static final PolicyFactory ARTICLE = common()
            .allowElements(HEADINGS)
            .allowElements((name, attributes) -> attributes.contains("src") ? name : null, "img")
            .allowAttributes("src").matching(urlWithScheme("http:", "https:", "")).onElements("img")
            .allowAttributes("alt", "title").onElements("img")
            // media library images: srcset of the library's own files, intrinsic size, lazy loading; as a figure
            .allowAttributes("srcset").matching(SRCSET).onElements("img")
            .allowAttributes("sizes").matching(Pattern.compile("[a-z0-9(): ,.%-]{1,100}")).onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,5}")).onElements("img")
            .allowAttributes("loading").matching(Pattern.compile("lazy|eager")).onElements("img")
            .allowAttributes("decoding").matching(Pattern.compile("async|sync|auto")).onElements("img")
            .allowElements("figure", "figcaption")
            .allowAttributes("class").matching(Pattern.compile("media")).onElements("figure")
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

    /** The MathML allow-list alone, for one formula's markup. */
    static String sanitizeMathMl(String mathml) {
        return MATHML.sanitize(mathml);
    }

    private static HtmlPolicyBuilder mathMl(HtmlPolicyBuilder builder) {
        return builder
                .allowElements(MATHML_ELEMENTS)
                .allowAttributes("xmlns").matching(Pattern.compile("http://www\\.w3\\.org/1998/Math/MathML"))
                .onElements("math")
                .allowAttributes("display").matching(Pattern.compile("block|inline")).onElements("math")
                .allowAttributes("encoding").matching(Pattern.compile("application/x-tex")).onElements("annotation")
                .allowAttributes("mathvariant").matching(Pattern.compile("normal")).onElements("mi")
                .allowAttributes("fence", "separator", "stretchy", "symmetric", "largeop", "movablelimits")
                .matching(BOOLEAN).onElements("mo")
                .allowAttributes("lspace", "rspace", "minsize", "maxsize").matching(LENGTH).onElements("mo")
                .allowAttributes("form").matching(Pattern.compile("prefix|infix|postfix")).onElements("mo")
                .allowAttributes("linethickness").matching(LENGTH).onElements("mfrac")
                .allowAttributes("accent").matching(BOOLEAN).onElements("mover", "munderover")
                .allowAttributes("accentunder").matching(BOOLEAN).onElements("munder", "munderover")
                .allowAttributes("width", "height", "depth", "lspace", "voffset").matching(LENGTH)
                .onElements("mpadded")
                .allowAttributes("width", "height", "depth").matching(LENGTH).onElements("mspace")
                .allowAttributes("columnspan", "rowspan").matching(Pattern.compile("[1-9]\\d{0,2}")).onElements("mtd")
                .allowAttributes("dir").matching(Pattern.compile("ltr|rtl")).onElements(MATHML_ELEMENTS)
                .allowAttributes("displaystyle").matching(BOOLEAN).onElements(MATHML_ELEMENTS)
                .allowAttributes("scriptlevel").matching(Pattern.compile("[+-]?\\d")).onElements(MATHML_ELEMENTS)
                .allowAttributes("mathcolor", "mathbackground").matching(COLOR).onElements(MATHML_ELEMENTS)
                .allowAttributes("mathsize").matching(LENGTH).onElements(MATHML_ELEMENTS)
                .allowAttributes("style").matching(STYLE).onElements(MATHML_ELEMENTS);
    }

    private static HtmlPolicyBuilder common() {
        return mathMl(new HtmlPolicyBuilder())
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
