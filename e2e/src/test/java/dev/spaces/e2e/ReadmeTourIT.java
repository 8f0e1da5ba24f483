package dev.spaces.e2e;

import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's API tour, run as written (only the ports are moved to the e2e stack's): the code blocks fenced
 * {@code ```bash api-tour} are one bash script with {@code set -euo pipefail}, their curl calls use {@code -f}, so
 * any failing request fails the test. A tour that rots fails here.
 */
@Order(5)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeTourIT {

    private static final Pattern TOUR_BLOCK = Pattern.compile("(?ms)^```bash api-tour\\s*$(.*?)^```\\s*$");

    private final Stack stack;

    ReadmeTourIT(Stack stack) {
        this.stack = stack;
    }

    @Test
    void theApiTourWorksVerbatim() throws IOException, InterruptedException {
        String readme = Files.readString(stack.root().resolve("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = TOUR_BLOCK.matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("```bash api-tour blocks in README.md").isNotEmpty();
        String tour = String.join("\n", blocks);
        // the tour talks to the gateway and Keycloak only, on their default ports
        assertThat(Pattern.compile("localhost:(\\d+)").matcher(tour).results().map(r -> r.group(1)).distinct())
                .containsOnly("8080", "8180");
        assertThat(tour).contains("/api/v1/articles", "/api/v1/search/formulas", "/comments", "openid-connect/token");
        String script = "set -euo pipefail\n" + tour
                .replace("localhost:8080", "localhost:" + stack.gatewayPort())
                .replace("localhost:8180", "localhost:" + stack.keycloakPort());

        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        bash.getOutputStream().close();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        System.out.println("[e2e] README tour output:\n" + output);
        assertThat(bash.exitValue()).as("README tour exit code; output:\n%s", output).isZero();
        assertThat(output)
                .contains("斯特灵(stirling)公式与渐近级数")
                .contains("<em>斯特灵</em>")
                .contains("\"match\": \"exact\"")
                .contains("math inline")
                .doesNotContain("\"title\": null");
        assertThat(output.lines()).as("a jq filter that found nothing").doesNotContain("null");
    }
}
