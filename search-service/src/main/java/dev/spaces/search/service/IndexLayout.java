package dev.spaces.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spaces.search.config.ElasticsearchClients;
import dev.spaces.search.config.SearchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /** Identifies the mapping an index was created with ({@code _meta}); a new release's mapping → rebuild. */
    static final String MAPPING_DIGEST;
    private static final String MAPPING_WITH_DIGEST;
    private static final String META_KEY = "spaces_mapping";

    static {
        try (InputStream in = IndexLayout.class.getResourceAsStream(MAPPING)) {
            byte[] bytes = in.readAllBytes();
            MAPPING_DIGEST = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
            ObjectMapper json = new ObjectMapper();
            ObjectNode definition = (ObjectNode) json.readTree(bytes);
            ((ObjectNode) definition.path("mappings")).putObject("_meta").put(META_KEY, MAPPING_DIGEST);
            MAPPING_WITH_DIGEST = json.writeValueAsString(definition);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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

    /** Whether the index behind the alias was created with this release's mapping. */
    public boolean activeMappingIsCurrent() throws IOException {
        Optional<String> index = current();
        if (index.isEmpty()) {
            return true;
        }
        var mapping = client.indices().getMapping(g -> g.index(index.get())).get(index.get());
        var meta = mapping == null ? null : mapping.mappings().meta();
        JsonData digest = meta == null ? null : meta.get(META_KEY);
        return digest != null && MAPPING_DIGEST.equals(digest.to(String.class));
    }

    /** Versioned indices newer than the alias's target: a rebuild in progress (or the leftover of a failed one). */
    public List<String> newerThanActive() throws IOException {
        int active = current().map(this::versionOf).orElse(0);
        return client.indices().get(g -> g.index(alias + "_v*").ignoreUnavailable(true)).indices().keySet().stream()
                .filter(name -> versionOf(name) > active).sorted().toList();
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
        client.indices().create(c -> c.index(index).withJson(new StringReader(MAPPING_WITH_DIGEST)));
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
