package dev.spaces.commons.markdown;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a formula sits in running text or on its own line. */
public enum MathMode {
    INLINE, DISPLAY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
