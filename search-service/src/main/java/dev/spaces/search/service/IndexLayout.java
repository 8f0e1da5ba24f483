package dev.spaces.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import dev.spaces.search.config.ElasticsearchClients;
import dev.spaces.search.config.SearchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alias {@code articles} and the versioned indices behind it ({@code articles_v<N>}). Searches read the alias;
 * a rebuild creates {@code articles_v<N+1>}, and while it runs every write goes to both indices, so an event that
 * arrives during the rebuild is in the new index whatever the bulk load does (external versions keep the newer).
 */
@ApplicationScoped
public class IndexLayout {

    private static final Logger LOG = Logger.getLogger(IndexLayout.class);
    private static final String MAPPING = "/elasticsearch/articles-index.json";

    private final ElasticsearchClient client;
    private final String alias;
    private final Pattern versioned;
    private volatile String building;
    /** The concrete index behind the alias: writes name it, so a missing alias can never auto-create an index. */
    private volatile String active;

    public IndexLayout(ElasticsearchClients clients, SearchConfig config) {
        this.client = clients.writes();
        this.alias = config.alias();
        this.versioned = Pattern.compile(Pattern.quote(alias) + "_v(\\d+)");
    }

    public String alias() {
        return alias;
    }

    /** Creates {@code <alias>_v1} behind the alias when there is no alias yet. */
    public void ensureExists() throws IOException {
        Optional<String> existing = current();
        if (existing.isPresent()) {
            active = existing.get();
            return;
        }
        {
            String first = alias + "_v1";
            try {
                create(first, false);
                client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(first).alias(alias))));
                LOG.infof("Created index %s behind alias %s", first, alias);
            } catch (ElasticsearchException e) {
                if (current().isEmpty()) { // another instance may have won the race
                    throw e;
                }
            }
            active = current().orElseThrow();
        }
    }

    /** The index the alias points to, if any. */
    public Optional<String> current() throws IOException {
        if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
            return Optional.empty();
        }
        GetAliasResponse response = client.indices().getAlias(g -> g.name(alias));
        return response.aliases().keySet().stream().findFirst();
    }

    /** The version number of an index name {@code <alias>_v<N>}, 0 when it is not ours. */
    public int versionOf(String index) {
        Matcher m = versioned.matcher(index);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The next versioned name after the current index (and after any leftover of a failed rebuild). */
    public String nextIndexName() throws IOException {
        int highest = current().map(this::versionOf).orElse(0);
        for (String existing : client.indices().get(g -> g.index(alias + "_v*").ignoreUnavailable(true)).indices().keySet()) {
            highest = Math.max(highest, versionOf(existing));
        }
        return alias + "_v" + (highest + 1);
    }

    /** Creates an index with our settings and mapping; for a bulk load with refreshing off. */
    public void create(String index, boolean bulkLoad) throws IOException {
        try (InputStream mapping = IndexLayout.class.getResourceAsStream(MAPPING)) {
            client.indices().create(c -> c.index(index).withJson(mapping));
        }
        if (bulkLoad) {
            client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("-1"))));
        }
    }

    /** Restores refreshing, refreshes, points the alias at {@code index} in one atomic step, drops the old index. */
    public void swapTo(String index) throws IOException {
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(index));
        Optional<String> old = current();
        client.indices().updateAliases(u -> {
            old.ifPresent(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
            return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
        });
        active = index;
        LOG.infof("Alias %s now points to %s (was %s)", alias, index, old.orElse("nothing"));
        if (old.isPresent() && !old.get().equals(index)) {
            client.indices().delete(d -> d.index(old.get()));
        }
    }

    public void drop(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not drop index %s: %s", index, e.toString());
        }
    }

    /** Every index a write must reach: the alias, and the index being rebuilt if any. */
    public List<String> writeTargets() throws IOException {
        if (active == null) {
            ensureExists();
        }
        List<String> targets = new ArrayList<>(2);
        targets.add(active);
        String rebuilding = building;
        if (rebuilding != null) {
            targets.add(rebuilding);
        }
        return targets;
    }

    public void startBuilding(String index) {
        building = index;
    }

    public void stopBuilding() {
        building = null;
    }
}
