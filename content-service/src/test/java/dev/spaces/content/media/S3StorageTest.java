package dev.spaces.content.media;

import dev.spaces.content.media.storage.S3Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.author;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The media library on S3 storage, against a real S3-compatible server (S3Mock) on loopback. */
@QuarkusTest
@TestProfile(S3StorageTest.OnS3.class)
class S3StorageTest {

    /** content-service with spaces.media.storage=s3 pointed at S3Mock (its own application instance). */
    public static class OnS3 implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3MockTestResource.class));
        }
    }

    private static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = S3Storage.client(Optional.of(S3MockTestResource.endpoint()), "us-east-1", true,
                Optional.of(S3MockTestResource.ACCESS_KEY), Optional.of(S3MockTestResource.SECRET_KEY));
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    private static byte[] object(String key) {
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(S3MockTestResource.BUCKET).key(key));
        return bytes.asByteArray();
    }

    @Test
    void uploadedFilesRoundTripThroughTheBucketAndLeaveItWhenDeleted() {
        JsonPath media = MediaLibraryTest.uploaded(TestImages.jpeg(900, 600, MediaLibraryTest.seed()), "s3.jpg",
                "image/jpeg");
        List<Map<String, Object>> files = media.getList("files");
        assertThat(files).extracting(f -> f.get("width")).contains(320, 768, 900);

        for (Map<String, Object> file : files) {
            String hash = (String) file.get("hash");
            // the bucket holds each file under its hash, with its type, and the API serves those very bytes
            HeadObjectResponse head = s3.headObject(b -> b.bucket(S3MockTestResource.BUCKET).key(hash));
            assertThat(head.contentType()).isEqualTo(file.get("mimeType"));
            byte[] stored = object(hash);
            assertThat(ImageProcessor.sha256(stored)).isEqualTo(hash);
            byte[] served = anonymous().get((String) file.get("url")).then().statusCode(200)
                    .header("ETag", "\"" + hash + "\"").extract().asByteArray();
            assertThat(served).isEqualTo(stored);
        }

        // ranges are read from S3 as ranges
        String url = media.getString("url");
        byte[] whole = object(media.getString("files.find { it.original && it.mimeType == 'image/jpeg' }.hash"));
        byte[] middle = anonymous().header("Range", "bytes=100-199").get(url).then().statusCode(206)
                .header("Content-Range", "bytes 100-199/" + whole.length).extract().asByteArray();
        assertThat(middle).isEqualTo(Arrays.copyOfRange(whole, 100, 200));

        author().delete("/api/v1/media/" + media.getLong("id")).then().statusCode(204);
        for (Map<String, Object> file : files) {
            String hash = (String) file.get("hash");
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket(S3MockTestResource.BUCKET).key(hash)))
                    .isInstanceOfAny(NoSuchKeyException.class, S3Exception.class);
            anonymous().get((String) file.get("url")).then().statusCode(404);
        }
    }
}
