package dev.spaces.search.analysis.lucene;

import dev.spaces.search.analysis.latex.LatexLexer;
import dev.spaces.search.analysis.latex.LatexToken;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;

/** Lucene face of {@link LatexLexer}: one formula per field value, raw TeX tokens with their offsets. */
public final class LatexTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Iterator<LatexToken> tokens;
    private int finalOffset;

    @Override
    public boolean incrementToken() throws IOException {
        if (tokens == null) {
            String formula = readAll(input);
            tokens = LatexLexer.lex(formula).iterator();
            finalOffset = correctOffset(formula.length());
        }
        if (!tokens.hasNext()) {
            return false;
        }
        LatexToken token = tokens.next();
        clearAttributes();
        term.append(token.text());
        offset.setOffset(correctOffset(token.start()), correctOffset(token.end()));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        tokens = null;
        finalOffset = 0;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1024];
        for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }
}
