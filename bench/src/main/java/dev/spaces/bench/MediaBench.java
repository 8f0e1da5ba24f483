package dev.spaces.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Media library uploads through the gateway (issue 19), run by {@code bench/media/run.sh} against the stack of
 * {@code ./spaces up}:
 * <ul>
 *   <li>uploads of blog-sized images (photos 1600×1200 JPEG, diagrams 1000×700 PNG, every one distinct so the
 *   content-hash dedupe never answers) with all their renditions, by one client and by one client per core:
 *   images/s and milliseconds per image;</li>
 *   <li>a 100-megapixel photo (the default limit): time, and content-service's resident memory sampled every 20 ms
 *   before, at its peak and after — the renditions must not each copy the whole image.</li>
 * </ul>
 * Arguments: gateway URL, bearer token, content-service pid, report file, file to write the URL of a 768-px WebP
 * rendition to (the script serves it through the gateway and nginx with wrk).
 */
public final class MediaBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PHOTOS = 16;
    private static final int DIAGRAMS = 16;

    private MediaBench() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = args[1];
        long pid = Long.parseLong(args[2]);
        Path reportFile = Path.of(args[3]);
        Path renditionFile = Path.of(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(System.nanoTime()); // distinct bytes on every run: nothing is deduplicated
        int cores = Runtime.getRuntime().availableProcessors();

        List<byte[]> warmup = images(random, 4, 2);
        List<byte[]> serial = images(random, PHOTOS / 2, DIAGRAMS / 2);
        List<byte[]> parallel = images(random, PHOTOS, DIAGRAMS);
        StringBuilder report = new StringBuilder();
        line(report, "| measure | result |%n|---|---|%n");
        line(report, "| images | photos 1600×1200 JPEG (%d KB avg), diagrams 1000×700 PNG (%d KB avg), each "
                        + "distinct; every upload stores the original, a WebP copy and 320/768/1280 px renditions in "
                        + "both formats |%n",
                average(parallel.subList(0, PHOTOS)) / 1024, average(parallel.subList(PHOTOS, parallel.size())) / 1024);

        for (byte[] image : warmup) {
            upload(http, gateway, token, image);
        }
        long start = System.nanoTime();
        JsonNode last = null;
        for (byte[] image : serial) {
            last = upload(http, gateway, token, image);
        }
        double serialSeconds = (System.nanoTime() - start) / 1e9;
        line(report, "| one client | %.1f images/s (%.0f ms per image) |%n", serial.size() / serialSeconds,
                serialSeconds * 1000 / serial.size());

        ExecutorService pool = Executors.newFixedThreadPool(cores);
        AtomicLong next = new AtomicLong();
        start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            clients.add(pool.submit(() -> {
                for (long i; (i = next.getAndIncrement()) < parallel.size(); ) {
                    upload(http, gateway, token, parallel.get((int) i));
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        double parallelSeconds = (System.nanoTime() - start) / 1e9;
        line(report, "| %d clients | %.1f images/s (%.0f ms per image per client) |%n", cores,
                parallel.size() / parallelSeconds, parallelSeconds * 1000 * cores / parallel.size());

        String rendition = null;
        for (JsonNode file : last.path("files")) {
            if (file.path("width").asInt() == 768 && "image/webp".equals(file.path("mimeType").asText())) {
                rendition = file.path("url").asText();
            }
        }
        Files.writeString(renditionFile, rendition == null ? "" : rendition);

        // finer grain: the 100-megapixel photo must stay under the 20 MB upload limit
        byte[] huge = photo(random, 10_000, 10_000, 1);
        long before = rss(pid);
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(rss(pid), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        start = System.nanoTime();
        JsonNode big = upload(http, gateway, token, huge);
        double bigSeconds = (System.nanoTime() - start) / 1e9;
        sampling.set(false);
        sampler.join();
        Thread.sleep(2000);
        long after = rss(pid);
        line(report, "| 100-megapixel photo (10000×10000 JPEG, %.1f MB) | %.1f s for the upload and %d files; "
                        + "content-service RSS %d MB before, %d MB at peak (+%d MB), %d MB 2 s after |%n",
                huge.length / 1e6, bigSeconds, big.path("files").size(), before >> 20, peak.get() >> 20,
                (peak.get() - before) >> 20, after >> 20);
        String text = report.toString();
        System.out.print(text);
        Files.writeString(reportFile, text);
    }

    private static JsonNode upload(HttpClient http, String gateway, String token, byte[] image)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/media"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static List<byte[]> images(Random random, int photos, int diagrams) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            images.add(photo(random, 1600, 1200, 8));
        }
        for (int i = 0; i < diagrams; i++) {
            images.add(diagram(random, 1000, 700));
        }
        return images;
    }

    /** Smooth colour fields with grain: compresses like a photograph, not like a flat test card. */
    static byte[] photo(Random random, int width, int height, int grain) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt()), width, height, new Color(random.nextInt())));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
            int r = (int) (Math.min(width, height) * (0.05 + random.nextDouble() * 0.3));
            g.fillOval(random.nextInt(width), random.nextInt(height), r, r);
        }
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(2 * grain + 1) - grain;
                int p = row[x];
                row[x] = clamp((p >> 16 & 255) + noise) << 16 | clamp((p >> 8 & 255) + noise) << 8
                        | clamp((p & 255) + noise);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Lines, curves and labels on white with transparency around: a figure of a math article. */
    static byte[] diagram(Random random, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(20, 20, width - 40, height - 40);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
            g.drawLine(random.nextInt(width), random.nextInt(height), random.nextInt(width), random.nextInt(height));
            g.drawString("x" + i + " = " + random.nextInt(1000), random.nextInt(width - 100), 30 + random.nextInt(height - 40));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static long average(List<byte[]> images) {
        return images.stream().mapToLong(b -> b.length).sum() / Math.max(1, images.size());
    }

    /** Resident set size of a process, in bytes, from /proc (0 when it cannot be read). */
    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args));
    }
}
