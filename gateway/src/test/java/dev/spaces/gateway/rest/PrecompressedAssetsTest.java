package dev.spaces.gateway.rest;

import org.junit.jupiter.api.Test;

import static dev.spaces.gateway.rest.PrecompressedAssets.accepts;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading Accept-Encoding as RFC 9110 §12.5.3 says: a listed coding, or the wildcard, unless its weight is 0. */
class PrecompressedAssetsTest {

    @Test
    void aCodingIsAcceptedWhenListedOrCoveredByTheWildcardAndNotWeightedZero() {
        assertThat(accepts("gzip, deflate, br, zstd", "br")).isTrue();
        assertThat(accepts("GZIP;q=0.5", "gzip")).isTrue();
        assertThat(accepts("br;q=0", "br")).isFalse();
        assertThat(accepts("br; q=0.000, gzip", "br")).isFalse();
        assertThat(accepts("br;q=0.001", "br")).isTrue();
        assertThat(accepts("*", "br")).isTrue();
        assertThat(accepts("*;q=0, gzip", "br")).isFalse();
        assertThat(accepts("*, br;q=0", "br")).isFalse();
        assertThat(accepts("identity", "gzip")).isFalse();
        assertThat(accepts("", "gzip")).isFalse();
        assertThat(accepts(null, "gzip")).isFalse();
    }
}
