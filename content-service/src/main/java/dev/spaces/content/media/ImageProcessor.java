package dev.spaces.content.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import dev.spaces.commons.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Turns untrusted upload bytes into the files the library serves: sniffs the type, checks the pixel count from the
 * header before decoding, decodes, applies the EXIF orientation, and encodes anew — the stored original and every
 * rendition are fresh encodings of the pixels, so no metadata (GPS, camera serials, XMP, comments) and nothing
 * appended to or hidden in the upload (polyglots) survives.
 */
@ApplicationScoped
public class ImageProcessor {

    /**
     * Markup or script in an image file means it is meant to be read as something else too (polyglot). The markers
     * are long enough (with their delimiters) that compressed pixel data almost never contains one by chance;
     * XMP packets ({@code <?xpacket}, {@code <x:xmpmeta}) are not markers.
     */
    private static final Pattern POLYGLOT_MARKERS = Pattern.compile(
            "<script|<html[\\s>]|<body[\\s>]|<iframe|<svg[\\s>]|<!doctype|<\\?php|javascript:",
            Pattern.CASE_INSENSITIVE);

    private final MediaConfig config;
    private final boolean webpWriter;
    /** libwebp's limit on either side of an image. */
    private static final int WEBP_MAX_SIDE = 16383;
    private final Semaphore working;

    public ImageProcessor(MediaConfig config) {
        this.config = config;
        // the bytes are in memory already: no copy of every upload in a temporary file (/tmp is small, and
        // read-only elsewhere, in the containers)
        ImageIO.setUseCache(false);
        this.working = new Semaphore(Math.max(1, config.processingMegapixels()), true);
        this.webpWriter = config.webp() && webpWriterWorks();
    }

    /** An encoded file: the stored original or a rendition. */
    public record Encoded(byte[] bytes, ImageFormat format, int width, int height, String hash, boolean original) {
    }

    public record Result(ImageFormat format, int width, int height, List<Encoded> files) {
    }

    public boolean writesWebp() {
        return webpWriter;
    }

    public ImageFormat accept(byte[] upload) {
        ImageFormat.Sniffed sniffed = ImageFormat.sniff(upload);
        if (sniffed.format() == null) {
            throw refused(sniffed.kind());
        }
        if (POLYGLOT_MARKERS.matcher(new String(upload, StandardCharsets.ISO_8859_1)).find()) {
            throw new ProblemException(415, "polyglot-image", "Image refused",
                    "The file starts like a " + sniffed.kind() + " image but also contains markup or script "
                            + "(a polyglot file that a browser could read as HTML or SVG); it is refused");
        }
        return sniffed.format();
    }

