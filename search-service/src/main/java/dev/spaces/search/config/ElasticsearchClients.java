package dev.spaces.search.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;

/**
 * The one Elasticsearch client of the service (one connection pool): {@link #writes()} for indexing and
 * administration, {@link #searches()} the same transport with a short response timeout, so that a stuck node
 * turns into a fast 503 instead of a hanging request.
 */
@ApplicationScoped
public class ElasticsearchClients {

    private final Rest5Client restClient;
    private final ElasticsearchClient writes;
    private final ElasticsearchClient searches;

    public ElasticsearchClients(SearchConfig config, ObjectMapper objectMapper) {
        URI uri = URI.create(config.elasticsearchUrl());
        SearchConfig.Timeouts timeouts = config.timeouts();
        restClient = Rest5Client.builder(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()))
                    .setRequestConfigCallback(request -> request
                            .setConnectionRequestTimeout(Timeout.of(timeouts.write()))
                            .setResponseTimeout(Timeout.of(timeouts.write())))
                    .setConnectionConfigCallback(connection -> connection
                            .setConnectTimeout(Timeout.of(timeouts.connect())))
                    .setConnectionManagerCallback(pool -> pool.setMaxConnTotal(64).setMaxConnPerRoute(64))
                    .build();
        Rest5ClientTransport transport = new Rest5ClientTransport(restClient, new JacksonJsonpMapper(objectMapper.copy()));
        writes = new ElasticsearchClient(transport);
        RequestConfig quick = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(timeouts.search()))
                .setResponseTimeout(Timeout.of(timeouts.search()))
                .build();
        searches = writes.withTransportOptions(new Rest5ClientOptions(
                RequestOptions.DEFAULT.toBuilder().setRequestConfig(quick).build(), false));
    }

    public ElasticsearchClient writes() {
        return writes;
    }

    public ElasticsearchClient searches() {
        return searches;
    }

    @PreDestroy
    void close() throws IOException {
        restClient.close();
    }
}
