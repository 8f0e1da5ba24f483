package dev.spaces.e2e;

import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract as generated clients see it: every service's {@code /q/openapi} and the gateway's merged document
 * are valid OpenAPI 3.1 (checked against the OpenAPI Initiative's own JSON Schema by {@code @apidevtools/swagger-
 * parser}), and a typed TypeScript client generated from the merged document ({@code openapi-typescript}) compiles
 * with {@code tsc --strict} together with code that calls the API through it ({@code e2e/openapi-tools}). A response
 * without a description once made a standard validator reject the whole document, and generated clients failed.
 */
@Order(5)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("content-service", "comment-service", "search-service");

    private final Stack stack;
    private final Path tools;
    private final Path work = Path.of("target", "openapi").toAbsolutePath();

    OpenApiContractIT(Stack stack) {
        this.stack = stack;
        this.tools = stack.root().resolve("e2e/openapi-tools");
    }

    @BeforeAll
    void installTools() throws IOException {
        Files.createDirectories(work);
        // the lock file pins every package; npm ci installs exactly that from the registry (or npm's cache)
        run(tools, 600, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
    }

    @Test
    @Order(1)
    void everyServicesDocumentAndTheMergedOneAreValidOpenApi31() throws IOException {
        List<String> files = new ArrayList<>();
        for (String service : SERVICES) {
            files.add(save(service, stack.serviceUrl(service)).toString());
        }
        files.add(mergedDocument().toString());
        List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
        command.addAll(files);
        String output = run(tools, 120, command.toArray(String[]::new));
        assertThat(output).contains("valid: " + files.getLast() + " (OpenAPI 3.1");
    }

    @Test
    @Order(2)
    void aTypedClientGeneratedFromTheMergedDocumentCompiles() throws IOException {
        Path merged = mergedDocument();
        Files.createDirectories(tools.resolve("gen"));
        run(tools, 120, "node", "node_modules/openapi-typescript/bin/cli.js", merged.toString(),
                "--output", "gen/api.d.ts");
        assertThat(Files.readString(tools.resolve("gen/api.d.ts"))).contains("\"/api/v1/articles/{id}/publish\"");
        // client-check.ts calls the API through openapi-fetch with the generated types: a renamed path, a
        // removed parameter or a changed response shape is a compile error here
        run(tools, 180, "node", "node_modules/typescript/bin/tsc", "-p", "tsconfig.json");
    }

    /**
     * Studio's typed client is generated at build time from a committed snapshot of the merged document
     * ({@code studio/openapi/spaces-openapi.json}), so the build needs no running stack. The snapshot must be the
     * live document: a changed API with a stale snapshot would compile a client against an API that no longer
     * exists. Compared as JSON trees (member order aside).
     */
    @Test
    @Order(3)
    void studiosOpenApiSnapshotIsTheLiveMergedDocument() throws IOException {
        JsonNode live = JSON.readTree(mergedDocument().toFile());
        JsonNode snapshot = JSON.readTree(stack.root().resolve("studio/openapi/spaces-openapi.json").toFile());
        assertThat(snapshot).as("studio/openapi/spaces-openapi.json differs from the gateway's /q/openapi: refresh it "
                + "with (cd studio && npm run openapi:refresh -- <gateway URL>) and rebuild studio").isEqualTo(live);
    }

    /**
     * The gateway's merged document once it holds every service's operations: the gateway asks a service it has no
     * document of yet again every 2 s (spaces.gateway.openapi.missing-retry-interval), so a service that started
     * after the gateway appears within seconds.
     */
    private Path mergedDocument() throws IOException {
        List<String> expected = List.of("\"/api/v1/articles/{id}/publish\"", "\"/api/v1/articles/{articleId}/comments\"",
                "\"/api/v1/search/formulas\"", "\"/api/v1/articles/{id}/page\"");
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); ; ) {
            Path file = save("gateway-merged", stack.gatewayUrl());
            String document = Files.readString(file);
            if (expected.stream().allMatch(document::contains) || System.nanoTime() > deadline) {
                assertThat(document).as("the merged document has every service's operations")
                        .contains(expected.toArray(String[]::new));
                return file;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Path save(String name, String baseUrl) throws IOException {
        String document = RestAssured.given().baseUri(baseUrl).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Path file = work.resolve(name + ".json");
        Files.writeString(file, document, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs a command, failing the test with its output if it exits non-zero or outlives its limit. */
    private String run(Path dir, int limitSeconds, String... command) throws IOException {
        Path log = Files.createTempFile(work, "command", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            boolean ended = process.waitFor(limitSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log);
            System.out.println(String.join(" ", command) + "\n" + output);
            assertThat(ended).as(String.join(" ", command) + " did not finish in " + limitSeconds + " s\n" + output)
                    .isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
