package dev.spaces.e2e.support.browser;

/**
 * A minimal reader-site page around HTML the API returned: a mobile viewport and the stylesheet of the classes the
 * README documents ({@code .math.display} scrolls sideways inside the text column; {@code .math-error} shows TeX
 * that did not parse) and a math font, as a reader site names one (browsers stretch brackets and big operators only
 * with a font that has an OpenType MATH table). Nothing else: no script, no web font, no framework.
 */
public final class ReaderPage {

    public static final String STYLESHEET = """
            body{margin:0 auto;max-width:46rem;padding:1rem;font:18px/1.7 serif;overflow-wrap:break-word}
            .math.display{display:block;overflow-x:auto;overflow-y:hidden;margin:1em 0}
            .math-error{color:#b00;font-family:monospace}
            math{font-family:"Latin Modern Math","TeX Gyre Termes Math","STIX Two Math","DejaVu Math TeX Gyre",math}
            pre{overflow-x:auto}
            img{max-width:100%}
            """;

    private ReaderPage() {
    }

    /** A whole document: {@code head} is extra markup for the head (a test's own script), may be empty. */
    public static String html(String title, String head, String body) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width">
                <title>%s</title>
                <style>%s</style>
                %s
                </head>
                <body>
                %s
                </body>
                </html>
                """.formatted(escape(title), STYLESHEET, head, body);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
