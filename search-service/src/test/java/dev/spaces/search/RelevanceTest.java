package dev.spaces.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.search.support.Corpus;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance set (src/test/resources/relevance/d2l-zh.json: queries and the chapters a reader would expect,
 * chosen by reading them) against the d2l-zh corpus, fed as production does: rendered by the commons pipeline,
 * served by the content feed, loaded through the reindex API. Prints precision@5 and MRR, overall and per
 * query (reciprocal rank), to target/relevance-report.txt; fails when a required chapter is not in a query's top 5.
 */
@QuarkusTest
class RelevanceTest {

    @Test
    void everyQueryFindsItsChaptersInTheTopFive() throws IOException {
        SearchTestSupport.reindex();
        JsonNode set;
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/d2l-zh.json")) {
            set = new ObjectMapper().readTree(in);
        }
        assertThat(set.path("chinese").size()).isGreaterThanOrEqualTo(30);
        assertThat(set.path("formulas").size()).isGreaterThanOrEqualTo(15);
        List<String> report = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        double[] chinese = evaluate(set.path("chinese"), "q", report, misses);
        double[] formulas = evaluate(set.path("formulas"), "latex", report, misses);
        report.addFirst(String.format(Locale.ROOT, "chinese  (%d queries): precision@5 %.3f  MRR %.3f", set.path("chinese").size(), chinese[0], chinese[1]));
        report.add(1, String.format(Locale.ROOT, "formulas (%d queries): precision@5 %.3f  MRR %.3f", set.path("formulas").size(), formulas[0], formulas[1]));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "relevance-report.txt"), report);
        report.forEach(System.out::println);
        assertThat(misses).as("queries whose required chapter is not in the top 5").isEmpty();
    }

    /** {precision@5, MRR} over the queries; misses collected. */
    private static double[] evaluate(JsonNode queries, String field, List<String> report, List<String> misses) {
        double precision = 0;
        double reciprocalRanks = 0;
        for (JsonNode query : queries) {
            String text = query.path(field).asText();
            List<Long> relevant = new ArrayList<>();
            query.path("relevant").forEach(path -> relevant.add(Corpus.id(path.asText())));
            List<Long> top = field.equals("q") ? SearchTestSupport.searchIds(text, 5) : formulaIds(text);
            long found = top.stream().filter(relevant::contains).count();
            precision += found / 5.0;
            int firstRank = 0;
            for (int i = 0; i < top.size(); i++) {
                if (relevant.contains(top.get(i))) {
                    firstRank = i + 1;
                    break;
                }
            }
            reciprocalRanks += firstRank == 0 ? 0 : 1.0 / firstRank;
            if (!top.containsAll(relevant)) {
                misses.add(text + " → " + top + " lacks " + relevant);
            }
            // per query: the reciprocal rank (MRR's term) and precision@5, so a change's effect shows query by query
            report.add(String.format(Locale.ROOT, "  rank %s  RR %.3f  P@5 %.1f  %s", firstRank == 0 ? "-" : firstRank,
                    firstRank == 0 ? 0 : 1.0 / firstRank, found / 5.0, text));
        }
        return new double[]{precision / queries.size(), reciprocalRanks / queries.size()};
    }

    private static List<Long> formulaIds(String latex) {
        return RestAssured.given().queryParam("latex", latex).queryParam("size", 5).get("/api/v1/search/formulas")
                .then().statusCode(200).extract().jsonPath().getList("hits.id", Long.class);
    }
}
