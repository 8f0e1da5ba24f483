package dev.spaces.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spaces.commons.testing.elasticsearch.ElasticsearchTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.spaces.search.ElasticsearchRest.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Elasticsearch 9.5.3 with our analysis plugin installed: the index analyzes Chinese and formulas the
 * way the plugin's unit tests promise, and searches find the right article. (The node is the module's shared
 * one, see {@link dev.spaces.search.support.SearchTestSupport}.)
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisPluginTest {

    private static final String INDEX = "/analysis-test";
    private static final String NORM_AS_TYPESET = "\\left\\|\\mathbf{x} - \\mathbf{y}\\right\\|^{2}";
    private static final String NORM_AS_TYPED = "\\|x-y\\|^2";

    private ElasticsearchRest elasticsearch;

    @BeforeAll
    void indexThreeArticles() throws IOException {
        // looked up, not injected: an injection point would make every other test's application require it
        elasticsearch = new ElasticsearchRest(ConfigProvider.getConfig().getValue(ElasticsearchTestResource.URL_PROPERTY, String.class));
        elasticsearch.put(INDEX, resource("/analysis-test-index.json"));
        elasticsearch.put(INDEX + "/_doc/vae", Map.of(
                "title", "变分自编码器",
                "body", "变分自编码器的损失由重构误差和KL散度组成。",
                "formulas", List.of(NORM_AS_TYPESET, "\\mathcal{L} = \\mathbb{E}[\\log p(x|z)]"),
                "tags", "vae 生成模型"));
        elasticsearch.put(INDEX + "/_doc/accumulation", Map.of(
                "title", "梯度累积",
                "body", "显存不够时，用梯度累积模拟大批量训练。",
                "formulas", List.of("\\Vert x\\Vert^2 - \\Vert y\\Vert^2"),
                "tags", "优化 训练技巧"));
        elasticsearch.put(INDEX + "/_doc/descent", Map.of(
                "title", "梯度下降",
                "body", "梯度下降沿负梯度方向更新参数。",
                "formulas", List.of("\\theta \\gets \\theta - \\eta \\nabla L"),
                "tags", "优化"));
        elasticsearch.post(INDEX + "/_refresh", null);
    }

    @Test
    void pluginIsInstalled() {
        JsonNode plugins = elasticsearch.get("/_cat/plugins?format=json");
        assertThat(texts(plugins, "component")).contains("spaces-analysis");
    }

    @Test
    void chineseIsSegmentedIntoWordsAndBigrams() {
        assertThat(analyze("chinese", "显存不够时，用梯度累积。"))
                .containsSubsequence("不够", "时", "用", "梯度", "累积")
                .doesNotContain("，", "。");
        assertThat(analyze("chinese_words", "深度学习")).containsExactly("深度", "学习");
        assertThat(analyze("chinese_bigrams", "变分自编码器")).containsExactly("变分", "分自", "自编", "编码", "码器");
        assertThat(analyze("tags", "优化 训练技巧")).containsExactly("优化", "训练技巧");
    }

    @Test
    void formulaSpellingsAnalyzeToTheSameTokens() {
        List<String> normOfDifference = List.of("\\Vert", "x", "-", "y", "\\Vert", "^", "2");
        assertThat(analyze("formula", NORM_AS_TYPESET)).isEqualTo(normOfDifference);
        assertThat(analyze("formula", NORM_AS_TYPED)).isEqualTo(normOfDifference);
        assertThat(analyze("formula_parts", "\\Vert\\boldsymbol{x}-\\boldsymbol{y}\\Vert^2")).isEqualTo(normOfDifference);
    }

    @Test
    void formulaPhraseFindsTheArticleHoweverItWasTyped() {
        // "accumulation" holds every token of the query too, but not in this order
        assertThat(search(Map.of("match_phrase", Map.of("formulas", NORM_AS_TYPED)))).containsExactly("vae");
        assertThat(search(Map.of("match_phrase", Map.of("formulas", "\\theta\\leftarrow\\theta")))).containsExactly("descent");
    }

    @Test
    void chineseWordsFindTheirArticle() {
        assertThat(search(Map.of("match", Map.of("body", Map.of("query", "梯度累积", "operator", "and")))))
                .containsExactly("accumulation");
        // smartcn does not know 变分 and splits it; the bigram field still finds it as a word
        assertThat(search(Map.of("match_phrase", Map.of("title.bigrams", "变分")))).containsExactly("vae");
    }

    private List<String> analyze(String analyzer, String text) {
        JsonNode analysis = elasticsearch.post(INDEX + "/_analyze", Map.of("analyzer", analyzer, "text", text));
        return texts(analysis.path("tokens"), "token");
    }

    private List<String> search(Map<String, Object> query) {
        JsonNode result = elasticsearch.post(INDEX + "/_search", Map.of("query", query));
        return texts(result.path("hits").path("hits"), "_id");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AnalysisPluginTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
