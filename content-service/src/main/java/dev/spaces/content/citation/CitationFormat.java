package dev.spaces.content.citation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Citation formats and the media type each is served as (also used for Accept negotiation). */
public enum CitationFormat {
    TEXT("text", "text/plain"),
    BIBTEX("bibtex", "application/x-bibtex"),
    BIBLATEX("biblatex", "application/x-biblatex"),
    RIS("ris", "application/x-research-info-systems"),
    CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json"),
    GBT7714("gbt7714", "text/x-gbt7714");

    private final String parameter;
    private final String mediaType;

    CitationFormat(String parameter, String mediaType) {
        this.parameter = parameter;
        this.mediaType = mediaType;
    }

    public String parameter() {
        return parameter;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<CitationFormat> byParameter(String value) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(value.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static Optional<CitationFormat> byMediaType(String value) {
        return Arrays.stream(values()).filter(f -> f.mediaType.equalsIgnoreCase(value)).findFirst();
    }
}
