package dev.spaces.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Turns what {@code bench/run} collected in its work directory into {@code <date>.md} and {@code <date>.json}:
 * every wrk figure (rps of 2xx answers, p50, p99, errors), the search harness's figures, start-to-ready and RSS per
 * service, the ratios and the targets marked met / NOT met. Usage: {@code BenchReport <work dir> <md> <json>}.
 *
 * <p>Work directory layout (written by the script): {@code facts.properties} (machine, settings, choices),
 * {@code wrk/<key>.txt} (wrk's output with report.lua's {@code BENCH_RESULT} line), {@code search-on.json} /
 * {@code search-off.json} (SearchBench {@code --json}), {@code services.tsv} (name, ready ms, RSS idle kB, RSS peak
 * under load kB, how it was started, CPU ms to ready, of which JIT compiler threads), {@code page-weight.tsv} (the reader
 * site's page types: type, path, HTML raw and gzip bytes, CSS raw and gzip bytes, stylesheets, JS raw and gzip bytes,
 * scripts, render-blocking scripts) and optional {@code profiles/<name>.txt}.
 */
public final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** key → label, what the request goes through; the order of the report's table. */
    private static final Map<String, String[]> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("nginx-file", new String[] {"nginx, static file", "wrk → nginx"});
        TARGETS.put("nginx-onehop", new String[] {"nginx one-hop, by id", "wrk → nginx → nginx (file)"});
        TARGETS.put("content-direct", new String[] {"content-service directly, by id", "wrk → content-service"});
        TARGETS.put("gateway-cached", new String[] {"gateway, cache on, by id", "wrk → gateway (cache hit)"});
        TARGETS.put("gateway-uncached", new String[] {"gateway, cache off, by id", "wrk → gateway → content-service"});
        // the reader site (issue 21): its article page, the chapter with the most formulas, against the same HTML
        // served by nginx one-hop and WordPress's rendered post page of that chapter
        TARGETS.put("nginx-onehop-page", new String[] {"nginx one-hop, article page (HTML file)", "wrk → nginx → nginx (file)"});
        TARGETS.put("gateway-page-cached", new String[] {"site article page, gateway cache on", "wrk → gateway (cache hit)"});
        TARGETS.put("gateway-home-cached", new String[] {"site home page, gateway cache on", "wrk → gateway (cache hit)"});
        // the same pages as readers' browsers ask for them (Accept-Encoding: gzip…): the gateway's gzip copy, and
        // nginx's gzip_static of those very bytes
        TARGETS.put("nginx-onehop-page-gzip", new String[] {"nginx one-hop, article page, gzip (gzip_static)",
            "wrk → nginx → nginx (file.gz)"});
        TARGETS.put("gateway-page-cached-gzip", new String[] {"site article page, gateway cache on, gzip",
            "wrk → gateway (cache hit, gzip copy)"});
        TARGETS.put("gateway-home-cached-gzip", new String[] {"site home page, gateway cache on, gzip",
            "wrk → gateway (cache hit, gzip copy)"});
        TARGETS.put("gateway-page-uncached", new String[] {"site article page, gateway cache off (rendered)",
            "wrk → gateway → site → content-, comment-service"});
        TARGETS.put("wordpress-page", new String[] {"WordPress, rendered post page (default theme)", "wrk → nginx → php-fpm → MariaDB"});
        TARGETS.put("nginx-onehop-list", new String[] {"nginx one-hop, list pages", "wrk → nginx → nginx (files)"});
        TARGETS.put("gateway-list", new String[] {"gateway, cache off, list pages", "wrk → gateway → content-service"});
        TARGETS.put("gateway-recent-comments", new String[] {"gateway, recent comments", "wrk → gateway → comment-service"});
        TARGETS.put("gateway-comment-post", new String[] {"gateway, comment POST (members)", "wrk → gateway → comment-service → PG"});
        TARGETS.put("gateway-search", new String[] {"gateway, search, result cache on", "wrk → gateway → search-service (→ ES)"});
        TARGETS.put("gateway-search-nocache", new String[] {"gateway, search, result cache off", "wrk → gateway → search-service → ES"});
        TARGETS.put("wordpress-id", new String[] {"WordPress, post by id", "wrk → nginx → php-fpm → MariaDB"});
        TARGETS.put("wordpress-list", new String[] {"WordPress, post list pages", "wrk → nginx → php-fpm → MariaDB"});
        TARGETS.put("wordpress-search", new String[] {"WordPress, search", "wrk → nginx → php-fpm → MariaDB"});
    }

    private final Path work;
    private final Properties facts = new Properties();
    private final ObjectNode json = JSON.createObjectNode();
    private final StringBuilder md = new StringBuilder();
    private final ArrayNode targets = JSON.createArrayNode();

    private BenchReport(Path work) throws IOException {
        this.work = work;
        try (Reader reader = Files.newBufferedReader(work.resolve("facts.properties"), StandardCharsets.UTF_8)) {
            facts.load(reader);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BenchReport <work dir> <report.md> <report.json>");
            System.exit(2);
        }
        BenchReport report = new BenchReport(Path.of(args[0]));
        report.build();
        Files.writeString(Path.of(args[1]), report.md);
        Files.writeString(Path.of(args[2]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.json) + "\n");
    }

    private void build() throws IOException {
        Map<String, ObjectNode> http = readWrk();
        JsonNode searchOn = readJson("search-on.json");
        JsonNode searchOff = readJson("search-off.json");
        List<String[]> services = readTsv("services.tsv");

        json.put("date", fact("started"));
        json.put("mode", fact("mode"));
        ObjectNode machine = json.putObject("machine");
        for (String key : List.of("cpu", "cores", "memory", "kernel", "jdk", "nginx", "wrk", "wordpress", "php", "mariadb",
                "load_before", "load_after", "commit")) {
            machine.put(key, fact(key));
        }
        ObjectNode settings = json.putObject("settings");
        for (String key : List.of("wrk_settings", "article_id", "article_bytes", "site_article_id", "site_article_formulas",
                "site_article_html_bytes", "site_page_types", "wordpress_page", "wordpress_theme", "list_pages", "list_size", "articles",
                "members", "comment_articles", "search_clients", "publishes", "duration_seconds")) {
            settings.put(key, fact(key));
        }
        ObjectNode httpJson = json.putObject("http");
        http.forEach(httpJson::set);
        if (searchOn != null) {
            json.set("search_cache_on", searchOn);
        }
        if (searchOff != null) {
            json.set("search_cache_off", searchOff);
        }
        ObjectNode servicesJson = json.putObject("services");
        for (String[] s : services) {
            ObjectNode node = servicesJson.putObject(s[0]);
            putNumber(node, "ready_ms", s[1]);
            putNumber(node, "rss_idle_mb", kbToMb(s[2]));
            putNumber(node, "rss_load_mb", kbToMb(s[3]));
            node.put("measured_on", s.length > 4 ? s[4] : "");
            putNumber(node, "ready_cpu_ms", s.length > 5 ? s[5] : "");
            putNumber(node, "ready_jit_ms", s.length > 6 ? s[6] : "");
        }

        md.append("# Spaces benchmark, ").append(fact("started")).append("\n\n");
        if (!fact("note").isEmpty()) {
            md.append("> ").append(fact("note").replace("\n", "\n> ")).append("\n\n");
        }
        md.append("`bench/run").append("quick".equals(fact("mode")) ? " --quick" : "").append("` against the stack of `./spaces up` ")
                .append("with ").append(fact("articles")).append(" published articles. Every HTTP target: `")
                .append(fact("wrk_settings")).append("`. rps counts 2xx answers only (the ratios use it); errors = ")
                .append("non-2xx answers / socket errors.\n\n");

        md.append("## Targets\n\n| Target | Measured | Goal | Verdict |\n|---|---:|---:|---|\n");
        ratioTarget("Article by id: gateway (cache on) ÷ nginx one-hop", http, "gateway-cached", "nginx-onehop", 0.8);
        ratioTarget("Article list: gateway (uncached pages) ÷ nginx one-hop", http, "gateway-list", "nginx-onehop-list", 0.5);
        ratioTarget("Article by id: Spaces (gateway, cache on) ÷ WordPress", http, "gateway-cached", "wordpress-id", 100);
        ratioTarget("Article page: gateway (cache on) ÷ nginx one-hop (same HTML)", http, "gateway-page-cached", "nginx-onehop-page", 0.5);
        ratioTarget("Article page: Spaces (gateway, cache on) ÷ WordPress's rendered post page", http, "gateway-page-cached",
                "wordpress-page", 50);
        ratioTarget("Article page as browsers ask (gzip): gateway (cache on) ÷ nginx one-hop (same bytes)", http,
                "gateway-page-cached-gzip", "nginx-onehop-page-gzip", 0.5);
        // readers' pages are asked for by browsers, which all send Accept-Encoding: the p99 a reader meets is the one
        // of the gzip copy (the identity answers' p99 stands in the HTTP table below)
        String pageP99 = http.containsKey("gateway-page-cached-gzip") ? "gateway-page-cached-gzip" : "gateway-page-cached";
        String homeP99 = http.containsKey("gateway-home-cached-gzip") ? "gateway-home-cached-gzip" : "gateway-home-cached";
        p99Target("Article page p99, gateway cache on (warm" + (pageP99.endsWith("gzip") ? ", as browsers ask: gzip)" : ")"),
                http, pageP99, 20);
        p99Target("Home page p99, gateway cache on (warm" + (homeP99.endsWith("gzip") ? ", as browsers ask: gzip)" : ")"),
                http, homeP99, 20);
        List<String[]> pages = readTsv("page-weight.tsv");
        for (String[] page : pages) {
            if (!page[0].startsWith("wordpress")) {
                long gzip = Long.parseLong(page[3]) + Long.parseLong(page[5]);
                long budget = pageBudget(page[0]);
                long blocking = Long.parseLong(page[10]);
                target("Page weight, " + page[0] + ": HTML + CSS gzipped, render-blocking scripts", gzip,
                        String.format(Locale.ROOT, "%.1f KB, %d blocking", gzip / 1024.0, blocking),
                        String.format(Locale.ROOT, "≤ %d KB, 0 blocking", budget / 1024), gzip <= budget && blocking == 0);
            }
        }
        ratioTarget("Search: Spaces (gateway, result cache on) ÷ WordPress", http, "gateway-search", "wordpress-search", 100);
        ratioTarget("Search: Spaces (gateway, result cache off) ÷ WordPress", http, "gateway-search-nocache", "wordpress-search", 100);
        if (http.containsKey("gateway-comment-post")) {
            double rps = http.get("gateway-comment-post").path("rps").asDouble();
            long errors = http.get("gateway-comment-post").path("non2xx").asLong()
                    + http.get("gateway-comment-post").path("socket_errors").asLong();
            target("Comment POST via gateway (2xx/s)", rps, String.format(Locale.ROOT, "%.0f/s", rps)
                    + (errors > 0 ? String.format(Locale.ROOT, " (%,d errors)", errors) : ""), "≥ 2,000/s", rps >= 2000 && errors == 0);
        }
        searchTarget("Search p99, " + searchClients(searchOn) + " clients, result cache on", searchOn);
        searchTarget("Search p99, " + searchClients(searchOff) + " clients, result cache off", searchOff);
        if (searchOn != null && searchOn.has("publish")) {
            JsonNode p = searchOn.get("publish");
            double p99 = p.path("p99_ms").asDouble();
            target("Publish → searchable p99 (" + p.path("publishes").asInt() + " publishes)", p99,
                    String.format(Locale.ROOT, "%.0f ms", p99), "≤ 1,000 ms", p99 <= 1000 && p.path("failed").asLong() == 0);
        }
        for (String[] s : services) {
            if (!s[1].isEmpty()) {
                double ms = Double.parseDouble(s[1]);
                target(s[0] + ": start → ready", ms, String.format(Locale.ROOT, "%.2f s", ms / 1000), "≤ 2 s", ms <= 2000);
            }
            if (!s[2].isEmpty()) {
                double mb = Double.parseDouble(kbToMb(s[2]));
                target(s[0] + ": RSS idle", mb, String.format(Locale.ROOT, "%.0f MB", mb), "≤ 200 MB", mb <= 200);
            }
        }
        importTarget();
        json.set("targets", targets);
        md.append('\n');

        md.append("## HTTP (wrk)\n\n| Target | Path | rps | p50 (ms) | p99 (ms) | errors |\n|---|---|---:|---:|---:|---|\n");
        for (Map.Entry<String, String[]> t : TARGETS.entrySet()) {
            ObjectNode r = http.get(t.getKey());
            if (r != null) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %d / %d |%n", t.getValue()[0],
                        t.getValue()[1], r.path("rps").asDouble(), r.path("p50_ms").asDouble(), r.path("p99_ms").asDouble(),
                        r.path("non2xx").asLong(), r.path("socket_errors").asLong()));
            }
        }
        md.append('\n');
        cpuPerRequest(http);
        md.append("## Ratios (rps of 2xx answers)\n\n| Ratio | rps | p99 |\n|---|---:|---:|\n");
        ArrayNode ratios = json.putArray("ratios");
        ratio(ratios, "gateway cache on ÷ nginx one-hop (by id)", http, "gateway-cached", "nginx-onehop");
        ratio(ratios, "gateway cache off ÷ nginx one-hop (by id)", http, "gateway-uncached", "nginx-onehop");
        ratio(ratios, "gateway cache on ÷ content-service direct (by id)", http, "gateway-cached", "content-direct");
        ratio(ratios, "gateway cache off ÷ content-service direct (by id)", http, "gateway-uncached", "content-direct");
        ratio(ratios, "nginx one-hop ÷ nginx file (by id)", http, "nginx-onehop", "nginx-file");
        ratio(ratios, "site article page, gateway cache on ÷ nginx one-hop (same HTML)", http, "gateway-page-cached", "nginx-onehop-page");
        ratio(ratios, "site article page as browsers ask (gzip), gateway cache on ÷ nginx one-hop gzip_static (same bytes)",
                http, "gateway-page-cached-gzip", "nginx-onehop-page-gzip");
        ratio(ratios, "site article page, gateway cache off (rendered) ÷ nginx one-hop (same HTML)", http, "gateway-page-uncached",
                "nginx-onehop-page");
        ratio(ratios, "site article page: Spaces (cache on) ÷ WordPress post page", http, "gateway-page-cached", "wordpress-page");
        ratio(ratios, "site article page: Spaces (cache off, rendered) ÷ WordPress post page", http, "gateway-page-uncached",
                "wordpress-page");
        ratio(ratios, "gateway list (uncached) ÷ nginx one-hop list", http, "gateway-list", "nginx-onehop-list");
        ratio(ratios, "Spaces ÷ WordPress, by id (gateway cache on)", http, "gateway-cached", "wordpress-id");
        ratio(ratios, "Spaces ÷ WordPress, by id (gateway cache off)", http, "gateway-uncached", "wordpress-id");
        ratio(ratios, "Spaces ÷ WordPress, list pages (gateway cache off)", http, "gateway-list", "wordpress-list");
        ratio(ratios, "Spaces ÷ WordPress, search (result cache on)", http, "gateway-search", "wordpress-search");
        ratio(ratios, "Spaces ÷ WordPress, search (result cache off)", http, "gateway-search-nocache", "wordpress-search");
        md.append('\n');

        pageWeight(pages);
        md.append("## Search (closed loop, HdrHistogram) and publish → searchable\n\n");
        md.append("| Run | articles | clients | req/s | p50 | p90 | p99 | p99.9 | max | non-200 | cache hits |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        searchRow("result cache on (search-service directly)", searchOn);
        searchRow("result cache off (search-service directly)", searchOff);
        if (searchOn != null && searchOn.has("publish")) {
            JsonNode p = searchOn.get("publish");
            md.append(String.format(Locale.ROOT, "%n| Publish → searchable | publishes | p50 | p90 | p99 | max | not found in 30 s |%n"
                            + "|---|---:|---:|---:|---:|---:|---:|%n| publish request → first search hit | %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d |%n",
                    p.path("publishes").asInt(), p.path("p50_ms").asDouble(), p.path("p90_ms").asDouble(),
                    p.path("p99_ms").asDouble(), p.path("max_ms").asDouble(), p.path("failed").asLong()));
        }
        md.append('\n');

        md.append("## Services: start → ready and RSS\n\n| Service | start → ready | CPU to ready | of which JIT | RSS idle | RSS peak under load | measured on |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (String[] s : services) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", s[0],
                    seconds(s, 1), seconds(s, 5), seconds(s, 6),
                    s[2].isEmpty() ? "–" : kbToMb(s[2]) + " MB", s[3].isEmpty() ? "–" : kbToMb(s[3]) + " MB",
                    s.length > 4 ? s[4] : ""));
        }
        md.append("\nstart → ready: from the process's start (`/proc/<pid>/stat`) to the first 200 from `/q/health/ready`, ")
                .append("polled every 20 ms, with PostgreSQL, Keycloak and Elasticsearch already up. CPU to ready: the JVM's ")
                .append("user + system time at that moment, all its threads; of which JIT: its C1 and C2 compiler threads'; on a shared ")
                .append("machine it moves less than the wall time. RSS: `VmRSS` of ")
                .append("`/proc/<pid>/status`; idle = 5 s after ready, before any load; under load = the highest value ")
                .append("sampled every 0.5 s while wrk or the search harness ran against it. The services' JVMs run with the ")
                .append("options `./spaces` starts them with (`./spaces jvm-options <service>`): `")
                .append(fact("jvm_options").isEmpty() ? "–" : fact("jvm_options")).append("`")
                .append(fact("packages").isEmpty() ? "" : "; packages (Quarkus jar type): " + fact("packages"))
                .append(".\n\n");
        if (!fact("startup_note").isEmpty()) {
            md.append("Note: ").append(fact("startup_note")).append(".\n\n");
        }

        importSection();
        md.append("## Machine and settings\n\n");
        md.append("- CPU: ").append(fact("cores")).append(" cores (").append(fact("cpu")).append("); memory ")
                .append(fact("memory")).append("; kernel ").append(fact("kernel")).append('\n');
        md.append("- load average before: ").append(fact("load_before")).append("; after: ").append(fact("load_after"))
                .append("; run took ").append(fact("elapsed")).append('\n');
        md.append("- JDK: ").append(fact("jdk")).append("; ").append(fact("nginx")).append("; wrk ").append(fact("wrk"))
                .append('\n');
        if (!fact("wordpress").isEmpty()) {
            md.append("- WordPress ").append(fact("wordpress")).append(" (Debian package), PHP ").append(fact("php"))
                    .append(" (php-fpm, opcache on), MariaDB ").append(fact("mariadb")).append("; ")
                    .append(fact("wordpress_setup")).append('\n');
        }
        md.append("- article by id: `/api/v1/articles/").append(fact("article_id")).append("` (").append(fact("article_bytes"))
                .append(" bytes of JSON; nginx serves the same bytes as a file; WordPress post ").append(fact("article_id"))
                .append(" holds the same article); list: pages 1–").append(fact("list_pages")).append(" of ")
                .append(fact("list_size")).append(" articles, rotated by every wrk thread\n");
        if (!fact("site_article_id").isEmpty()) {
            md.append("- reader site: article page `/archives/").append(fact("site_article_id")).append("` (「")
                    .append(fact("site_article_title")).append("」, ").append(fact("site_article_formulas"))
                    .append(" formulas, ").append(fact("site_article_html_bytes")).append(" bytes of article HTML: the published ")
                    .append("article with the most formulas); nginx serves the page's bytes, as the gateway answered them, as a file")
                    .append(fact("wordpress_page").isEmpty() ? "" : "; WordPress renders the same post at `" + fact("wordpress_page")
                            + "` with its default theme (" + fact("wordpress_theme") + ")")
                    .append("; page types found: ").append(fact("site_page_types")).append('\n');
        }
        md.append("- comment POST: ").append(fact("members")).append(" members (Keycloak password grant), articles ")
                .append(fact("comment_articles")).append(", unique Markdown + LaTeX bodies; gateway and comment-service rate ")
                .append("limits raised for the run: ").append(fact("limits")).append('\n');
        md.append("- search (wrk and harness): ").append(fact("queries")).append(" queries (Chinese words, mixed, formulas), rotated\n");
        md.append("- processes started by bench/run for the run: ").append(fact("bench_processes")).append('\n');
        md.append("- commit: ").append(fact("commit")).append('\n');

        Path profiles = work.resolve("profiles");
        if (Files.isDirectory(profiles)) {
            md.append("\n## Profiles (JFR, hot methods)\n");
            try (Stream<Path> files = Files.list(profiles).sorted()) {
                for (Path file : files.toList()) {
                    md.append("\n### ").append(file.getFileName().toString().replace(".txt", "")).append("\n\n```\n")
                            .append(Files.readString(file).strip()).append("\n```\n");
                }
            }
        }
        md.append("\n## wrk output\n");
        for (Map.Entry<String, ObjectNode> e : http.entrySet()) {
            md.append("\n### ").append(e.getKey()).append("\n\n```\n").append(e.getValue().path("raw").asText().strip())
                    .append("\n```\n");
            e.getValue().remove("raw");
        }
    }

    // --- parts ---------------------------------------------------------------------------------------------

    /**
     * Where a request's CPU goes: the CPU time each component's process tree used during the measured wrk run (from
     * {@code cpu/<key>.tsv}: component, clock ticks), divided by the requests answered.
     */
    /** bench/run's name for the JVMs' JIT compiler threads in {@code cpu/<key>.tsv} (part of the processes' time). */
    private static final String JIT = "JIT compilers";

    private void cpuPerRequest(Map<String, ObjectNode> http) throws IOException {
        String tck = fact("clk_tck");
        if (tck.isEmpty() || !Files.isDirectory(work.resolve("cpu"))) {
            return;
        }
        double msPerTick = 1000.0 / Double.parseDouble(tck);
        md.append("## CPU per request\n\nCPU time (user + system, of each process tree) during the measured run, divided "
                + "by the requests answered. \"rest\" is the machine's busy time not in those trees: wrk, the kernel's "
                + "interrupt work, anything else running. \"of which JIT\": the part spent by the JVMs' JIT compiler "
                + "threads (all JVMs; already counted in their processes) — a warm-up cost that a longer run spreads over "
                + "more requests, not a cost of each request.\n\n");
        md.append("| Target | requests | machine, ms per request | by process, ms per request | of which JIT |\n|---|---:|---:|---|---:|\n");
        ObjectNode cpuJson = json.putObject("cpu_ms_per_request");
        for (Map.Entry<String, String[]> t : TARGETS.entrySet()) {
            ObjectNode r = http.get(t.getKey());
            Path file = work.resolve("cpu").resolve(t.getKey() + ".tsv");
            if (r == null || !Files.exists(file) || r.path("requests").asLong() == 0) {
                continue;
            }
            double requests = r.path("requests").asLong();
            Map<String, Double> perRequest = new LinkedHashMap<>();
            double machine = 0;
            double jit = 0;
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    continue;
                }
                double ms = Long.parseLong(parts[1].strip()) * msPerTick / requests;
                if (parts[0].equals("machine")) {
                    machine = ms;
                } else if (parts[0].equals(JIT)) {
                    jit = Math.max(0, ms); // a JVM that exited meanwhile takes its compiler threads' time with it
                } else {
                    perRequest.put(parts[0], ms);
                }
            }
            double attributed = perRequest.values().stream().mapToDouble(Double::doubleValue).sum();
            perRequest.put("rest", Math.max(0, machine - attributed));
            ObjectNode node = cpuJson.putObject(t.getKey());
            node.put("machine", machine);
            node.put("jit", jit);
            StringBuilder parts = new StringBuilder();
            perRequest.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .filter(e -> e.getValue() >= 0.0005)
                    .forEach(e -> {
                        node.put(e.getKey(), e.getValue());
                        parts.append(parts.isEmpty() ? "" : " · ").append(e.getKey()).append(' ')
                                .append(String.format(Locale.ROOT, "%.3f", e.getValue()));
                    });
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %s | %.3f |%n", t.getValue()[0], (long) requests, machine,
                    parts, jit));
        }
        md.append('\n');
    }

    private Map<String, ObjectNode> readWrk() throws IOException {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        for (String key : TARGETS.keySet()) {
            Path file = work.resolve("wrk").resolve(key + ".txt");
            if (!Files.exists(file)) {
                continue;
            }
            String out = Files.readString(file);
            String line = out.lines().filter(l -> l.startsWith("BENCH_RESULT ")).findFirst().orElse(null);
            if (line == null) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            for (String pair : line.substring("BENCH_RESULT ".length()).split(" ")) {
                int eq = pair.indexOf('=');
                f.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            double seconds = Double.parseDouble(f.get("seconds"));
            long requests = Long.parseLong(f.get("requests"));
            long non2xx = Long.parseLong(f.get("non2xx"));
            ObjectNode node = JSON.createObjectNode();
            node.put("label", TARGETS.get(key)[0]);
            node.put("rps", (requests - non2xx) / seconds);
            node.put("rps_all", Double.parseDouble(f.get("rps")));
            for (String p : List.of("p50_ms", "p90_ms", "p99_ms", "max_ms")) {
                node.put(p, Double.parseDouble(f.get(p)));
            }
            node.put("requests", requests);
            node.put("seconds", seconds);
            node.put("non2xx", non2xx);
            node.put("socket_errors", Long.parseLong(f.get("connect")) + Long.parseLong(f.get("read"))
                    + Long.parseLong(f.get("write")) + Long.parseLong(f.get("timeout")));
            node.put("bytes", Long.parseLong(f.get("bytes")));
            node.put("raw", out.lines().filter(l -> !l.startsWith("BENCH_RESULT")).reduce("", (a, b) -> a + b + "\n"));
            result.put(key, node);
        }
        return result;
    }

    private JsonNode readJson(String name) throws IOException {
        Path file = work.resolve(name);
        return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
    }

    private List<String[]> readTsv(String name) throws IOException {
        Path file = work.resolve(name);
        List<String[]> rows = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }

    private void ratioTarget(String name, Map<String, ObjectNode> http, String a, String b, double goal) {
        if (http.containsKey(a) && http.containsKey(b)) {
            double r = http.get(a).path("rps").asDouble() / http.get(b).path("rps").asDouble();
            long errors = http.get(a).path("non2xx").asLong() + http.get(a).path("socket_errors").asLong();
            // a target that answers errors is not met, whatever its rate of successes
            target(name, r, String.format(Locale.ROOT, r >= 10 ? "%.0f ×" : "%.2f ×", r)
                            + (errors > 0 ? String.format(Locale.ROOT, " (%,d errors)", errors) : ""),
                    String.format(Locale.ROOT, goal >= 10 ? "≥ %.0f ×" : "≥ %.2f ×", goal),
                    r >= goal && errors == 0);
        }
    }

    private void p99Target(String name, Map<String, ObjectNode> http, String key, double goalMs) {
        if (http.containsKey(key)) {
            double p99 = http.get(key).path("p99_ms").asDouble();
            long errors = http.get(key).path("non2xx").asLong() + http.get(key).path("socket_errors").asLong();
            // a run that answered nothing has no latency to speak of (wrk reports 0 ms): not met
            boolean answered = http.get(key).path("rps").asDouble() > 0;
            target(name + ", " + fact("connections") + " connections", p99, (answered ? String.format(Locale.ROOT, "%.1f ms", p99)
                            : "no answer") + (errors > 0 ? String.format(Locale.ROOT, " (%,d errors)", errors) : ""),
                    String.format(Locale.ROOT, "≤ %.0f ms", goalMs), answered && p99 <= goalMs && errors == 0);
        }
    }

    /**
     * The page-weight budget of a page type, HTML + CSS gzipped. An article page carries a whole chapter as MathML
     * (about ten times the bytes of the TeX it renders, though it compresses well), so it gets more room than the
     * list pages, whose weight is the site's own frame and excerpts.
     */
    static long pageBudget(String type) {
        return "article".equals(type) ? 100 * 1024 : 30 * 1024;
    }

    /** The reader site's page types: what a browser downloads to render each (and, for comparison, WordPress's post). */
    private void pageWeight(List<String[]> pages) {
        if (pages.isEmpty()) {
            return;
        }
        md.append("## Reader site: page weight per page type\n\nWhat a browser downloads to render the page: the HTML and the "
                + "stylesheets it links, raw and gzipped (`gzip -6`, the level servers compress with by default; the gateway "
                + "answered without `Accept-Encoding`). Scripts are counted apart: the site's are progressive enhancement only, "
                + "the pages are complete without them (the browser tests prove it with JavaScript off); \"blocking\" counts "
                + "scripts that would hold rendering up (an external one without `defer`/`async`/`type=module`, or an inline one; "
                + "JSON-LD is data). Budget: HTML + CSS gzipped ≤ 100 KB for the article page (a chapter of MathML), ≤ 30 KB "
                + "for every other page type, and no blocking script.\n\n");
        md.append("| Page type | Path | HTML raw | HTML gzip | CSS raw | CSS gzip | HTML + CSS raw | HTML + CSS gzip | JS raw / gzip "
                + "(scripts, blocking) | Budget |\n|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        ArrayNode list = json.putArray("page_weight");
        for (String[] p : pages) {
            long htmlRaw = Long.parseLong(p[2]), htmlGz = Long.parseLong(p[3]), cssRaw = Long.parseLong(p[4]),
                    cssGz = Long.parseLong(p[5]), jsRaw = Long.parseLong(p[7]), jsGz = Long.parseLong(p[8]);
            boolean wordpress = p[0].startsWith("wordpress");
            ObjectNode node = list.addObject();
            node.put("type", p[0]);
            node.put("path", p[1]);
            node.put("html_bytes", htmlRaw);
            node.put("html_gzip_bytes", htmlGz);
            node.put("css_bytes", cssRaw);
            node.put("css_gzip_bytes", cssGz);
            node.put("stylesheets", Long.parseLong(p[6]));
            node.put("js_bytes", jsRaw);
            node.put("js_gzip_bytes", jsGz);
            node.put("scripts", Long.parseLong(p[9]));
            node.put("blocking_scripts", Long.parseLong(p[10]));
            if (!wordpress) {
                node.put("budget_gzip_bytes", pageBudget(p[0]));
            }
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %s | %s (%s) | %s | %s | %s | %s / %s (%s, %s) | %s |%n",
                    wordpress ? "WordPress post (for comparison)" : p[0], p[1], kb(htmlRaw), kb(htmlGz), kb(cssRaw), p[6],
                    kb(cssGz), kb(htmlRaw + cssRaw), kb(htmlGz + cssGz), kb(jsRaw), kb(jsGz), p[9], p[10],
                    wordpress ? "–" : (htmlGz + cssGz <= pageBudget(p[0]) && "0".equals(p[10]) ? "≤ " + pageBudget(p[0]) / 1024
                            + " KB: met" : "≤ " + pageBudget(p[0]) / 1024 + " KB: **NOT met**")));
        }
        md.append('\n');
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private void searchTarget(String name, JsonNode run) {
        if (run != null && run.has("search")) {
            JsonNode s = run.get("search");
            double p99 = s.path("p99_ms").asDouble();
            long failed = s.path("failed").asLong();
            target(name, p99, String.format(Locale.ROOT, "%.1f ms", p99)
                    + (failed > 0 ? String.format(Locale.ROOT, " (%,d non-200)", failed) : ""), "≤ 30 ms", p99 <= 30 && failed == 0);
        }
    }

    private void target(String name, double value, String shown, String goal, boolean met) {
        ObjectNode t = targets.addObject();
        t.put("target", name);
        t.put("value", value);
        t.put("goal", goal);
        t.put("met", met);
        md.append("| ").append(name).append(" | ").append(shown).append(" | ").append(goal).append(" | ")
                .append(met ? "met" : "**NOT met**").append(" |\n");
    }

    private void ratio(ArrayNode ratios, String name, Map<String, ObjectNode> http, String a, String b) {
        if (!http.containsKey(a) || !http.containsKey(b)) {
            return;
        }
        double rps = http.get(a).path("rps").asDouble() / http.get(b).path("rps").asDouble();
        double p99 = http.get(a).path("p99_ms").asDouble() / http.get(b).path("p99_ms").asDouble();
        ObjectNode r = ratios.addObject();
        r.put("ratio", name);
        r.put("rps", rps);
        r.put("p99", p99);
        md.append(String.format(Locale.ROOT, "| %s | %s | %.2f |%n", name,
                String.format(Locale.ROOT, rps >= 10 ? "%.0f" : "%.2f", rps), p99));
    }

    private void searchRow(String name, JsonNode run) {
        if (run == null || !run.has("search")) {
            return;
        }
        JsonNode s = run.get("search");
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d | %d of %d |%n",
                name, run.path("articles").asLong(), s.path("clients").asInt(), s.path("rps").asDouble(),
                s.path("p50_ms").asDouble(), s.path("p90_ms").asDouble(), s.path("p99_ms").asDouble(),
                s.path("p999_ms").asDouble(), s.path("max_ms").asDouble(), s.path("failed").asLong(),
                s.path("cacheHits").asLong(), s.path("cacheRequests").asLong()));
    }

    private static String searchClients(JsonNode run) {
        return run == null ? "?" : run.path("search").path("clients").asText("?");
    }

    private static String kbToMb(String kb) {
        return kb.isEmpty() ? "" : String.format(Locale.ROOT, "%.0f", Long.parseLong(kb) / 1024.0);
    }

    /** Column {@code i} of a services.tsv row, milliseconds shown as seconds ("–" when absent). */
    private static String seconds(String[] row, int i) {
        return row.length <= i || row[i].isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f s", Double.parseDouble(row[i]) / 1000);
    }

    private static void putNumber(ObjectNode node, String key, String value) {
        if (value.isEmpty()) {
            node.putNull(key);
        } else {
            node.put(key, Double.parseDouble(value));
        }
    }

    /** Issue #22's goal: the synthetic Typecho site imported, everything stored, in under 5 minutes. */
    private void importTarget() {
        String name = "Import of a Typecho site (" + fact("import_posts") + " posts, " + fact("import_comments")
                + " comments), live database → Spaces";
        if (!fact("import_error").isEmpty()) {
            target(name, -1, "failed: " + fact("import_error"), "≤ 5 min, all stored", false);
        } else if (!fact("import_seconds").isEmpty()) {
            double seconds = Double.parseDouble(fact("import_seconds"));
            boolean all = fact("import_posts_stored").equals(fact("import_posts"))
                    && fact("import_comments_stored").equals(fact("import_comments"));
            target(name, seconds, String.format(Locale.ROOT, "%.0f s (%s posts, %s comments stored)", seconds,
                    fact("import_posts_stored"), fact("import_comments_stored")), "≤ 5 min, all stored",
                    seconds <= 300 && all);
        }
    }

    private void importSection() {
        if (fact("import_seconds").isEmpty() && fact("import_error").isEmpty()) {
            return;
        }
        md.append("## Migration: a Typecho site imported from its live database\n\n");
        if (!fact("import_error").isEmpty()) {
            md.append("The step failed: ").append(fact("import_error")).append(".\n\n");
            return;
        }
        md.append("| Source | Duration | posts/s | comments/s | peak RSS content-service | peak RSS comment-service |\n")
                .append("|---|---:|---:|---:|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| %s | %s s | %s | %s | %s MB | %s MB |%n", fact("import_source"),
                        fact("import_seconds"), fact("import_posts_per_s"), fact("import_comments_per_s"),
                        kbToMb(fact("import_peak_rss_content_kb")), kbToMb(fact("import_peak_rss_comment_kb"))))
                .append("\n`POST /api/v1/imports?format=typecho-mysql` on the content-service of an empty database ")
                .append("(bench/run's own PostgreSQL), comments handed on to bench/run's comment-service; duration from ")
                .append("the 202 to the job's end (polled every second); rates = items stored ÷ that duration; RSS sampled ")
                .append("every 0.5 s while it ran. The job's report: `import-job.json` in the work directory.\n\n");
    }

    private String fact(String key) {
        return facts.getProperty(key, "");
    }
}
