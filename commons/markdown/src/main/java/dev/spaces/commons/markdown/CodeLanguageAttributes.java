package dev.spaces.commons.markdown;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Gives fenced code the {@code language-*} class highlighters expect, also for Pandoc/d2lbook attribute fences such as
 * {@code ```{.python .input}}, which CommonMark alone would turn into {@code language-{.python}.
 */
final class CodeLanguageAttributes implements AttributeProvider {

    private static final Pattern LANGUAGE = Pattern.compile("^\\{?\\s*\\.?([A-Za-z0-9_+#-]+)");

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof FencedCodeBlock code && tagName.equals("code")) {
            attributes.remove("class");
            Matcher language = LANGUAGE.matcher(code.getInfo() == null ? "" : code.getInfo());
            if (language.find()) {
                attributes.put("class", "language-" + language.group(1));
            }
        }
    }
}
