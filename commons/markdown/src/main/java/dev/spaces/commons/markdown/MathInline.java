package dev.spaces.commons.markdown;

import org.commonmark.node.CustomNode;

/** A formula inside a paragraph; display math written mid-paragraph ({@code a $$x$$ b}) keeps display mode. */
final class MathInline extends CustomNode implements MathNode {

    private final TexSource source;
    private final MathMode mode;

    MathInline(TexSource source, MathMode mode) {
        this.source = source;
        this.mode = mode;
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
        return mode;
    }
}
