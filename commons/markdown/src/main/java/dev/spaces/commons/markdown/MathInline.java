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

    private String error;

    @Override
    public String error() {
        return error;
    }

    @Override
    public void markInvalid(String message) {
        this.error = message;
    }

    private String mathml;

    @Override
    public String mathml() {
        return mathml;
    }

    @Override
    public void renderedAs(String mathml) {
        this.mathml = mathml;
    }

    @Override
    public MathMode mode() {
        return mode;
    }
}
