package dev.spaces.content.citation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spaces.commons.security.Caller;
import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleMapper;
import dev.spaces.content.article.ArticleService;
import dev.spaces.content.common.ContentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Citations of an article. {@code text} and {@code bibtex} reproduce the format the modelled blog prints
 * under every article; the others follow their standards (BibLaTeX, RIS, CSL-JSON, GB/T 7714-2015).
 */
@ApplicationScoped
public class CitationService {

    private static final DateTimeFormatter TEXT_DATE = DateTimeFormatter.ofPattern("MMM. dd, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter BIBTEX_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

    private final ArticleService articles;
    private final ArticleMapper mapper;
    private final ContentConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public CitationService(ArticleService articles, ArticleMapper mapper, ContentConfig config, ObjectMapper json) {
        this.articles = articles;
        this.mapper = mapper;
        this.config = config;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public String cite(Caller caller, long id, CitationFormat format) {
        Article article = articles.visible(caller, id);
        LocalDate date = article.publishedAt == null ? LocalDate.now(clock.withZone(config.timeZone()))
                : article.publishedAt.atZone(config.timeZone()).toLocalDate();
        LocalDate accessed = LocalDate.now(clock.withZone(config.timeZone()));
        String author = article.authorName;
        String url = mapper.url(article);
        String key = config.citationKeyPrefix() + "-" + article.id;
        return switch (format) {
            case TEXT -> author + ". (" + TEXT_DATE.format(date) + "). 《" + oneLine(article.title) + "》[Blog post]. "
                    + "Retrieved from " + url;
            case BIBTEX -> "@online{" + key + ",\n"
                    + "        title={" + tex(article.title) + "},\n"
                    + "        author={" + tex(author) + "},\n"
                    + "        year={" + date.getYear() + "},\n"
                    + "        month={" + BIBTEX_MONTH.format(date) + "},\n"
                    + "        url={\\url{" + texUrl(url) + "}},\n"
                    + "}";
            case BIBLATEX -> "@online{" + key + ",\n"
                    + "  author       = {" + tex(author) + "},\n"
                    + "  title        = {" + tex(article.title) + "},\n"
                    + "  date         = {" + date + "},\n"
                    + "  url          = {" + texUrl(url) + "},\n"
                    + "  urldate      = {" + accessed + "},\n"
                    + "  organization = {" + tex(config.siteName()) + "},\n"
                    + "}";
            case RIS -> String.join("\r\n",
                    "TY  - BLOG",
                    "AU  - " + oneLine(author),
                    "TI  - " + oneLine(article.title),
                    "T2  - " + oneLine(config.siteName()),
                    "PY  - " + date.getYear(),
                    "DA  - " + date.format(DateTimeFormatter.ofPattern("yyyy/MM/dd/")),
                    "Y2  - " + accessed.format(DateTimeFormatter.ofPattern("yyyy/MM/dd/")),
                    "UR  - " + url,
                    "ER  - ") + "\r\n";
            case CSL_JSON -> cslJson(key, article, author, url, date, accessed);
            case GBT7714 -> oneLine(author) + ". " + oneLine(article.title) + "[EB/OL]. (" + date + ")[" + accessed
                    + "]. " + url + ".";
        };
    }

    private String cslJson(String key, Article article, String author, String url, LocalDate date, LocalDate accessed) {
        ArrayNode root = json.createArrayNode();
        ObjectNode item = root.addObject();
        item.put("id", key);
        item.put("type", "post-weblog");
        item.put("title", article.title);
        item.putArray("author").addObject().put("literal", author);
        item.put("container-title", config.siteName());
        item.put("URL", url);
        item.putObject("issued").putArray("date-parts").addArray()
                .add(date.getYear()).add(date.getMonthValue()).add(date.getDayOfMonth());
        item.putObject("accessed").putArray("date-parts").addArray()
                .add(accessed.getYear()).add(accessed.getMonthValue()).add(accessed.getDayOfMonth());
        return root.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    /** Escapes TeX's special characters so any title compiles. */
    static String tex(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : oneLine(s).toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '$', '&', '#', '_', '%' -> out.append('\\').append(c);
                case '^' -> out.append("\\^{}");
                case '~' -> out.append("\\~{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Inside \\url{} only % and # and unbalanced braces break; escape those. */
    private static String texUrl(String url) {
        return url.replace("%", "\\%").replace("#", "\\#").replace("{", "%7B").replace("}", "%7D");
    }
}
