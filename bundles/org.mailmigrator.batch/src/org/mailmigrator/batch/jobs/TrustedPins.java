package org.mailmigrator.batch.jobs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mailmigrator.batch.Workspace;

/**
 * Certificates trusted "always", in the workspace ({@code trusted-certificates.csv}: host, SHA-256, subject,
 * valid until), where every run looks: the workbench's and {@code batch run}'s alike. Fingerprints are public:
 * nothing secret is stored.
 */
public final class TrustedPins {
    private final Path file;

    public TrustedPins(Workspace ws) {
        this.file = ws.dir().resolve("trusted-certificates.csv");
    }

    public Path file() {
        return file;
    }

    /** Every trusted SHA-256, lower-case hex. */
    public synchronized List<String> pins() {
        List<String> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) {
                if (rec.size() > 1) {
                    out.add(normalize(rec.get(1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable file trusts nothing more than the JDK and the flags
        }
        return out;
    }

    public synchronized void add(UntrustedCertificate c) throws IOException {
        if (pins().contains(normalize(c.sha256()))) {
            return;
        }
        Files.createDirectories(file.getParent());
        StringBuilder line = new StringBuilder();
        CSVFormat.DEFAULT.printRecord(line, c.host(), normalize(c.sha256()), c.subject(), c.notAfter());
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** "AB:CD…" or "abcd…" to "abcd…". */
    public static String normalize(String sha256) {
        return sha256.replace(":", "").trim().toLowerCase(Locale.ROOT);
    }
}
