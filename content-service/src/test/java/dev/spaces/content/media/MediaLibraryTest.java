package dev.spaces.content.media;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.as;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The media library (issue 19) over HTTP, against real PostgreSQL and the filesystem storage. */
@QuarkusTest
class MediaLibraryTest {

    private static final AtomicInteger SEED = new AtomicInteger((int) (System.nanoTime() % 97));
    private static final String MEDIA = "/api/v1/media";

    static int seed() {
        return SEED.incrementAndGet();
    }

    static ValidatableResponse upload(RequestSpecification who, byte[] bytes, String filename, String declaredType) {
        return who.contentType("multipart/form-data").multiPart("file", filename, bytes, declaredType)
                .post(MEDIA).then();
    }

    static JsonPath uploaded(byte[] bytes, String filename, String declaredType) {
        return upload(author(), bytes, filename, declaredType).statusCode(201).extract().jsonPath();
    }

    /** Widths of the files of one MIME type, narrowest first. */
    static List<Integer> widths(JsonPath media, String mimeType) {
        return media.getList("files.findAll { it.mimeType == '" + mimeType + "' }.width", Integer.class);
    }

    static byte[] download(String url) {
        return anonymous().get(url).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void anAuthorUploadsJpegPngWebpAndGifAndGetsRenditionsNarrowerThanTheOriginal() {
        JsonPath jpeg = uploaded(TestImages.jpeg(1600, 900, seed()), "Sea Side.JPG", "image/jpeg");
        assertThat(jpeg.getString("mimeType")).isEqualTo("image/jpeg");
        assertThat(jpeg.getInt("width")).isEqualTo(1600);
        assertThat(jpeg.getInt("height")).isEqualTo(900);
        assertThat(widths(jpeg, "image/jpeg")).containsExactly(320, 768, 1280, 1600);
        assertThat(widths(jpeg, "image/webp")).containsExactly(320, 768, 1280, 1600);
        assertThat(jpeg.getList("files.findAll { it.width == 320 }.height", Integer.class)).containsOnly(180);
        assertThat(jpeg.getList("files.findAll { it.width == 768 }.height", Integer.class)).containsOnly(432);
        assertThat(jpeg.getString("srcset.'image/jpeg'")).contains(" 320w, ").endsWith(" 1600w");
        assertThat(jpeg.getString("srcset.'image/webp'")).contains(".webp 768w");
        assertThat(jpeg.getString("url")).matches("/media/[0-9a-f]{64}/sea-side\\.jpg");
        assertThat(jpeg.getString("hash")).matches("[0-9a-f]{64}");
        assertThat(jpeg.getString("filename")).isEqualTo("Sea Side.JPG");

        // every rendition is what it says: its own dimensions and type, decodable
        for (Map<String, Object> file : jpeg.<Map<String, Object>>getList("files")) {
            byte[] bytes = download((String) file.get("url"));
            assertThat(bytes.length).isEqualTo(((Number) file.get("bytes")).intValue());
            BufferedImage image = TestImages.decode(bytes);
            assertThat(image.getWidth()).isEqualTo(file.get("width"));
            assertThat(image.getHeight()).isEqualTo(file.get("height"));
            assertThat(ImageFormat.sniff(bytes).format().mimeType()).isEqualTo(file.get("mimeType"));
        }

        JsonPath png = uploaded(TestImages.png(800, 600, seed()), "diagram.png", "image/png");
        assertThat(png.getString("mimeType")).isEqualTo("image/png");
        assertThat(widths(png, "image/png")).containsExactly(320, 768, 800);
        assertThat(png.getList("files.findAll { it.width == 768 }.height", Integer.class)).containsOnly(576);

        JsonPath webp = uploaded(TestImages.webp(1000, 500, seed()), "shot.webp", "image/webp");
        assertThat(webp.getString("mimeType")).isEqualTo("image/webp");
        assertThat(widths(webp, "image/webp")).containsExactly(320, 768, 1000);

        JsonPath gif = uploaded(TestImages.gif(300, 200, seed()), "anim.gif", "image/gif");
        assertThat(gif.getString("mimeType")).isEqualTo("image/gif");
        assertThat(widths(gif, "image/gif")).containsExactly(300); // nothing narrower than 320 to make
        assertThat(widths(gif, "image/webp")).containsExactly(300);
    }

    @Test
    void theTypeIsSniffedFromTheBytesNotTakenFromTheNameOrTheDeclaredType() {
        JsonPath lying = uploaded(TestImages.png(200, 100, seed()), "photo.jpg", "image/jpeg");
        assertThat(lying.getString("mimeType")).isEqualTo("image/png");
        assertThat(lying.getString("url")).endsWith("/photo.png");
        anonymous().get(lying.getString("url")).then().statusCode(200).contentType("image/png");

        // the raw body variant, with a Content-Type that says nothing about images
        author().contentType("text/plain").body(TestImages.gif(120, 80, seed()))
                .queryParam("filename", "笔记.txt")
                .post(MEDIA).then().statusCode(201)
                .body("mimeType", equalTo("image/gif"))
                .body("filename", equalTo("笔记.txt"))
                .body("url", endsWith("/image.gif")); // URLs keep to ASCII

        // and an image type cannot be claimed for bytes that are not one
        upload(author(), "just some text, not an image at all".getBytes(StandardCharsets.UTF_8), "x.png", "image/png")
                .statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("not a JPEG, PNG, WebP or GIF"));
    }

