package dev.spaces.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Images over the stored-pixel threshold are decoded subsampled, so the full raster of a huge upload is never in
 * memory, and WebP copies are made only where libwebp allows the size. Plain unit tests: the processor alone, with
 * thresholds small enough to stay fast.
 */
class BigImageTest {

    @Test
    void theSubsamplingFactorIsTheSmallestThatBringsTheImageUnderTheThreshold() {
        assertThat(ImageProcessor.subsampling(6000, 4000, 24_000_000)).isEqualTo(1);
        assertThat(ImageProcessor.subsampling(10_000, 10_000, 24_000_000)).isEqualTo(3); // 2 leaves 25 MP
        assertThat(ImageProcessor.subsampling(10_000, 10_000, 25_000_000)).isEqualTo(2);
        assertThat(ImageProcessor.subsampling(100_000, 1, 24_000_000)).isEqualTo(1);
        assertThat(ImageProcessor.subsampling(2001, 1001, 500_000)).isEqualTo(3); // rounded up: 1001 × 501 > 500 k
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/jpeg", "image/png", "image/webp", "image/gif"})
    void anImageOverTheThresholdIsStoredSubsampledInEveryFormat(String mimeType) {
        ImageProcessor processor = new ImageProcessor(config(600_000));
        byte[] upload = TestImages.encode(TestImages.picture(2000, 1000, 7), mimeType);

        ImageProcessor.Result result = processor.process(upload);

        assertThat(result.width()).isEqualTo(1000);
        assertThat(result.height()).isEqualTo(500);
        ImageProcessor.Encoded original = result.files().getFirst();
        assertThat(original.original()).isTrue();
        BufferedImage stored = TestImages.decode(original.bytes());
        assertThat(stored.getWidth()).isEqualTo(1000);
        // still the same picture: red left, blue right
        assertThat(stored.getRGB(100, 250) >> 16 & 0xff).isGreaterThan(200);
        assertThat(stored.getRGB(900, 250) & 0xff).isGreaterThan(200);
        assertThat(result.files().stream().filter(f -> !f.original()).map(ImageProcessor.Encoded::width))
                .contains(320, 768).doesNotContain(1280);
    }

    @Test
    void noWebpCopyIsMadeOfAnImageWiderThanWebpAllows() {
        ImageProcessor processor = new ImageProcessor(config(24_000_000));
        byte[] upload = TestImages.png(17_000, 20, 3);

        ImageProcessor.Result result = processor.process(upload);

        assertThat(result.width()).isEqualTo(17_000);
        List<ImageProcessor.Encoded> originals = result.files().stream().filter(ImageProcessor.Encoded::original)
                .toList();
        assertThat(originals).extracting(f -> f.format().mimeType()).containsExactly("image/png");
        if (processor.writesWebp()) {
            assertThat(result.files()).anyMatch(f -> !f.original() && f.format() == ImageFormat.WEBP
                    && f.width() == 1280);
        }
    }

    private static MediaConfig config(long maxStoredPixels) {
        return new MediaConfig() {
            @Override public long maxBytes() { return 20 << 20; }
            @Override public long maxPixels() { return 100_000_000; }
            @Override public long maxStoredPixels() { return maxStoredPixels; }
            @Override public int processingMegapixels() { return 48; }
            @Override public List<Integer> widths() { return List.of(320, 768, 1280); }
            @Override public float quality() { return 0.85f; }
            @Override public boolean webp() { return true; }
            @Override public Storage storage() { return Storage.FILESYSTEM; }
            @Override public Filesystem filesystem() { return () -> "target/media-unit"; }
            @Override public S3 s3() { return null; }
        };
    }
}