    public Result process(byte[] upload) {
        ImageFormat format = accept(upload);
        ImageReader reader = reader(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            // the header alone: a few bytes can declare a canvas that would take gigabytes to decode
            long width;
            long height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw undecodable(format, e.getMessage());
            }
            if (width <= 0 || height <= 0) {
                throw undecodable(format, "it declares no size");
            }
            if (width * height > config.maxPixels()) {
                throw new ProblemException(422, "image-too-many-pixels", "Image has too many pixels",
                        "The image declares " + width + " × " + height + " = " + (width * height)
                                + " pixels; at most " + config.maxPixels() + " are accepted (it was not decoded)")
                        .with("width", width).with("height", height).with("maxPixels", config.maxPixels());
            }
            int subsampling = subsampling(width, height, config.maxStoredPixels());
            long stored = ceilDiv(width, subsampling) * ceilDiv(height, subsampling);
            int permits = (int) Math.min(Math.max(1, config.processingMegapixels()),
                    Math.max(1, ceilDiv(stored, 1_000_000)));
            working.acquire(permits);
            try {
                return transcode(upload, format, decode(reader, format, subsampling));
            } finally {
                working.release(permits);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to process an upload", e);
        } catch (IOException e) {
            throw undecodable(format, e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    /** The smallest whole factor that brings width × height under {@code maxStored} (1: the image as it is). */
    static int subsampling(long width, long height, long maxStored) {
        int factor = 1;
        while (ceilDiv(width, factor) * ceilDiv(height, factor) > maxStored) {
            factor++;
        }
        return factor;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private Result transcode(byte[] upload, ImageFormat format, BufferedImage decoded) {
        BufferedImage image = decoded;
        if (format == ImageFormat.JPEG) {
            image = orient(image, exifOrientation(upload));
        }
        List<Encoded> files = new ArrayList<>();
        files.add(encode(image, format, true));
        if (webp(image) && format != ImageFormat.WEBP) {
            files.add(encode(image, ImageFormat.WEBP, true));
        }
        // widest first, each scaled from the one before: the stored image is halved once, not once per width
        BufferedImage source = image;
        for (int width : config.widths().stream().sorted(Comparator.reverseOrder()).distinct().toList()) {
            if (width >= image.getWidth()) {
                continue;
            }
            BufferedImage scaled = scale(source, width);
            files.add(encode(scaled, format, false));
            if (webp(scaled) && format != ImageFormat.WEBP) {
                files.add(encode(scaled, ImageFormat.WEBP, false));
            }
            source = scaled;
        }
        files.sort(Comparator.comparing((Encoded file) -> !file.original()).thenComparing(Encoded::width));
        return new Result(format, image.getWidth(), image.getHeight(), files);
    }

    /** WebP copies where the encoder works and the format allows the size (at most 16383 pixels a side). */
    private boolean webp(BufferedImage image) {
        return webpWriter && image.getWidth() <= WEBP_MAX_SIDE && image.getHeight() <= WEBP_MAX_SIDE;
    }

    private static ProblemException refused(String kind) {
        if ("SVG".equals(kind)) {
            return new ProblemException(415, "unsupported-image-type", "Image type not accepted",
                    "SVG is not accepted: an SVG is a document that can carry scripts and links. "
                            + "Upload it as PNG or WebP instead");
        }
        if ("AVIF".equals(kind) || "HEIC".equals(kind)) {
            return new ProblemException(415, "unsupported-image-type", "Image type not accepted",
                    kind + " is not accepted yet: no maintained Java library decodes it. "
                            + "Upload JPEG, PNG, WebP or GIF");
        }
        return new ProblemException(415, "unsupported-image-type", "Image type not accepted",
                "The file is not a JPEG, PNG, WebP or GIF image (its type is read from its first bytes, "
                        + "not from its name or Content-Type)");
    }

    /** Every {@code subsampling}-th pixel of every {@code subsampling}-th row: the stored image, never more. */
    private BufferedImage decode(ImageReader reader, ImageFormat format, int subsampling) {
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            return normalize(reader.read(0, param), format);
        } catch (IOException | RuntimeException e) {
            throw undecodable(format, e.getMessage());
        }
    }

    private static ProblemException undecodable(ImageFormat format, String why) {
        return new ProblemException(422, "undecodable-image", "Image cannot be read",
                "The file starts like a " + format.name() + " image but cannot be decoded"
                        + (why == null || why.isBlank() ? "" : " (" + why + ")"));
    }

    /**
     * The reader for untrusted bytes. WebP and JPEG: TwelveMonkeys, pure Java, so that decoding an attacker's file
     * never runs native code (the native libwebp writer only ever sees pixels we decoded ourselves).
     */
    private static ImageReader reader(ImageFormat format) {
        ImageReader fallback = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.imageIoName()); it.hasNext(); ) {
            ImageReader candidate = it.next();
            String name = candidate.getClass().getName();
            boolean preferred = switch (format) {
                case JPEG, WEBP -> name.startsWith("com.twelvemonkeys.");
                case PNG, GIF -> name.startsWith("com.sun.imageio.");
            };
            if (preferred) {
                return candidate;
            }
            if (fallback == null && !name.startsWith("com.luciad.")) {
                fallback = candidate;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no pure-Java ImageIO reader for " + format);
        }
        return fallback;
    }

    /**
     * RGB for JPEG (no alpha channel there), ARGB for the others; also drops indexed and CMYK colour models. A JPEG
     * decoded as 3-byte BGR stays so: no second copy of a large photo (4 bytes a pixel more).
     */
    private static BufferedImage normalize(BufferedImage image, ImageFormat format) {
        int type = format == ImageFormat.JPEG || !image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
        if (image.getType() == type || (type == BufferedImage.TYPE_INT_RGB
                && image.getType() == BufferedImage.TYPE_3BYTE_BGR)) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    /** The EXIF Orientation tag of a JPEG (1 = as stored), 1 when absent or unreadable. */
    static int exifOrientation(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return 1;
            }
            InputStream data = segments.get(0).data();
            if (data.read() < 0) { // the pad byte after "Exif\0"
                return 1;
            }
            try (ImageInputStream exif = ImageIO.createImageInputStream(data)) {
                Directory directory = new TIFFReader().read(exif);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                    return n.intValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            Log.debugf("Unreadable EXIF, orientation ignored: %s", e.getMessage());
        }
        return 1;
    }

    /** Applies an EXIF orientation (TIFF 6.0 tag 274) so that the pixels stand as the camera meant them. */
    static BufferedImage orient(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h, src.getType());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = src.getRGB(x, y);
                switch (orientation) {
                    case 2 -> dst.setRGB(w - 1 - x, y, rgb);           // mirrored
                    case 3 -> dst.setRGB(w - 1 - x, h - 1 - y, rgb);   // upside down
                    case 4 -> dst.setRGB(x, h - 1 - y, rgb);           // mirrored vertically
                    case 5 -> dst.setRGB(y, x, rgb);                   // transposed
                    case 6 -> dst.setRGB(h - 1 - y, x, rgb);           // turned 90° clockwise
                    case 7 -> dst.setRGB(h - 1 - y, w - 1 - x, rgb);   // transversed
                    case 8 -> dst.setRGB(y, w - 1 - x, rgb);           // turned 90° counter-clockwise
                    default -> dst.setRGB(x, y, rgb);
                }
            }
        }
        return dst;
    }

    /** Down to {@code width}, halving first while that stays above it (one bilinear step loses detail). */
    static BufferedImage scale(BufferedImage src, int width) {
        int height = Math.max(1, (int) Math.round((double) src.getHeight() * width / src.getWidth()));
        BufferedImage current = src;
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2));
        }
        return draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage src, int width, int height) {
        BufferedImage dst = new BufferedImage(width, height, src.getType());
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    private Encoded encode(BufferedImage image, ImageFormat format, boolean original) {
        byte[] bytes = write(image, format, config.quality());
        return new Encoded(bytes, format, image.getWidth(), image.getHeight(), sha256(bytes), original);
    }

    private static byte[] write(BufferedImage image, ImageFormat format, float quality) {
        ImageWriter writer = writer(format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG || format == ImageFormat.WEBP) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                if (format == ImageFormat.WEBP) {
                    param.setCompressionType("Lossy");
                }
                param.setCompressionQuality(quality);
            }
            // no metadata is passed: the encoders write none beyond what the format needs (JFIF, IHDR, …)
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ImageWriter writer(ImageFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.mimeType());
        if (!writers.hasNext()) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return writers.next();
    }

    /** libwebp is loaded through JNI: where it cannot load (another platform, a locked-down JVM), no WebP copies. */
    private static boolean webpWriterWorks() {
        try {
            BufferedImage probe = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
            byte[] bytes = write(probe, ImageFormat.WEBP, 0.5f);
            return ImageFormat.sniff(bytes).format() == ImageFormat.WEBP;
        } catch (RuntimeException | LinkageError e) {
            Log.warnf("No WebP renditions: the WebP encoder does not work here (%s)", e.toString());
            return false;
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name part of a file's URL: ASCII, lower case, no path, at most 60 characters. */
    public static String urlName(String filename) {
        String base = filename == null ? "" : filename.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        return base.isEmpty() ? "image" : base;
    }
}
