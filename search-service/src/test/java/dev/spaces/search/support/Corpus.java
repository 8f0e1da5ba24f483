package dev.spaces.search.support;

import dev.spaces.commons.markdown.HtmlPolicy;
import dev.spaces.commons.markdown.MarkdownPipeline;
import dev.spaces.commons.markdown.MathFormula;
import dev.spaces.commons.markdown.PipelineSettings;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.search.client.SearchDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The d2l-zh chapters as content-service would publish them: rendered by the commons Markdown pipeline (plain
 * text without formulas, the formula list, the excerpt), one article per chapter file, ids in path order.
 */
public final class Corpus {

    private static final Pattern HEADING = Pattern.compile("(?m)^#\\s+(.+?)\\s*$");
    private static final Instant FIRST_DAY = Instant.parse("2021-01-01T08:00:00Z");
    private static List<SearchDocument> documents;
    private static Map<String, Long> ids;

    private Corpus() {
    }

    public static synchronized List<SearchDocument> documents() {
        if (documents == null) {
            load();
        }
        return documents;
    }

    /** Article id of a chapter path such as {@code chapter_optimization/adam.md}. */
    public static synchronized long id(String path) {
        documents();
        Long id = ids.get(path);
        if (id == null) {
            throw new IllegalArgumentException("No chapter " + path);
        }
        return id;
    }

    public static synchronized Map<String, Long> ids() {
        documents();
        return ids;
    }

    private static void load() {
        Path root = Path.of(System.getProperty("spaces.shared.dir", "../../shared"), "corpus", "d2l-zh");
        List<Path> chapters;
        try (Stream<Path> files = Files.walk(root)) {
            chapters = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SearchDocument> result = new ArrayList<>();
        Map<String, Long> pathIds = new java.util.HashMap<>();
        try (MarkdownPipeline pipeline = new MarkdownPipeline(PipelineSettings.defaults())) {
            long id = 0;
            for (Path chapter : chapters) {
                id++;
                String relative = root.relativize(chapter).toString();
                String markdown = Files.readString(chapter);
                Matcher heading = HEADING.matcher(markdown);
                String title = heading.find() ? heading.group(1) : relative;
                RenderedDocument rendered = pipeline.render(markdown, HtmlPolicy.ARTICLE, false);
                String folder = relative.substring(0, relative.indexOf('/'));
                Instant published = FIRST_DAY.plus(id, ChronoUnit.DAYS);
                result.add(new SearchDocument(id, 1, "d2l-" + id, title, rendered.plainText(),
                        rendered.formulas().stream().map(MathFormula::tex).toList(),
                        rendered.plainText().substring(0, Math.min(200, rendered.plainText().length())),
                        new SearchDocument.Term("d2l-zh", "动手学深度学习"),
                        List.of(new SearchDocument.Term("d2l", "d2l"), new SearchDocument.Term(folder.replace('_', '-'), folder)),
                        new SearchDocument.Term(folder.replace('_', '-'), folder), new SearchDocument.Author("d2l", "d2l"),
                        published, published, id * 7 % 500, "https://spaces.test/articles/" + id));
                pathIds.put(relative, id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents = List.copyOf(result);
        ids = Map.copyOf(pathIds);
    }
}