    @Test
    void svgIsRefusedAsAScriptCarrierAndAvifBecauseNothingReadsIt() {
        byte[] svg = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(document.cookie)</script></svg>").getBytes(StandardCharsets.UTF_8);
        upload(author(), svg, "logo.png", "image/png").statusCode(415)
                .contentType("application/problem+json")
                .body("type", endsWith("/unsupported-image-type"))
                .body("detail", containsString("SVG is not accepted"));
        byte[] avif = TestImages.concat(new byte[] {0, 0, 0, 0x1C, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f', 0, 0, 0, 0},
                new byte[64]);
        upload(author(), avif, "photo.avif", "image/avif").statusCode(415)
                .body("detail", containsString("AVIF is not accepted"));
    }

    @Test
    void aPolyglotImageIsRefused() {
        // a valid PNG with an HTML page behind its IEND: a browser sniffing it as HTML would run the script
        byte[] polyglot = TestImages.concat(TestImages.png(64, 64, seed()),
                "<html><body><script>fetch('/api/v1/media')</script></body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(TestImages.decode(polyglot).getWidth()).isEqualTo(64); // image viewers show it fine
        upload(author(), polyglot, "cat.png", "image/png").statusCode(415)
                .contentType("application/problem+json")
                .body("type", endsWith("/polyglot-image"))
                .body("detail", containsString("markup or script"));
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedWith413() {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        byte[] header = TestImages.png(16, 16, seed());
        System.arraycopy(header, 0, big, 0, header.length);
        author().contentType("application/octet-stream").body(big).post(MEDIA).then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("larger than 20971520 bytes (20 MB)"));
        upload(author(), big, "huge.png", "image/png").statusCode(413)
                .contentType("application/problem+json");
        // exactly at the limit is accepted (a PNG with zeros behind its end decodes)
        author().contentType("application/octet-stream").body(Arrays.copyOf(big, 20 * 1024 * 1024))
                .post(MEDIA).then().statusCode(201).body("width", equalTo(16));
    }

    @Test
    void aPixelBombIsRefusedFromItsHeaderBeforeDecoding() {
        byte[] bomb = TestImages.pngHeader(100_000, 100_000);
        assertThat(bomb.length).isLessThan(100);
        long started = System.nanoTime();
        upload(author(), bomb, "bomb.png", "image/png").statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/image-too-many-pixels"))
                .body("detail", containsString("100000 × 100000 = 10000000000 pixels"))
                .body("detail", containsString("at most 100000000"))
                .body("detail", containsString("not decoded"));
        // 10^10 pixels would take 40 GB and minutes to decode; the header answer is immediate
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        // a header within the limit gets past that check (and fails on its one empty IDAT instead)
        upload(author(), TestImages.pngHeader(100, 100), "small.png", "image/png").statusCode(422)
                .body("type", endsWith("/undecodable-image"));
    }

    @Test
    void theExifOrientationIsAppliedAndGpsAndAllOtherMetadataAreGone() throws Exception {
        // 40 × 20, red left, blue right, stored sideways: orientation 6 = turn 90° clockwise to view
        byte[] photo = TestImages.withExif(TestImages.jpeg(40, 20, seed()), 6);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif");
        assertThat(JPEGSegmentUtil.readSegments(ImageIO.createImageInputStream(new ByteArrayInputStream(photo)),
                JPEG.APP1, "Exif")).hasSize(1);
        assertThat(ImageProcessor.exifOrientation(photo)).isEqualTo(6);

        JsonPath media = uploaded(photo, "IMG_0001.JPG", "image/jpeg");
        assertThat(media.getInt("width")).isEqualTo(20);
        assertThat(media.getInt("height")).isEqualTo(40);

        byte[] stored = download(media.getString("url"));
        assertThat(JPEGSegmentUtil.readSegments(ImageIO.createImageInputStream(new ByteArrayInputStream(stored)),
                JPEG.APP1, "Exif")).isEmpty();
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("MM\0*");
        BufferedImage image = TestImages.decode(stored);
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        // what was the left (red) is now the top, the right (blue) the bottom
        assertThat(closeTo(new Color(image.getRGB(10, 5)), TestImages.LEFT)).isTrue();
        assertThat(closeTo(new Color(image.getRGB(10, 34)), TestImages.RIGHT)).isTrue();
    }

    private static boolean closeTo(Color actual, Color expected) {
        return Math.abs(actual.getRed() - expected.getRed()) < 40 && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }

    @Test
    void theSameBytesAreStoredOnce() {
        byte[] bytes = TestImages.png(500, 300, seed());
        JsonPath first = uploaded(bytes, "a.png", "image/png");
        JsonPath again = upload(editor(), bytes, "b-other-name.png", "image/png").statusCode(200).extract().jsonPath();
        assertThat(again.getLong("id")).isEqualTo(first.getLong("id"));
        assertThat(again.getString("hash")).isEqualTo(first.getString("hash"));
        assertThat(again.getString("filename")).isEqualTo("a.png");
        assertThat(first.getString("hash")).isEqualTo(ImageProcessor.sha256(bytes));
        // one different byte is another image
        byte[] other = TestImages.png(500, 300, seed());
        assertThat(uploaded(other, "c.png", "image/png").getLong("id")).isNotEqualTo(first.getLong("id"));
    }

    @Test
    void altTextAndCaptionCanBeEditedByTheUploaderAndEditors() {
        long id = uploaded(TestImages.png(100, 100, seed()), "x.png", "image/png").getLong("id");
        author().body(Map.of("alt", "欧拉公式的图示", "caption", "图 1:$e^{i\\pi}+1=0$")).patch(MEDIA + "/" + id)
                .then().statusCode(200).body("alt", equalTo("欧拉公式的图示")).body("caption", equalTo("图 1:$e^{i\\pi}+1=0$"));
        anonymous().get(MEDIA + "/" + id).then().statusCode(200).body("alt", equalTo("欧拉公式的图示"));
        // omitted fields stay, "" clears
        editor().body(Map.of("caption", "")).patch(MEDIA + "/" + id).then().statusCode(200)
                .body("alt", equalTo("欧拉公式的图示")).body("caption", nullValue());
        as("someone-else", "author").body(Map.of("alt", "mine now")).patch(MEDIA + "/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        author().body(Map.of("alt", "x".repeat(501))).patch(MEDIA + "/" + id).then().statusCode(422);
        author().body(Map.of("alt", "y")).patch(MEDIA + "/999999999").then().statusCode(404);
    }

    @Test
    void theListIsPagedNewestFirstAndFiltersByTypeAndText() {
        String word = unique("filterword").replace(' ', '-');
        long a = uploaded(TestImages.png(50, 50, seed()), word + "-one.png", "image/png").getLong("id");
        long b = uploaded(TestImages.jpeg(50, 50, seed()), "two.jpg", "image/jpeg").getLong("id");
        long c = uploaded(TestImages.gif(50, 50, seed()), "three.gif", "image/gif").getLong("id");
        author().body(Map.of("alt", "about " + word.toUpperCase())).patch(MEDIA + "/" + b).then().statusCode(200);
        author().body(Map.of("caption", "caption with " + word)).patch(MEDIA + "/" + c).then().statusCode(200);

        Response page1 = anonymous().queryParam("q", word).queryParam("size", 2).get(MEDIA);
        page1.then().statusCode(200)
                .body("total", equalTo(3)).body("totalPages", equalTo(2)).body("size", equalTo(2))
                .body("items.id", equalTo(List.of((int) c, (int) b)))
                .header("Link", containsString("rel=\"next\""))
                .header("X-Total-Count", "3");
        anonymous().queryParam("q", word).queryParam("size", 2).queryParam("page", 2).get(MEDIA).then()
                .body("items.id", equalTo(List.of((int) a)));
        anonymous().queryParam("q", word).queryParam("type", "image/jpeg").get(MEDIA).then()
                .body("items.id", equalTo(List.of((int) b)));
        anonymous().queryParam("type", "image/png").get(MEDIA).then()
                .body("items.mimeType", not(hasItem("image/gif")));
        anonymous().queryParam("type", "image/svg+xml").get(MEDIA).then().statusCode(400);
        // % and _ are letters here, not wildcards
        anonymous().queryParam("q", "%").get(MEDIA).then().body("total", equalTo(0));
    }

    @Test
    void deletingIsRefusedWhileAPublishedArticleUsesItAndAllowedOtherwise() {
        JsonPath media = uploaded(TestImages.png(400, 300, seed()), "figure.png", "image/png");
        long id = media.getLong("id");
        long article = author().body(Map.of("title", unique("带图的文章"),
                        "markdown", "如图所示:\n\n![欧拉](media:" + id + ")\n\n$e^{i\\pi}+1=0$"))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        // a draft that uses it does not hold it
        anonymous().get(MEDIA + "/" + id).then().statusCode(200).body("usedBy.id", equalTo(List.of((int) article)))
                .body("usedBy[0].status", equalTo("draft"));
        author().post("/api/v1/articles/" + article + "/publish").then().statusCode(200);
        // media:<id> followed by a digit is another item
        JsonPath other = uploaded(TestImages.png(40, 30, seed()), "other.png", "image/png");
        anonymous().get(MEDIA + "/" + other.getLong("id")).then().body("usedBy", equalTo(List.of()));

        author().delete(MEDIA + "/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/media-in-use"))
                .body("detail", containsString("#" + article))
                .body("usedBy[0].id", equalTo((int) article));
        anonymous().get(media.getString("url")).then().statusCode(200);

        author().post("/api/v1/articles/" + article + "/unpublish").then().statusCode(200);
        as("someone-else", "author").delete(MEDIA + "/" + id).then().statusCode(403);
        author().delete(MEDIA + "/" + id).then().statusCode(204);
        anonymous().get(MEDIA + "/" + id).then().statusCode(404).contentType("application/problem+json");
        anonymous().get(media.getString("url")).then().statusCode(404);
        author().delete(MEDIA + "/" + id).then().statusCode(404);
    }

    @Test
    void aCoverImageThatPointsAtAFileCountsAsUse() {
        JsonPath media = uploaded(TestImages.jpeg(900, 600, seed()), "cover.jpg", "image/jpeg");
        String rendition = media.getString("files.find { it.width == 768 && it.mimeType == 'image/webp' }.url");
        long article = author().body(Map.of("title", unique("封面"), "markdown", "正文",
                        "coverImages", List.of(Map.of("url", rendition, "alt", "封面"))))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        author().post("/api/v1/articles/" + article + "/publish").then().statusCode(200);
        anonymous().get(MEDIA + "/" + media.getLong("id")).then().body("usedBy.id", hasItem((int) article));
        editor().delete(MEDIA + "/" + media.getLong("id")).then().statusCode(409);
    }

    @Test
    void filesAreServedImmutableWithEtagConditionalsAndByteRanges() {
        JsonPath media = uploaded(TestImages.png(300, 200, seed()), "ranges.png", "image/png");
        String url = media.getString("url");
        String hash = url.split("/")[2];
        byte[] whole = download(url);
        anonymous().get(url).then().statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + hash + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", String.valueOf(whole.length));
        assertThat(ImageProcessor.sha256(whole)).isEqualTo(hash);

        anonymous().head(url).then().statusCode(200).contentType("image/png")
                .header("ETag", "\"" + hash + "\"")
                .header("Content-Length", String.valueOf(whole.length));

        anonymous().header("If-None-Match", "\"" + hash + "\"").get(url).then().statusCode(304)
                .header("ETag", "\"" + hash + "\"");
        anonymous().header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);

        byte[] first = anonymous().header("Range", "bytes=0-9").get(url).then().statusCode(206)
                .header("Content-Range", "bytes 0-9/" + whole.length)
                .header("Content-Length", "10")
                .contentType("image/png")
                .extract().asByteArray();
        assertThat(first).isEqualTo(Arrays.copyOfRange(whole, 0, 10));
        byte[] tail = anonymous().header("Range", "bytes=-7").get(url).then().statusCode(206)
                .header("Content-Range", "bytes " + (whole.length - 7) + "-" + (whole.length - 1) + "/" + whole.length)
                .extract().asByteArray();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(whole, whole.length - 7, whole.length));
        byte[] open = anonymous().header("Range", "bytes=100-").get(url).then().statusCode(206)
                .extract().asByteArray();
        assertThat(open).isEqualTo(Arrays.copyOfRange(whole, 100, whole.length));
        anonymous().header("Range", "bytes=" + whole.length + "-").get(url).then().statusCode(416)
                .header("Content-Range", "bytes */" + whole.length)
                .contentType("application/problem+json");
        // If-Range with another validator: the whole file
        anonymous().header("Range", "bytes=0-9").header("If-Range", "\"old\"").get(url).then().statusCode(200);

        // one URL per file: another name or an unknown hash is 404
        anonymous().get("/media/" + hash + "/other-name.png").then().statusCode(404);
        anonymous().get("/media/" + "0".repeat(64) + "/ranges.png").then().statusCode(404);
        anonymous().get("/media/../../etc/passwd").then().statusCode(404);
    }

    @Test
    void anonymousUploadsAre401AndReadersAre403() {
        byte[] bytes = TestImages.png(30, 30, seed());
        upload(anonymous(), bytes, "a.png", "image/png").statusCode(401);
        upload(as("reader", "member"), bytes, "a.png", "image/png").statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("author, editor or admin"));
        as("reader", "member").contentType("image/png").body(bytes).post(MEDIA).then().statusCode(403);
        anonymous().contentType("image/png").body(bytes).post(MEDIA).then().statusCode(401);
        long id = uploaded(bytes, "a.png", "image/png").getLong("id");
        anonymous().body(Map.of("alt", "x")).patch(MEDIA + "/" + id).then().statusCode(401);
        as("reader", "member").delete(MEDIA + "/" + id).then().statusCode(403);
        // reads are public
        anonymous().get(MEDIA + "/" + id).then().statusCode(200);
        anonymous().get(MEDIA).then().statusCode(200);
    }
}
