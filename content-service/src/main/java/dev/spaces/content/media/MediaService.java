package dev.spaces.content.media;

import dev.spaces.commons.http.PageResponse;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.content.media.api.MediaFileDto;
import dev.spaces.content.media.api.MediaPatch;
import dev.spaces.content.media.api.MediaResponse;
import dev.spaces.content.media.api.MediaUseDto;
import dev.spaces.content.media.storage.MediaStorage;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The media library: uploads (sniffed, checked, re-encoded, deduplicated), their words, listing, deletion. */
@ApplicationScoped
public class MediaService {

    /** Articles in these states are public or about to be: their images may not disappear. */
    private static final Set<String> BLOCKING_STATES = Set.of("PUBLISHED", "SCHEDULED");

    private final MediaRepository media;
    private final ImageProcessor processor;
    private final MediaStorage storage;
    private final MediaConfig config;

    public MediaService(MediaRepository media, ImageProcessor processor, MediaStorage storage, MediaConfig config) {
        this.media = media;
        this.processor = processor;
        this.storage = storage;
        this.config = config;
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "payload-too-large", "File too large",
                "The upload is larger than " + limit + " bytes (" + (limit / (1024 * 1024)) + " MB), the most a "
                        + "media file may have").with("maxBytes", limit);
    }

    public static void requireUploader(Caller caller) {
        if (!caller.canWrite()) {
            throw ProblemException.forbidden("Uploading and changing media needs the author, editor or admin role");
        }
    }

    /**
     * Stores an upload, or finds the item the same bytes made before. Decoding and encoding run outside any
     * transaction (they take seconds for large photos); the row is written at the end, after the files.
     */
    public UploadResult upload(Caller caller, byte[] bytes, String filename) {
        requireUploader(caller);
        if (bytes.length > config.maxBytes()) {
            throw tooLarge(config.maxBytes());
        }
        if (bytes.length == 0) {
            throw ProblemException.badRequest("The upload is empty: send the image as the 'file' part of a "
                    + "multipart/form-data body, or as the raw request body");
        }
        String uploadHash = ImageProcessor.sha256(bytes);
        MediaResponse existing = QuarkusTransaction.requiringNew().call(() ->
                media.findByUploadHash(uploadHash).map(item -> response(item, false)).orElse(null));
        if (existing != null) {
            return new UploadResult(existing, false);
        }
        ImageProcessor.Result result = processor.process(bytes);
        String name = ImageProcessor.urlName(filename);
        List<MediaFile> files = result.files().stream().map(e -> {
            String fileName = name + (e.original() ? "" : "-" + e.width() + "w") + "." + e.format().extension();
            try {
                storage.put(e.hash(), e.bytes(), e.format().mimeType());
            } catch (IOException ex) {
                throw new UncheckedIOException("Could not store a media file", ex);
            }
            return new MediaFile(e.hash(), fileName, e.format().mimeType(), e.width(), e.height(), e.bytes().length,
                    e.original());
        }).toList();
        String storedName = filename == null || filename.isBlank() ? name + "." + result.format().extension()
                : clip(filename.replaceAll(".*[/\\\\]", "").strip(), 255);
        try {
            MediaResponse created = QuarkusTransaction.requiringNew().call(() -> {
                MediaItem item = new MediaItem();
                item.uploadHash = uploadHash;
                item.mimeType = result.format().mimeType();
                item.filename = storedName;
                item.width = result.width();
                item.height = result.height();
                item.files = List.copyOf(files);
                item.bytes = item.original().bytes();
                item.uploadedBy = caller.subject();
                item.createdAt = Instant.now();
                item.updatedAt = item.createdAt;
                media.persistAndFlush(item);
                return response(item, false);
            });
            return new UploadResult(created, true);
        } catch (PersistenceException e) {
            // the same bytes were uploaded at the same moment and the other upload's row won (unique upload_hash);
            // its files have the same hashes, so nothing is left over
            MediaResponse winner = QuarkusTransaction.requiringNew().call(() ->
                    media.findByUploadHash(uploadHash).map(item -> response(item, false)).orElse(null));
            if (winner == null) {
                throw e;
            }
            return new UploadResult(winner, false);
        }
    }

    @Transactional
    public MediaResponse get(long id) {
        return response(find(id), true);
    }

    @Transactional
    public PageResponse<MediaResponse> list(String mimeType, String text, int page, int size) {
        long total = media.count(mimeType, text);
        List<MediaResponse> items = total <= (long) (page - 1) * size ? List.of()
                : media.page(mimeType, text, page, size).stream().map(item -> response(item, false)).toList();
        return PageResponse.of(items, page, size, total);
    }

    @Transactional
    public MediaResponse update(Caller caller, long id, MediaPatch patch) {
        MediaItem item = find(id);
        requireEditable(caller, item);
        if (patch.alt() != null) {
            item.alt = patch.alt().isBlank() ? null : patch.alt().strip();
        }
        if (patch.caption() != null) {
            item.caption = patch.caption().isBlank() ? null : patch.caption().strip();
        }
        item.updatedAt = Instant.now();
        media.flush();
        return response(item, true);
    }

    /** 409 while a published (or scheduled) article uses it; the files go once no other item shares them. */
    public void delete(Caller caller, long id) {
        List<String> orphaned = QuarkusTransaction.requiringNew().call(() -> {
            MediaItem item = find(id);
            requireEditable(caller, item);
            List<MediaRepository.Use> blocking = media.usage(item).stream()
                    .filter(use -> BLOCKING_STATES.contains(use.status())).toList();
            if (!blocking.isEmpty()) {
                throw new ProblemException(409, "media-in-use", "Media in use",
                        "Media " + id + " is used by " + blocking.size() + " published or scheduled article(s): "
                                + blocking.stream().map(u -> "#" + u.id() + " " + u.title())
                                .collect(Collectors.joining(", "))
                                + ". Remove it from them (or unpublish them) first")
                        .with("usedBy", blocking.stream().map(MediaService::use).toList());
            }
            List<String> hashes = item.files.stream().map(MediaFile::hash).distinct()
                    .filter(hash -> !media.fileHashUsedElsewhere(hash, item.id)).toList();
            media.delete(item);
            return hashes;
        });
        for (String hash : orphaned) {
            try {
                storage.delete(hash);
            } catch (IOException e) {
                // the row is gone, so the file can no longer be reached; a leftover blob only takes space
                Log.warnf("Could not delete media file %s: %s", hash, e.getMessage());
            }
        }
    }

    /** The file a serving URL names, or 404 (also when the name does not match: one URL per file). */
    @Transactional
    public MediaFile file(String hash, String name) {
        if (!hash.matches("[0-9a-f]{64}")) {
            throw ProblemException.notFound("Media file " + hash);
        }
        return media.findByFileHash(hash).flatMap(item -> item.files.stream()
                        .filter(f -> f.hash().equals(hash) && f.name().equals(name)).findFirst())
                .orElseThrow(() -> ProblemException.notFound("Media file " + hash + "/" + name));
    }

    /** {@code length} bytes of the file from {@code offset}; the caller closes the stream. */
    public InputStream open(MediaFile file, long offset, long length) {
        try {
            return storage.read(file.hash(), offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read media file " + file.hash(), e);
        }
    }

    private MediaItem find(long id) {
        return media.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Media " + id));
    }

    private static void requireEditable(Caller caller, MediaItem item) {
        requireUploader(caller);
        if (!caller.isEditor() && !caller.subject().equals(item.uploadedBy)) {
            throw ProblemException.forbidden("Only the uploader or an editor may change or delete media " + item.id);
        }
    }

    private MediaResponse response(MediaItem item, boolean withUsage) {
        List<MediaFileDto> files = item.files.stream()
                .sorted(Comparator.comparing(MediaFile::mimeType).thenComparingInt(MediaFile::width))
                .map(f -> new MediaFileDto(url(f), f.mimeType(), f.width(), f.height(), f.bytes(), f.hash(),
                        f.original()))
                .toList();
        Map<String, String> srcset = new LinkedHashMap<>();
        for (MediaFileDto f : files) {
            srcset.merge(f.mimeType(), f.url() + " " + f.width() + "w", (a, b) -> a + ", " + b);
        }
        List<MediaUseDto> usedBy = withUsage ? media.usage(item).stream().map(MediaService::use).toList() : null;
        return new MediaResponse(item.id, item.uploadHash, item.mimeType, item.filename, item.width, item.height,
                item.bytes, item.alt, item.caption, url(item.original()), files, srcset, usedBy, item.createdAt,
                item.updatedAt);
    }

    private static MediaUseDto use(MediaRepository.Use use) {
        return new MediaUseDto(use.id(), use.title(), use.slug(), use.status().toLowerCase(java.util.Locale.ROOT));
    }

    public static String url(MediaFile file) {
        return "/media/" + file.hash() + "/" + file.name();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
