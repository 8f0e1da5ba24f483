package dev.spaces.commons.markdown;

import org.commonmark.node.CustomBlock;

/** Display math that starts a line: {@code $$…$$}, {@code \[…\]} or a bare environment. */
final class MathBlock extends CustomBlock implements MathNode {

    private TexSource source;

    /** Set once the closing delimiter has been read. */
    void setSource(TexSource source) {
        this.source = source;
    }

    @Override
    public TexSource source() {
        return source;
    }

    private final Outcome outcome = new Outcome();

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public MathMode mode() {
        return MathMode.DISPLAY;
    }
}
