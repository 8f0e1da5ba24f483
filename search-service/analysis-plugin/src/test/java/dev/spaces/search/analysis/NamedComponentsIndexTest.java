package dev.spaces.search.analysis;

import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch finds a stable plugin's components through {@code named_components.json} (its Gradle build
 * generates it). We keep it checked in; this test scans the compiled classes and fails when it is stale.
 */
class NamedComponentsIndexTest {

    private static final Path INDEX = Path.of("src/main/plugin/named_components.json");
    private static final List<Class<?>> EXTENSIBLES =
            List.of(AnalyzerFactory.class, CharFilterFactory.class, TokenFilterFactory.class, TokenizerFactory.class);

    @Test
    void indexListsEveryNamedComponent() throws Exception {
        String expected = render(scanNamedComponents());
        assertThat(Files.readString(INDEX))
                .as("%s is stale; replace it with:%n%s", INDEX, expected)
                .isEqualTo(expected);
    }

    /** extensible interface → component name → class, sorted so the file is deterministic. */
    private static SortedMap<String, SortedMap<String, String>> scanNamedComponents() throws IOException, URISyntaxException {
        Path classes = Path.of(NamedComponentsIndexTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes");
        SortedMap<String, SortedMap<String, String>> index = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Class<?> type : files.filter(f -> f.toString().endsWith(".class")).map(f -> load(classes, f)).toList()) {
                NamedComponent named = type.getAnnotation(NamedComponent.class);
                if (named == null) {
                    continue;
                }
                for (Class<?> extensible : EXTENSIBLES) {
                    if (extensible.isAssignableFrom(type)) {
                        index.computeIfAbsent(extensible.getName(), k -> new TreeMap<>()).put(named.value(), type.getName());
                    }
                }
            }
        }
        return index;
    }

    private static Class<?> load(Path root, Path classFile) {
        String name = root.relativize(classFile).toString().replace('/', '.').replaceFirst("\\.class$", "");
        try {
            return Class.forName(name, false, NamedComponentsIndexTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String render(SortedMap<String, SortedMap<String, String>> index) {
        return index.entrySet().stream()
                .map(extensible -> "  \"" + extensible.getKey() + "\": {\n" + renderComponents(extensible.getValue()) + "\n  }")
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
    }

    private static String renderComponents(Map<String, String> components) {
        return components.entrySet().stream()
                .map(component -> "    \"" + component.getKey() + "\": \"" + component.getValue() + "\"")
                .collect(Collectors.joining(",\n"));
    }
}
