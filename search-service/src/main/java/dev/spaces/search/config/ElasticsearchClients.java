package dev.spaces.search.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The service's Elasticsearch clients: {@link #writes()} for indexing and administration, {@link #searches()}
 * with a short response timeout (and {@link #fills()} for the result cache's searches), so that a stuck node turns into a fast 503 instead of a hanging request. Two
 * low-level clients (two small pools) rather than one with per-request options: the Rest5 transport drops a
 * per-request {@code RequestConfig} on its way to the async HTTP client (a frozen node held searches for the full
 * 30 s write timeout), and separate pools also keep slow bulk writes from starving searches of connections.
 */
@ApplicationScoped
public class ElasticsearchClients {

    private static final long SELECT_INTERVAL_MILLIS = 50;

    private final Rest5Client writeClient;
    private final Rest5Client searchClient;
    private final Rest5Client fillClient;
    private final ElasticsearchClient writes;
    private final ElasticsearchClient searches;
    private final ElasticsearchClient fills;

    public ElasticsearchClients(SearchConfig config, ObjectMapper objectMapper) {
        URI uri = URI.create(config.elasticsearchUrl());
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
        SearchConfig.Timeouts timeouts = config.timeouts();
        JacksonJsonpMapper mapper = new JacksonJsonpMapper(objectMapper.copy());
        writeClient = lowLevel(host, timeouts.connect(), timeouts.write());
        searchClient = lowLevel(host, timeouts.connect(), timeouts.search());
        writes = new ElasticsearchClient(new Rest5ClientTransport(writeClient, mapper));
        searches = new ElasticsearchClient(new Rest5ClientTransport(searchClient, mapper));
        fillClient = lowLevel(host, timeouts.connect(), config.cache().fillTimeout());
        fills = new ElasticsearchClient(new Rest5ClientTransport(fillClient, mapper));
    }

    private static Rest5Client lowLevel(HttpHost host, Duration connect, Duration response) {
        return Rest5Client.builder(host)
                .setRequestConfigCallback(request -> request
                        .setConnectionRequestTimeout(Timeout.of(response))
                        .setResponseTimeout(Timeout.of(response)))
                .setConnectionConfigCallback(connection -> connection.setConnectTimeout(Timeout.of(connect)))
                .setConnectionManagerCallback(pool -> pool.setMaxConnTotal(32).setMaxConnPerRoute(32))
                // the I/O reactor checks timeouts once per select interval (1 s by default), which would let a
                // 0.7 s search timeout fire only after up to 1.7 s on a hung node
                .setHttpClientConfigCallback(http -> http.setIOReactorConfig(IOReactorConfig.custom()
                        .setSelectInterval(TimeValue.ofMilliseconds(SELECT_INTERVAL_MILLIS)).build()))
                .build();
    }

    public ElasticsearchClient writes() {
        return writes;
    }

    public ElasticsearchClient searches() {
        return searches;
    }

    /**
     * Searches whose answers the result cache keeps: they may run up to {@code spaces.search.cache.fill-timeout},
     * past the time their callers wait (the cache bounds that wait itself).
     */
    public ElasticsearchClient fills() {
        return fills;
    }

    @PreDestroy
    void close() throws IOException {
        try (searchClient; fillClient) {
            writeClient.close();
        }
    }
}
