package dev.spaces.content.media.storage;

import dev.spaces.content.media.MediaConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The one storage {@code spaces.media.storage} names. */
@ApplicationScoped
public class StorageProducer {

    @Produces
    @ApplicationScoped
    MediaStorage storage(MediaConfig config) {
        MediaStorage storage = switch (config.storage()) {
            case FILESYSTEM -> filesystem(config);
            case S3 -> s3(config);
        };
        Log.infof("Media files are stored in %s", storage.describe());
        return storage;
    }

    void close(@Disposes MediaStorage storage) throws IOException {
        if (storage instanceof Closeable closeable) {
            closeable.close();
        }
    }

    private static MediaStorage filesystem(MediaConfig config) {
        try {
            return new FilesystemStorage(Path.of(config.filesystem().directory()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the media directory " + config.filesystem().directory(), e);
        }
    }

    private static MediaStorage s3(MediaConfig config) {
        MediaConfig.S3 s3 = config.s3();
        S3Storage storage = new S3Storage(S3Storage.client(s3.endpoint(), s3.region(), s3.pathStyle(),
                s3.accessKeyId(), s3.secretAccessKey()), s3.bucket(), s3.prefix().orElse(""));
        storage.ensureBucket();
        return storage;
    }
}
