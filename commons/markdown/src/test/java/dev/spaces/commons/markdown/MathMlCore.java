package dev.spaces.commons.markdown;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Checks MathML against MathML Core (https://www.w3.org/TR/mathml-core/), independently of the sanitizer's list: the
 * markup must be well-formed XML in the MathML namespace, and every element one MathML Core defines.
 */
final class MathMlCore {

    static final String NAMESPACE = "http://www.w3.org/1998/Math/MathML";
    /** MathML Core's elements, less maction and annotation-xml, which the issue keeps out. */
    static final Set<String> ELEMENTS = Set.of("math", "semantics", "annotation", "merror", "mfrac", "mi",
            "mmultiscripts", "mn", "mo", "mover", "mpadded", "mphantom", "mprescripts", "mroot", "mrow", "ms", "mspace",
            "msqrt", "mstyle", "msub", "msubsup", "msup", "mtable", "mtd", "mtext", "mtr", "munder", "munderover",
            "none");

    private MathMlCore() {
    }

    /** The problems found: empty when the markup is well-formed MathML Core. */
    static List<String> problems(String mathml) {
        List<String> problems = new ArrayList<>();
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // the sanitizer writes characters as numeric references, which XML reads; no DTD is wanted
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(mathml))).getDocumentElement();
        } catch (Exception e) {
            return List.of("not well-formed: " + e.getMessage());
        }
        collect(root, problems);
        return problems;
    }

    private static void collect(Element element, List<String> problems) {
        if (!NAMESPACE.equals(element.getNamespaceURI())) {
            problems.add(element.getTagName() + " is not in the MathML namespace");
        }
        if (!ELEMENTS.contains(element.getLocalName())) {
            problems.add(element.getLocalName() + " is not a MathML Core element");
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                collect(nested, problems);
            }
        }
    }
}
