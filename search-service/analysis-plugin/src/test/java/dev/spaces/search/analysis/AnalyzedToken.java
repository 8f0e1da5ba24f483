package dev.spaces.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A token as Lucene hands it to the index, read with the full TokenStream contract (reset, end, close). */
public record AnalyzedToken(String term, int position, int start, int end) {

    public static List<AnalyzedToken> analyze(Analyzer analyzer, String text) {
        return read(analyzer.tokenStream("field", text));
    }

    /** Runs {@code tokenizer} on {@code text}, then the filters {@code chain} builds on top of it. */
    public static List<AnalyzedToken> analyze(Tokenizer tokenizer, Function<TokenStream, TokenStream> chain, String text) {
        tokenizer.setReader(new StringReader(text));
        return read(chain.apply(tokenizer));
    }

    public static List<String> terms(List<AnalyzedToken> tokens) {
        return tokens.stream().map(AnalyzedToken::term).toList();
    }

    private static List<AnalyzedToken> read(TokenStream stream) {
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            List<AnalyzedToken> tokens = new ArrayList<>();
            int position = -1;
            stream.reset();
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new AnalyzedToken(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
