package dev.spaces.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.search.analysis.latex.LatexNormalizer;
import dev.spaces.search.config.ElasticsearchClients;
import dev.spaces.search.domain.IndexedArticle;
import dev.spaces.search.api.FormulaResult;
import dev.spaces.search.api.SearchResult;
import dev.spaces.search.api.Suggestions;
import dev.spaces.search.config.SearchConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Queries against the {@code articles} alias. Chinese words: phrase over bigram over dictionary-word matches,
 * title over body, with a unigram field so single characters (熵) match inside words. Formulas: exact (same
 * normalized key) over sub-formula (phrase of normalized tokens) over near (shared shingles and structure paths),
 * scored per formula (nested) so an article ranks by its best formula. Calls go through a circuit breaker: with
 * Elasticsearch down they fail at once with 503 rather than each waiting for a timeout.
 */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double EXACT_BOOST = 1000;
    private static final double SUBFORMULA_BOOST = 100;

    private final ElasticsearchClient client;
    private final ObjectMapper mapper;
    private final IndexLayout layout;
    private final ElasticsearchStatus status;
    private final Guard guard;
    private final SearchResultCache cache;
    private final SearchTurns turns;

    public SearchService(ElasticsearchClients clients, IndexLayout layout, ElasticsearchStatus status,
                         SearchResultCache cache, SearchConfig config, MeterRegistry meters, ObjectMapper mapper) {
        // with the cache on, a search may run past its callers' wait (the cache bounds that) to keep its answer
        this.client = config.cache().enabled() ? clients.fills() : clients.searches();
        this.mapper = mapper;
        this.layout = layout;
        this.status = status;
        this.cache = cache;
        this.turns = new SearchTurns(config.maxConcurrentSearches(), config.maxQueuedSearches(),
                config.timeouts().queueWait(), meters);
        this.guard = Guard.create()
                .withDescription("Elasticsearch searches")
                // 20 calls: a burst of slow answers under load must not shed every search for the delay
                .withCircuitBreaker().requestVolumeThreshold(20).failureRatio(0.5).delay(2, ChronoUnit.SECONDS)
                .failOn(Unavailable.class).done()
                .build();
    }

    public record Filters(String category, String tag, String series, LocalDate from, LocalDate to) {
    }

    public enum Sort { relevance, date, reads }

    /**
     * The answer to {@code query} serialized: a {@link SearchResult}, {@link FormulaResult} or {@link Suggestions}.
     * Never blocks the caller: a miss completes when Elasticsearch answered.
     */
    public CompletableFuture<Answer> answer(SearchQuery query) {
        return cache.get(query, () -> Answer.of(mapper, switch (query) {
            case SearchQuery.Articles a -> searchIndex(a.q(), a.filters(), a.sort(), a.page(), a.size());
            case SearchQuery.Formulas f -> searchFormulas(f.latex(), f.page(), f.size());
            case SearchQuery.Suggest s -> suggestTitles(s.prefix(), s.size());
        }));
    }

    /**
     * The answer kept for {@code query} (counted as a cache hit), or null: then {@link #answer} computes it (and
     * counts the miss or bypass). For callers that must not wait, such as the route answering hits before the REST
     * layer.
     */
    public Answer cached(SearchQuery query) {
        return (Answer) cache.cached(query);
    }

    private SearchResult searchIndex(String q, Filters filters, Sort sort, int page, int size) {
        QueryText text = QueryText.parse(q);
        List<Object> should = new ArrayList<>();
        if (!text.words().isEmpty()) {
            should.add(wordsQuery(text.words()));
        }
        for (String formula : text.formulas()) {
            if (!LatexNormalizer.terms(formula).isEmpty()) {
                should.add(formulaQuery(formula, true));
            }
        }
        Map<String, Object> bool = new LinkedHashMap<>();
        if (!should.isEmpty()) {
            bool.put("should", should);
            bool.put("minimum_should_match", 1);
        } else if (q != null && !q.isBlank()) {
            return new SearchResult(0, 0, List.of(), new SearchResult.Facets(List.of(), List.of(), List.of()));
        }
        bool.put("filter", filterClauses(filters));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("bool", bool));
        body.put("from", (page - 1) * size);
        body.put("size", size);
        body.put("track_total_hits", true);
        body.put("_source", List.of("id", "slug", "title", "publishedAt", "category", "tags"));
        body.put("sort", switch (sort == null ? (should.isEmpty() ? Sort.date : Sort.relevance) : sort) {
            case relevance -> List.of("_score", Map.of("publishedAt", "desc"));
            case date -> List.of(Map.of("publishedAt", "desc"), "_score");
            case reads -> List.of(Map.of("reads", "desc"), "_score");
        });
        if (!text.words().isEmpty()) {
            body.put("highlight", Map.of(
                    "encoder", "html", "pre_tags", List.of("<em>"), "post_tags", List.of("</em>"),
                    // a list of one-field objects: the client reads highlight fields in this (ordered) form
                    "fields", highlightFields(text)));
        }
        body.put("aggs", Map.of(
                "category", Map.of("terms", Map.of("field", "category.slug", "size", 30),
                        "aggs", Map.of("name", Map.of("terms", Map.of("field", "category.name", "size", 1)))),
                "tags", Map.of("terms", Map.of("field", "tags.slug", "size", 30),
                        "aggs", Map.of("name", Map.of("terms", Map.of("field", "tags.name", "size", 1)))),
                "year", Map.of("date_histogram", Map.of("field", "publishedAt", "calendar_interval", "year",
                        "format", "yyyy", "min_doc_count", 1, "order", Map.of("_key", "desc")))));
        SearchResponse<IndexedArticle> response = execute(body);
        List<SearchResult.Hit> hits = response.hits().hits().stream().map(this::toHit).toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(total, response.took(), hits, facets(response.aggregations()));
    }

    private FormulaResult searchFormulas(String latex, int page, int size) {
        String key = FormulaStructure.key(latex);
        if (key.isEmpty()) {
            throw ProblemException.invalidField("latex", "The formula has no symbols to search for");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", formulaQuery(latex, true));
        body.put("from", (page - 1) * size);
        body.put("size", size);
        body.put("track_total_hits", true);
        body.put("_source", List.of("id", "slug", "title"));
        SearchResponse<IndexedArticle> response = execute(body);
        List<String> queryTerms = LatexNormalizer.terms(latex);
        List<FormulaResult.Hit> hits = new ArrayList<>();
        for (Hit<IndexedArticle> hit : response.hits().hits()) {
            List<IndexedArticle.Formula> matched = matchedFormulas(hit);
            IndexedArticle.Formula best = matched.isEmpty() ? null : matched.getFirst();
            FormulaResult.Match kind = best == null ? FormulaResult.Match.near : classify(queryTerms, key, best);
            IndexedArticle source = hit.source();
            hits.add(new FormulaResult.Hit(source.id(), source.slug(), source.title(), best == null ? null : best.latex(),
                    kind, hit.score() == null ? 0 : hit.score()));
        }
        // the boosts already order exact > sub-formula > near; this keeps it so within the page whatever BM25 says
        hits.sort(Comparator.comparing(FormulaResult.Hit::match).thenComparing(FormulaResult.Hit::score, Comparator.reverseOrder()));
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new FormulaResult(latex, total, hits);
    }

    private Suggestions suggestTitles(String prefix, int size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_source", List.of("id", "slug", "title"));
        body.put("suggest", Map.of("titles", Map.of("prefix", prefix,
                "completion", Map.of("field", "suggest", "size", size, "skip_duplicates", true))));
        SearchResponse<IndexedArticle> response = execute(body);
        List<Suggestions.Suggestion> suggestions = new ArrayList<>();
        var entries = response.suggest().get("titles");
        if (entries != null) {
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (var entry : entries) {
                for (var option : entry.completion().options()) {
                    IndexedArticle source = option.source();
                    if (source != null && seen.add(source.id())) {
                        suggestions.add(new Suggestions.Suggestion(source.id(), source.slug(), source.title()));
                    }
                }
            }
        }
        return new Suggestions(prefix, suggestions);
    }

    // ---- queries

    /**
     * Highlighting long chapters is most of a search's cost, so the unigram fields (a second pass over the same text)
     * are highlighted only when the bigram fields cannot mark the query: a single-character word such as 熵.
     */
    private static List<Object> highlightFields(QueryText text) {
        List<Object> fields = new ArrayList<>(4);
        fields.add(Map.of("title", Map.of("number_of_fragments", 0)));
        fields.add(Map.of("text", Map.of("fragment_size", 90, "number_of_fragments", 3)));
        if (text.hasSingleHanCharacter()) {
            fields.add(Map.of("title.unigram", Map.of("number_of_fragments", 0)));
            fields.add(Map.of("text.unigram", Map.of("fragment_size", 90, "number_of_fragments", 3)));
        }
        return fields;
    }

    private static Map<String, Object> wordsQuery(String words) {
        List<Object> should = new ArrayList<>();
        should.add(Map.of("match_phrase", Map.of("title", Map.of("query", words, "boost", 12))));
        should.add(Map.of("match_phrase", Map.of("text", Map.of("query", words, "boost", 4))));
        should.add(Map.of("match", Map.of("title", Map.of("query", words, "boost", 6, "minimum_should_match", "2<75%"))));
        should.add(Map.of("match", Map.of("text", Map.of("query", words, "boost", 2, "minimum_should_match", "2<75%"))));
        should.add(Map.of("match", Map.of("title.words", Map.of("query", words, "boost", 3))));
        should.add(Map.of("match", Map.of("text.words", Map.of("query", words, "boost", 1))));
        should.add(Map.of("match", Map.of("title.unigram", Map.of("query", words, "boost", 1, "operator", "and"))));
        should.add(Map.of("match", Map.of("text.unigram", Map.of("query", words, "boost", 0.3, "operator", "and"))));
        return Map.of("bool", Map.of("should", should, "minimum_should_match", 1));
    }

    /** Scored by the article's best formula; inner hits name it. */
    private static Map<String, Object> formulaQuery(String latex, boolean innerHits) {
        String key = FormulaStructure.key(latex);
        List<Object> should = new ArrayList<>();
        should.add(Map.of("constant_score", Map.of("filter", Map.of("term", Map.of("formulas.key", key)), "boost", EXACT_BOOST)));
        should.add(Map.of("constant_score", Map.of("filter", Map.of("match_phrase", Map.of("formulas.latex", latex)), "boost", SUBFORMULA_BOOST)));
        if (LatexNormalizer.terms(latex).size() >= 2) {
            should.add(Map.of("match", Map.of("formulas.latex.shingles", Map.of("query", latex, "minimum_should_match", "60%"))));
        }
        List<String> paths = FormulaStructure.paths(latex);
        if (paths.size() >= 2) {
            List<Object> pathTerms = paths.stream().limit(40)
                    .map(path -> (Object) Map.of("term", Map.of("formulas.paths", Map.of("value", path, "boost", 0.3))))
                    .toList();
            should.add(Map.of("bool", Map.of("should", pathTerms, "minimum_should_match", "70%")));
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("path", "formulas");
        nested.put("score_mode", "max");
        nested.put("query", Map.of("bool", Map.of("should", should, "minimum_should_match", 1)));
        if (innerHits) {
            nested.put("inner_hits", Map.of("size", 3, "_source", List.of("formulas.latex", "formulas.key")));
        }
        return Map.of("nested", nested);
    }

    private static List<Object> filterClauses(Filters filters) {
        List<Object> clauses = new ArrayList<>();
        if (filters == null) {
            return clauses;
        }
        if (filters.category() != null) {
            clauses.add(Map.of("term", Map.of("category.slug", filters.category())));
        }
        if (filters.tag() != null) {
            clauses.add(Map.of("term", Map.of("tags.slug", filters.tag())));
        }
        if (filters.series() != null) {
            clauses.add(Map.of("term", Map.of("series.slug", filters.series())));
        }
        if (filters.from() != null || filters.to() != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            if (filters.from() != null) {
                range.put("gte", filters.from().toString());
            }
            if (filters.to() != null) {
                range.put("lte", filters.to().toString() + "T23:59:59.999Z");
            }
            clauses.add(Map.of("range", Map.of("publishedAt", range)));
        }
        return clauses;
    }

    // ---- results

    private SearchResult.Hit toHit(Hit<IndexedArticle> hit) {
        IndexedArticle source = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        String title = first(highlight, "title", "title.unigram").stream().findFirst().orElse(dev.spaces.commons.text.HtmlText.escape(source.title()));
        List<String> fragments = first(highlight, "text", "text.unigram");
        List<String> formulas = matchedFormulas(hit).stream().map(IndexedArticle.Formula::latex).toList();
        return new SearchResult.Hit(source.id(), source.slug(), source.title(), title, fragments, source.publishedAt(),
                term(source.category()),
                source.tags() == null ? List.of() : source.tags().stream().map(SearchService::term).toList(),
                hit.score() == null ? 0 : hit.score(), formulas);
    }

    private static List<String> first(Map<String, List<String>> highlight, String preferred, String fallback) {
        List<String> found = highlight.get(preferred);
        if (found == null || found.isEmpty()) {
            found = highlight.get(fallback);
        }
        return found == null ? List.of() : found;
    }

    private static List<IndexedArticle.Formula> matchedFormulas(Hit<IndexedArticle> hit) {
        InnerHitsResult inner = hit.innerHits().get("formulas");
        if (inner == null) {
            return List.of();
        }
        List<IndexedArticle.Formula> formulas = new ArrayList<>();
        for (Hit<JsonData> formulaHit : inner.hits().hits()) {
            if (formulaHit.source() != null) {
                formulas.add(formulaHit.source().to(IndexedArticle.Formula.class));
            }
        }
        return formulas;
    }

    private static FormulaResult.Match classify(List<String> queryTerms, String queryKey, IndexedArticle.Formula formula) {
        if (formula.key().equals(queryKey)) {
            return FormulaResult.Match.exact;
        }
        List<String> terms = List.of(formula.key().split(" "));
        return Collections.indexOfSubList(terms, queryTerms) >= 0 ? FormulaResult.Match.subformula : FormulaResult.Match.near;
    }

    private static SearchResult.Facets facets(Map<String, Aggregate> aggregations) {
        return new SearchResult.Facets(termBuckets(aggregations.get("category")), termBuckets(aggregations.get("tags")),
                aggregations.get("year").dateHistogram().buckets().array().stream()
                        .map(b -> new SearchResult.Bucket(b.keyAsString(), b.keyAsString(), b.docCount())).toList());
    }

    private static List<SearchResult.Bucket> termBuckets(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream().map(b -> {
            var names = b.aggregations().get("name").sterms().buckets().array();
            String name = names.isEmpty() ? b.key().stringValue() : names.getFirst().key().stringValue();
            return new SearchResult.Bucket(b.key().stringValue(), name, b.docCount());
        }).toList();
    }

    private static SearchResult.TermRef term(IndexedArticle.Term term) {
        return term == null ? null : new SearchResult.TermRef(term.slug(), term.name());
    }

    // ---- execution

    private SearchResponse<IndexedArticle> execute(Map<String, Object> body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // the query as sent, to run it again by hand (Elasticsearch's profile API) when a search is slow
        LOG.debugf("Search: %s", json);
        SearchRequest request = SearchRequest.of(s -> s.index(layout.alias()).withJson(new StringReader(json)));
        turns.acquire();
        try {
            return guard.call(() -> {
                try {
                    return client.search(request, IndexedArticle.class);
                } catch (ElasticsearchException e) {
                    // no index yet (first start, before the reconcile created it): unavailable, not the user's fault
                    if (e.status() >= 500 || "index_not_found_exception".equals(e.error().type())) {
                        throw new Unavailable(e.toString());
                    }
                    throw new Rejected(e.toString());
                } catch (IOException | RuntimeException e) {
                    if (e instanceof Rejected) {
                        throw e;
                    }
                    throw new Unavailable(e.toString(), timedOut(e));
                }
            }, SearchResponse.class);
        } catch (Rejected e) {
            // our queries are built, not parsed from user syntax; a rejection is a bug, never the user's to read
            LOG.errorf("Elasticsearch rejected a query: %s", e.getMessage());
            throw ProblemException.badRequest("The query could not be run");
        } catch (Exception e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            if (unreachable(e)) {
                status.failed(e);
            }
            throw SearchUnavailable.problem();
        } finally {
            turns.release();
        }
    }

    /**
     * Whether a failed search says Elasticsearch cannot be reached, which marks it down (and reconciles the index once
     * it answers again, for the events it may have refused meanwhile). A search that merely timed out on a busy node,
     * or was refused by our own open breaker, says nothing of the kind: marking the node down for it started a full
     * reconcile every few seconds while searches were heavy, adding to the load that made them slow.
     */
    static boolean unreachable(Throwable e) {
        if (e instanceof CircuitBreakerOpenException || e instanceof TimeoutException) {
            return false;
        }
        return !(e instanceof Unavailable unavailable && unavailable.timedOut);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Elasticsearch did not answer or failed (counts for the breaker); {@code timedOut} when it was only slow. */
    static final class Unavailable extends RuntimeException {
        final boolean timedOut;

        Unavailable(String message) {
            this(message, false);
        }

        Unavailable(String message, boolean timedOut) {
            super(message, null, false, false);
            this.timedOut = timedOut;
        }
    }

    /** Elasticsearch refused the request as bad (does not open the breaker). */
    static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

}
