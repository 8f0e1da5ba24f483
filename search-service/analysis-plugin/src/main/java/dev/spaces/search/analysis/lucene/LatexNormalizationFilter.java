package dev.spaces.search.analysis.lucene;

import dev.spaces.search.analysis.latex.LatexNormalizer;
import dev.spaces.search.analysis.latex.LatexToken;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Lucene face of {@link LatexNormalizer}, placed after {@link LatexTokenizer}. Normalization looks ahead (a
 * font command's braces, an ignored argument), so the filter reads the whole formula first, then replays the
 * result with consecutive positions: no gaps where presentation tokens were dropped, ready for shingles.
 */
public final class LatexNormalizationFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Iterator<LatexToken> normalized;

    public LatexNormalizationFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (normalized == null) {
            normalized = LatexNormalizer.normalize(readInput()).iterator();
        }
        if (!normalized.hasNext()) {
            return false;
        }
        LatexToken token = normalized.next();
        clearAttributes();
        term.append(token.text());
        offset.setOffset(token.start(), token.end());
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        normalized = null;
    }

    private List<LatexToken> readInput() throws IOException {
        List<LatexToken> tokens = new ArrayList<>();
        while (input.incrementToken()) {
            tokens.add(new LatexToken(term.toString(), offset.startOffset(), offset.endOffset()));
        }
        return tokens;
    }
}
