package dev.spaces.content.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The image types the library accepts, told apart by their first bytes (never by name or declared type). */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    GIF("image/gif", "gif", "gif"),
    WEBP("image/webp", "webp", "webp");

    private final String mimeType;
    private final String extension;
    private final String imageIoName;

    ImageFormat(String mimeType, String extension, String imageIoName) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.imageIoName = imageIoName;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    String imageIoName() {
        return imageIoName;
    }

    public static ImageFormat ofMimeType(String mimeType) {
        for (ImageFormat format : values()) {
            if (format.mimeType.equalsIgnoreCase(mimeType)) {
                return format;
            }
        }
        throw new IllegalArgumentException("no image format for " + mimeType);
    }

    /** What the first bytes say; {@link Sniffed#kind()} names refused kinds so the answer can explain itself. */
    public static Sniffed sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return new Sniffed(JPEG, "JPEG");
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return new Sniffed(PNG, "PNG");
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return new Sniffed(GIF, "GIF");
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return new Sniffed(WEBP, "WebP");
        }
        // ISO base media file (HEIF family): "ftyp" box at offset 4, then the major brand
        if (ascii(b, 4, "ftyp") && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            if (brand.equals("avif") || brand.equals("avis")) {
                return new Sniffed(null, "AVIF");
            }
            if (brand.startsWith("hei") || brand.startsWith("mif") || brand.equals("heix")) {
                return new Sniffed(null, "HEIC");
            }
        }
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1)
                .replaceFirst("^\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("<svg"))
                || (head.startsWith("<!--") && head.contains("<svg")) || head.contains("<!doctype svg")) {
            return new Sniffed(null, "SVG");
        }
        return new Sniffed(null, null);
    }

    /** @param format the accepted format, or null; @param kind what the bytes are, when known */
    public record Sniffed(ImageFormat format, String kind) {
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String text) {
        int[] expected = text.chars().toArray();
        return startsWith(b, offset, expected);
    }
}
