package dev.spaces.e2e.support.html;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nu HTML checker (vnu, {@code nu.validator:validator} from Maven Central, the checker behind validator.w3.org/nu)
 * run in-process: the HTML parser plus the HTML5 schema with its Schematron and Java assertions, the same checks as
 * its command line without a JVM per page. One instance checks documents one after the other (the checker keeps
 * state per document and is not thread-safe).
 */
public final class NuChecker {

    /** The full HTML schema (HTML + SVG + MathML + ITS + RDFa Lite), as vnu's command line uses by default. */
    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

    public record Message(String kind, int line, int column, String text, String source) {
        @Override
        public String toString() {
            return "%s %d:%d %s%n      at: %s".formatted(kind, line, column, text, source);
        }
    }

    private final List<SAXParseException> errors = new ArrayList<>();
    private final List<SAXParseException> warnings = new ArrayList<>();
    private final SimpleDocumentValidator validator;

    public NuChecker() {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                warnings.add(e);
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e);
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e);
            }
        };
        try {
            // (initialize the schema, validate CSS in style attributes too, no entity loading)
            validator = new SimpleDocumentValidator(true, false, false);
            validator.setUpMainSchema(SCHEMA, collect);
            validator.setUpValidatorAndParsers(collect, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu checker could not be set up", e);
        }
    }

    /** Every error in the document (fatal ones included); warnings go to {@link #warnings}. */
    public synchronized Result check(String html) {
        errors.clear();
        warnings.clear();
        InputSource in = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        in.setEncoding("UTF-8");
        try {
            validator.checkHtmlInputSource(in);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu checker failed on the document", e);
        }
        List<String> lines = html.lines().toList();
        return new Result(errors.stream().map(e -> message("error", e, lines)).toList(),
                warnings.stream().map(e -> message("warning", e, lines)).toList());
    }

    public record Result(List<Message> errors, List<Message> warnings) {
    }

    private static Message message(String kind, SAXParseException e, List<String> lines) {
        int line = e.getLineNumber();
        int column = e.getColumnNumber();
        String source = "";
        if (line >= 1 && line <= lines.size()) {
            String text = lines.get(line - 1);
            int at = Math.max(0, Math.min(text.length(), column - 1));
            source = text.substring(Math.max(0, at - 100), Math.min(text.length(), at + 60)).strip();
        }
        return new Message(kind, line, column, e.getMessage(), source);
    }
}
