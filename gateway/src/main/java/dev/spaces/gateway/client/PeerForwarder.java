package dev.spaces.gateway.client;

import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Passes a verified purge event on to the other gateway replicas, so that one webhook (which a Kubernetes Service
 * hands to one pod) purges every pod's cache. The request is forwarded exactly as signed — same webhook-id,
 * webhook-timestamp, webhook-signature and body — plus {@value #RELAYED_HEADER}, which tells the peer not to pass
 * it on again; peers verify the signature as usual, the header grants nothing. Forwards run in the background
 * with a short timeout and a couple of retries; a failure is logged and counted, and the cache's max-age bound
 * (≤ {@code spaces.gateway.cache.max-ttl}) caps how long a replica that missed a purge can serve the old answer.
 */
@ApplicationScoped
public class PeerForwarder {

    /** Present on forwarded events (its value names the sender, for logs). */
    public static final String RELAYED_HEADER = "spaces-relayed-by";
    private static final Logger LOG = Logger.getLogger(PeerForwarder.class);
    private static final long FIRST_RETRY_MILLIS = 200;

    /** A peer endpoint as configured. */
    record PeerEntry(String host, int port) {
        static PeerEntry parse(String entry) {
            String value = entry.strip();
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new IllegalArgumentException("spaces.gateway.cache.peers: '" + value + "' is not host:port");
            }
            String host = value.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("spaces.gateway.cache.peers: '" + value + "' has no numeric port");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("spaces.gateway.cache.peers: '" + value + "' has no valid port");
            }
            return new PeerEntry(host, port);
        }
    }

    private final Vertx vertx;
    private final GatewayConfig.Cache config;
    private final List<PeerEntry> peers;
    private final HttpClient client;
    private final Counter delivered;
    private final Counter failed;
    private final Counter retried;
    private volatile Set<InetAddress> localAddresses;

    public PeerForwarder(Vertx vertx, GatewayConfig gateway, MeterRegistry registry) {
        this.vertx = vertx;
        this.config = gateway.cache();
        this.peers = config.peers().orElse(List.of()).stream().filter(p -> !p.isBlank()).map(PeerEntry::parse).toList();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.peerTimeout().toMillis())
                .setKeepAlive(true));
        this.delivered = Counter.builder("spaces.gateway.cache.peer.forwards").tag("outcome", "delivered")
                .description("Purge events passed on to another replica").register(registry);
        this.failed = Counter.builder("spaces.gateway.cache.peer.forwards").tag("outcome", "failed")
                .description("Purge events a replica did not take after all retries (or that could not be resolved)")
                .register(registry);
        this.retried = Counter.builder("spaces.gateway.cache.peer.retries")
                .description("Forward attempts repeated after a failure").register(registry);
        if (!peers.isEmpty()) {
            LOG.infof("Cache purge events are passed on to peers %s", peers);
        }
    }

    public boolean enabled() {
        return !peers.isEmpty();
    }

    /**
     * Resolves the peers and forwards in the background; returns at once.
     *
     * @param receivedOn the local address the event came in on (this replica's own port, to skip itself)
     */
    public void forward(String messageId, String timestamp, String signature, String body, SocketAddress receivedOn) {
        if (peers.isEmpty()) {
            return;
        }
        vertx.<List<SocketAddress>>executeBlocking(() -> targets(receivedOn), false)
                .onFailure(e -> {
                    failed.increment();
                    LOG.warnf("Purge event %s not passed on: peers could not be resolved (%s)", messageId, e.toString());
                })
                .onSuccess(targets -> {
                    String sender = receivedOn == null ? "peer" : receivedOn.hostAddress() + ":" + receivedOn.port();
                    for (SocketAddress target : targets) {
                        send(target, messageId, timestamp, signature, body, sender, 0);
                    }
                });
    }

    /** Every resolved address of every entry, without this replica (blocking: DNS). */
    List<SocketAddress> targets(SocketAddress receivedOn) throws UnknownHostException {
        Set<SocketAddress> targets = new LinkedHashSet<>();
        for (PeerEntry peer : peers) {
            for (InetAddress address : InetAddress.getAllByName(peer.host())) {
                if (!isSelf(address, peer.port(), receivedOn)) {
                    targets.add(SocketAddress.inetSocketAddress(peer.port(), address.getHostAddress()));
                }
            }
        }
        return new ArrayList<>(targets);
    }

    private boolean isSelf(InetAddress address, int port, SocketAddress receivedOn) {
        if (receivedOn == null || receivedOn.port() != port) {
            return false;
        }
        if (receivedOn.hostAddress() != null && address.getHostAddress().equals(receivedOn.hostAddress())) {
            return true;
        }
        return address.isAnyLocalAddress() || localAddresses().contains(address);
    }

    private Set<InetAddress> localAddresses() {
        Set<InetAddress> known = localAddresses;
        if (known == null) {
            Set<InetAddress> found = new HashSet<>();
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    found.addAll(Collections.list(nic.getInetAddresses()));
                }
            } catch (SocketException e) {
                LOG.warnf("Local addresses unknown; only the receiving address counts as this replica: %s", e.toString());
            }
            known = Set.copyOf(found);
            localAddresses = known;
        }
        return known;
    }

    private void send(SocketAddress target, String messageId, String timestamp, String signature, String body,
                      String sender, int attempt) {
        String host = target.hostAddress();
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + target.port();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setServer(target)
                .setHost(host.contains(":") ? "[" + host + "]" : host).setPort(target.port()).setURI("/internal/events")
                .setConnectTimeout(config.peerTimeout().toMillis()).setIdleTimeout(config.peerTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(StandardWebhooks.ID_HEADER, messageId)
                .putHeader(StandardWebhooks.TIMESTAMP_HEADER, timestamp)
                .putHeader(StandardWebhooks.SIGNATURE_HEADER, signature)
                .putHeader(RELAYED_HEADER, sender);
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().compose(ignored -> response.statusCode() / 100 == 2
                        ? Future.succeededFuture()
                        : Future.failedFuture("answered " + response.statusCode())))
                .onSuccess(v -> delivered.increment())
                .onFailure(error -> {
                    if (attempt < config.peerRetries()) {
                        retried.increment();
                        long delay = FIRST_RETRY_MILLIS * (long) Math.pow(5, attempt);
                        vertx.setTimer(delay, t -> send(target, messageId, timestamp, signature, body, sender,
                                attempt + 1));
                        return;
                    }
                    failed.increment();
                    LOG.warnf("Purge event %s not passed on to peer %s after %d attempt(s): %s", messageId, authority,
                            attempt + 1, error.getMessage());
                });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
