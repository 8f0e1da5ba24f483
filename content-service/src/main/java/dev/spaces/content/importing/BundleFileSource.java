package dev.spaces.content.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.migration.BundleSink;
import dev.spaces.commons.migration.SiteSource;
import dev.spaces.commons.migration.SourceProblem;
import dev.spaces.commons.migration.bundle.BundleHeader;
import dev.spaces.commons.migration.bundle.BundleLines;
import dev.spaces.commons.migration.bundle.BundleRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Spaces bundle file (NDJSON, {@link BundleLines}): read line by line, so its size does not matter. The first line
 * must be the bundle's header; a line that is not a record of a known kind stops the import with its line number.
 */
public final class BundleFileSource implements SiteSource {

    private final Path file;
    private final ObjectMapper json;

    public BundleFileSource(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    /**
     * Reads the first line only: a file that is no bundle is refused before a job is queued for it.
     *
     * @throws SourceProblem when the first line is not a bundle's header of a version this server reads
     */
    public BundleFileSource checked() {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = lines.readLine();
            if (first == null || first.isBlank()) {
                throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "the bundle is empty");
            }
            BundleRecord record;
            try {
                record = record(first, 1);
            } catch (SourceProblem e) {
                throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, "not a Spaces bundle: " + e.getMessage(), e);
            }
            header(record);
            return this;
        } catch (CharacterCodingException e) {
            throw new SourceProblem(SourceProblem.Type.ENCODING, "the bundle is not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "the bundle could not be read: " + e.getMessage(), e);
        }
    }

    private static void header(BundleRecord record) {
        if (!(record instanceof BundleHeader header && BundleHeader.FORMAT.equals(header.format()))) {
            throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, "line 1 is not the header of a "
                    + "Spaces bundle ({\"kind\":\"header\",\"format\":\"" + BundleHeader.FORMAT + "\",…})");
        }
        if (header.version() > BundleHeader.VERSION) {
            throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, "the bundle is of version "
                    + header.version() + "; this server reads versions up to " + BundleHeader.VERSION);
        }
    }

    /** One record per non-empty line: a byte scan, far quicker than the read. */
    @Override
    public long expectedRecords() {
        long records = 0;
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            boolean content = false;
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        records += content ? 1 : 0;
                        content = false;
                    } else if (buffer[i] != '\r' && buffer[i] != ' ') {
                        content = true;
                    }
                }
            }
            return records + (content ? 1 : 0);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Override
    public void read(BundleSink sink) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader lines = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                decoder))) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                BundleRecord record = record(line, number);
                if (number == 1 || record instanceof BundleHeader) {
                    header(record);
                }
                sink.accept(record);
            }
            if (number == 0) {
                throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "the bundle is empty");
            }
        } catch (CharacterCodingException e) {
            throw new SourceProblem(SourceProblem.Type.ENCODING, "the bundle is not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "the bundle could not be read: " + e.getMessage(), e);
        }
    }

    private BundleRecord record(String line, long number) {
        try {
            JsonNode node = json.readTree(line);
            Class<? extends BundleRecord> type = BundleLines.typeOf(node.path("kind").asText(null));
            if (type == null) {
                throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "line " + number + ": \"kind\" is "
                        + node.path("kind") + ", not one of a bundle's record kinds");
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("kind");
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "line " + number + " is not a bundle record: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : "not a JSON object"), e);
        }
    }

    @Override
    public void close() {
        // nothing held between reads
    }
}
