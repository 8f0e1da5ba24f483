package dev.spaces.commons.testing.elasticsearch;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Elasticsearch per test run, with the distribution and plugins the build names in system properties
 * (see {@link ElasticsearchDistribution}): {@code @WithTestResource(ElasticsearchTestResource.class)}.
 * Hands the application its address as {@value #URL_PROPERTY}. Tests that take the node down (kill, restart)
 * reach it through {@link #node()}.
 */
public class ElasticsearchTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "spaces.search.elasticsearch-url";

    private static volatile ElasticsearchNode node;

    /** The running node of this test JVM. */
    public static ElasticsearchNode node() {
        if (node == null) {
            throw new IllegalStateException("No Elasticsearch test node is running");
        }
        return node;
    }

    @Override
    public Map<String, String> start() {
        try {
            node = ElasticsearchNode.start(ElasticsearchDistribution.fromSystemProperties(), Path.of("target", "elasticsearch-node"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Elasticsearch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Elasticsearch", e);
        }
        return Map.of(URL_PROPERTY, node.httpUrl());
    }

    @Override
    public void stop() {
        if (node != null) {
            node.close();
            node = null;
        }
    }
}
