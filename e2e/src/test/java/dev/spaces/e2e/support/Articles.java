package dev.spaces.e2e.support;

import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Writing articles as a demo user, and the unique words and formulas that make them findable. */
public final class Articles {

    /** Characters that rarely sit next to each other in the sample content: four of them make a unique word. */
    private static final String RARE = "鲲鹏麒麟凤凰貔貅饕餮螭蛟夔犼獬豸狻猊椒图睚眦囚牛嘲风蚣蝮赑屃";

    private Articles() {
    }

    /** A Chinese word that occurs nowhere in the sample content. */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            word.append(RARE.charAt(random.nextInt(RARE.length())));
        }
        return word.append("测").toString();
    }

    /** A display formula that occurs nowhere in the sample content. */
    public static String uniqueFormula() {
        int n = ThreadLocalRandom.current().nextInt(10_000, 100_000);
        return "\\mathcal{Z}_{e2e} = \\oint_{\\partial\\Omega} \\xi^{" + n + "}\\,\\mathrm{d}\\zeta";
    }

    /** Creates a draft (201) and returns its id. */
    public static long draft(Api api, String user, String title, String markdown, List<String> tags) {
        Response created = api.json(api.as(user), Map.of("title", title, "markdown", markdown, "tags", tags))
                .post("/api/v1/articles");
        if (created.statusCode() != 201) {
            throw new AssertionError("draft not created: " + created.statusCode() + " " + created.asString());
        }
        return created.jsonPath().getLong("id");
    }

    /** Publishes now; returns the response (200 with the published article). */
    public static Response publish(Api api, String user, long id) {
        return api.json(api.as(user), Map.of()).post("/api/v1/articles/{id}/publish", id);
    }

    public static long publishNew(Api api, String user, String title, String markdown, List<String> tags) {
        long id = draft(api, user, title, markdown, tags);
        Response published = publish(api, user, id);
        if (published.statusCode() != 200) {
            throw new AssertionError("not published: " + published.statusCode() + " " + published.asString());
        }
        return id;
    }
}
