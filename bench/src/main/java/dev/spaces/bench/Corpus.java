package dev.spaces.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The d2l-zh chapters (Chinese Markdown with LaTeX) from the shared folder, read from system property
 * {@code spaces.shared.dir} (default {@code ../shared}, i.e. beside the project when run from its root).
 */
record Corpus(List<String> documents, long bytes) {

    static Corpus load() {
        Path root = Path.of(System.getProperty("spaces.shared.dir", "../shared"), "corpus", "d2l-zh");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> documents = files.filter(file -> file.toString().endsWith(".md")).sorted()
                    .map(Corpus::read).toList();
            if (documents.isEmpty()) {
                throw new IllegalStateException("No Markdown under " + root.toAbsolutePath());
            }
            long bytes = documents.stream().mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length).sum();
            return new Corpus(documents, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
