package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22: {@code ./spaces import} moves a blog in from the command line — the file uploaded through the gateway, the
 * job followed with a progress bar, its report printed — and says in words why when it cannot.
 */
@Order(9)
@ExtendWith(StackExtension.class)
class ImportCommandIT {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    private final Stack stack;
    private final Api api;

    ImportCommandIT(Stack stack, Api api) {
        this.stack = stack;
        this.api = api;
    }

    /** A Spaces bundle of a small blog: a category, a tag and three articles, numbered from {@code base}. */
    private static Path bundle(Path dir, long base) throws IOException {
        String key = "https://cli-" + base + ".example";
        StringBuilder lines = new StringBuilder("""
                {"kind":"header","format":"spaces-bundle","version":1,"source":"typecho 1.2.1","sourceKey":"%s",\
                "siteUrl":"%s","timeZone":"Asia/Shanghai","createdAt":"2026-12-01T00:00:00Z"}
                {"kind":"category","type":"CATEGORY","key":"category:1","slug":"cli-%d","name":"命令行 %d"}
                {"kind":"tag","type":"TAG","key":"tag:2","slug":"cli-tag-%d","name":"导入 %d"}
                """.formatted(key, key, base, base, base, base));
        for (int n = 1; n <= 3; n++) {
            lines.append("""
                    {"kind":"article","id":%d,"key":"post:%d","type":"POST","slug":"cli-%d-%d","title":"第 %d 篇",\
                    "body":"欧拉公式 $e^{i\\\\pi} + 1 = 0$。","format":"MARKDOWN","status":"DRAFT",\
                    "createdAt":"2016-0%d-01T00:00:00Z","authorName":"苏剑林","categoryKeys":["category:1"],\
                    "tagKeys":["tag:2"],"reads":%d,"commentsOpen":true}
                    """.formatted(base + n, n, base, n, n, n, n * 10));
        }
        Path file = dir.resolve("blog-" + base + ".ndjson");
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theImportCommandUploadsTheFileFollowsTheJobWithABarAndPrintsTheReport() throws IOException {
        long base = 900_000 + (System.currentTimeMillis() / 1000) % 50_000 * 10;
        Path dir = Files.createDirectories(stack.home().resolveSibling("import-command"));
        Path file = bundle(dir, base);

        Stack.Result dry = stack.run(LIMIT, "import", file.toString(), "--format", "spaces-bundle", "--dry-run");
        assertThat(dry.exitCode()).as(dry.output()).isZero();
        assertThat(dry.output()).contains("(dry run: nothing is stored)").contains("100%")
                .contains("/6 records") // header, category, tag, three articles: the bundle's six lines
                .contains("articles: 3 created, 0 updated, 0 unchanged, 0 skipped")
                .contains("(dry run: nothing was stored)");
        api.as("editor").get("/api/v1/articles/{id}", base + 1).then().statusCode(404);

        Stack.Result done = stack.run(LIMIT, "import", file.toString(), "--format", "spaces-bundle");
        assertThat(done.exitCode()).as(done.output()).isZero();
        assertThat(done.output()).contains("[##############################] 100%")
                .contains("articles: 3 created");
        assertThat(api.as("editor").get("/api/v1/articles/{id}", base + 2).jsonPath().getString("slug"))
                .isEqualTo("cli-" + base + "-2");
    }

    @Test
    void theImportCommandSaysInWordsWhyWhenTheServerRefusesOrTheJobFails() throws IOException {
        Path dir = Files.createDirectories(stack.home().resolveSibling("import-command"));
        Path notADump = Files.writeString(dir.resolve("not-a-dump.sql"), "hello, this is no SQL dump\n");
        Stack.Result refused = stack.run(LIMIT, "import", notADump.toString(), "--format", "typecho-mysqldump");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("the import was refused (HTTP 422)");

        Stack.Result badFormat = stack.run(LIMIT, "import", notADump.toString(), "--format", "joomla");
        assertThat(badFormat.exitCode()).isEqualTo(1);
        assertThat(badFormat.output()).contains("--format must be one of");

        Stack.Result wrongPassword = stack.runWith(LIMIT, java.util.Map.of("SPACES_ADMIN_PASSWORD", "not-it"),
                "import", notADump.toString(), "--format", "typecho-mysqldump");
        assertThat(wrongPassword.exitCode()).isEqualTo(1);
        assertThat(wrongPassword.output()).contains("signing in as admin failed");
    }
}
