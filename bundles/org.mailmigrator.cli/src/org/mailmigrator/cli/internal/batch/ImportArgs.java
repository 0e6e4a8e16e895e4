package org.mailmigrator.cli.internal.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.csv.CsvFormat;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportProblem;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.core.model.Secret;

import picocli.CommandLine.Option;

/** The options of an import, shared by {@code batch import} and {@code batch run FILE.csv}. */
public final class ImportArgs {
    @Option(names = "--name", paramLabel = "NAME", description = "batch name (default: the file name)")
    String name;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (default) or an installed format: omm, imapsync, exchange, native, or one a plug-in adds")
    String format;
    @Option(names = "--skip-bad-rows", description = "import the valid rows of a file that has problems")
    boolean skipBadRows;
    @Option(names = "--source-server", paramLabel = "HOST|URL", description = "Exchange CSV: the source IMAP server")
    String sourceServer;
    @Option(names = "--destination-server", paramLabel = "HOST|URL", description = "Exchange CSV: the destination server")
    String destinationServer;
    @Option(names = "--destination-password-file", paramLabel = "FILE",
            description = "Exchange CSV: first line is the destination (administrator) password")
    Path destinationPasswordFile;
    @Option(names = "--notify", paramLabel = "ADDRESS", description = "notification e-mail address of the batch")
    String notify;
    @Option(names = "--at", paramLabel = "DATE-TIME", description = "start the batch at this time (2026-12-01T22:00, local time, or with an offset)")
    String at;

    static String nameOf(Path file) {
        String n = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    /** Imports a file; prints its problems; returns the stored batch, or empty when nothing was stored. */
    Optional<BatchSpec> run(Path file, BatchWorkspace workspace, BatchDefaults limits, PrintWriter out, PrintWriter err)
            throws Exception {
        CsvImporter importer = workspace.importer();
        CsvFormat f = new CsvFormat(format);
        if (!importer.formats().ids().contains(f.id())) {
            throw new IllegalArgumentException("--format '" + format + "': expected "
                    + String.join(", ", importer.formats().ids()));
        }
        Optional<Secret> dstPw = Optional.empty();
        if (destinationPasswordFile != null) {
            String first;
            try {
                first = Files.readString(destinationPasswordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("--destination-password-file " + destinationPasswordFile
                        + " cannot be read");
            }
            if (first.isEmpty()) {
                throw new IllegalArgumentException("--destination-password-file " + destinationPasswordFile
                        + ": its first line (the password) is empty");
            }
            dstPw = Optional.of(Secret.of(first));
        }
        long t0 = System.nanoTime();
        ImportResult result = importer.read(file,
                new ImportOptions(f, Optional.ofNullable(sourceServer), Optional.ofNullable(destinationServer), dstPw));
        for (ImportProblem p : result.problems()) {
            if (!p.isOption()) {
                err.println(file.getFileName() + ": " + p);
            }
        }
        List<String> options = result.problems().stream().filter(ImportProblem::isOption).map(ImportProblem::reason).toList();
        if (!options.isEmpty()) {
            // the file may be right: what is missing belongs on the command line (exit code 2, not 1)
            throw new IllegalArgumentException(String.join("; ", options));
        }
        String batchName = name != null ? name : nameOf(file);
        if (!result.problems().isEmpty() && !skipBadRows) {
            err.println("mailmigrator batch: " + result.problems().size() + " problem(s) in " + result.badLines()
                    + " line(s) of " + file + "; nothing was imported (fix the file, or give --skip-bad-rows)");
            return Optional.empty();
        }
        Optional<java.time.Instant> when = Optional.ofNullable(at).map(ImportArgs::instant);
        BatchSpec spec;
        try {
            spec = workspace.importBatch(batchName, result, skipBadRows, limits, Optional.ofNullable(notify), when);
        } catch (IllegalArgumentException e) {
            err.println("mailmigrator batch: " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        out.printf(Locale.ROOT, "imported batch %s: %d migration(s) from %s (%s, %s)%s in %d ms%n", spec.name(),
                spec.migrations().size(), file.getFileName(), result.format().id(),
                result.charset(), result.problems().isEmpty() ? "" : ", " + result.badLines() + " bad line(s) skipped",
                (System.nanoTime() - t0) / 1_000_000);
        return Optional.of(spec);
    }

    private static java.time.Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("--at '" + text + "' is not a date-time like 2026-12-01T22:00");
            }
        }
    }

    static void checkFile(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
    }
}
