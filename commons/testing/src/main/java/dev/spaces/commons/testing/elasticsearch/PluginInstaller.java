package dev.spaces.commons.testing.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static java.lang.System.Logger.Level.INFO;

/**
 * Installs plugin zips with the distribution's own {@code elasticsearch-plugin}, once: a checksum of the zip is
 * kept beside the distribution, and the plugin is reinstalled only when its zip changed (the build makes the zip
 * reproducible, so an unchanged plugin costs nothing on reruns).
 */
final class PluginInstaller {

    private static final System.Logger LOG = System.getLogger(PluginInstaller.class.getName());
    private static final List<String> DESCRIPTORS = List.of("stable-plugin-descriptor.properties", "plugin-descriptor.properties");

    private PluginInstaller() {
    }

    static void ensureInstalled(ElasticsearchDistribution distribution, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path home = distribution.home();
        for (Path zip : distribution.pluginZips()) {
            String name = pluginName(zip);
            String checksum = sha256(zip);
            Path installed = home.resolve("plugins").resolve(name);
            Path marker = home.resolve(".installed-plugins").resolve(name + ".sha256");
            if (Files.isDirectory(installed) && Files.exists(marker) && Files.readString(marker).equals(checksum)) {
                continue;
            }
            long startedAt = System.nanoTime();
            String pluginCli = home.resolve("bin/elasticsearch-plugin").toString();
            if (Files.isDirectory(installed)) {
                Commands.run(List.of(pluginCli, "remove", name), environment);
            }
            Commands.run(List.of(pluginCli, "install", "--batch", zip.toUri().toString()), environment);
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, checksum);
            LOG.log(INFO, "Installed Elasticsearch plugin {0} from {1} in {2} ms", name, zip,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        }
    }

    private static String pluginName(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (String descriptor : DESCRIPTORS) {
                ZipEntry entry = file.getEntry(descriptor);
                if (entry != null) {
                    Properties properties = new Properties();
                    try (InputStream in = file.getInputStream(entry)) {
                        properties.load(in);
                    }
                    return properties.getProperty("name");
                }
            }
        }
        throw new IOException(zip + " has no plugin descriptor");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
