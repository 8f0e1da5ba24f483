package dev.spaces.commons.testing.elasticsearch;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An unpacked Elasticsearch and the plugin zips to install into it. The build provides both (see
 * search-service/pom.xml) and names them in system properties, so tests never download anything themselves.
 *
 * @param home       the unpacked distribution (holds {@code bin/elasticsearch})
 * @param pluginZips plugins to install, each a zip for {@code elasticsearch-plugin install}
 */
public record ElasticsearchDistribution(Path home, List<Path> pluginZips) {

    /** Path of the unpacked distribution. */
    public static final String HOME_PROPERTY = "spaces.elasticsearch.home";
    /** Plugin zip paths, separated by the platform's path separator; optional. */
    public static final String PLUGINS_PROPERTY = "spaces.elasticsearch.plugins";

    public ElasticsearchDistribution {
        // absolute: the node runs in its own working directory
        home = home.toAbsolutePath().normalize();
        pluginZips = pluginZips.stream().map(zip -> zip.toAbsolutePath().normalize()).toList();
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            throw new IllegalArgumentException("No Elasticsearch distribution at " + home);
        }
        for (Path zip : pluginZips) {
            if (!Files.isRegularFile(zip)) {
                throw new IllegalArgumentException("No plugin zip at " + zip);
            }
        }
    }

    public static ElasticsearchDistribution fromSystemProperties() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null) {
            throw new IllegalStateException("System property " + HOME_PROPERTY + " is not set: run the test through Maven");
        }
        List<Path> plugins = Arrays.stream(System.getProperty(PLUGINS_PROPERTY, "").split(File.pathSeparator))
                .filter(path -> !path.isBlank())
                .map(Path::of)
                .toList();
        return new ElasticsearchDistribution(Path.of(home), plugins);
    }
}
