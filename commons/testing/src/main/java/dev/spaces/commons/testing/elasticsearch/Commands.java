package dev.spaces.commons.testing.elasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Short-lived helper processes (plugin installer, user management), their output folded into errors. */
final class Commands {

    private Commands() {
    }

    /** Runs {@code command} to completion; its output, or an IOException carrying that output when it fails. */
    static String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        if (exitCode != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + exitCode + ":\n" + output);
        }
        return output;
    }

    static String run(String... command) throws IOException, InterruptedException {
        return run(List.of(command), Map.of());
    }

    static boolean succeeds(String... command) throws InterruptedException {
        try {
            run(command);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
