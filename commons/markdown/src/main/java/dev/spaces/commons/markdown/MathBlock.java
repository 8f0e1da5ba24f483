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
        return MathMode.DISPLAY;
    }
}
