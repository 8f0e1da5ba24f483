package dev.spaces.commons.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading sanitized HTML in assertions: the sanitizer encodes characters such as {@code =} and {@code +}. */
final class Html {

    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);");
    private static final Pattern MATH = Pattern.compile("<(span|div) class=\"math (inline|display)\">(.*?)</\\1>",
            Pattern.DOTALL);

    private Html() {
    }

    /** Replaces character references by the characters. */
    static String decode(String html) {
        Matcher entity = ENTITY.matcher(html);
        StringBuilder decoded = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String character = switch (name) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1)));
            };
            entity.appendReplacement(decoded, Matcher.quoteReplacement(character));
        }
        return entity.appendTail(decoded).toString();
    }

    /** The math elements of the HTML, decoded, as {@code element.mode:content}, e.g. {@code span.inline:\(x\)}. */
    static List<String> math(String html) {
        List<String> found = new ArrayList<>();
        Matcher math = MATH.matcher(html);
        while (math.find()) {
            found.add(math.group(1) + "." + math.group(2) + ":" + decode(math.group(3)));
        }
        return found;
    }
}
