package org.mailmigrator.cli.internal.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mailmigrator.batch.run.PassSummary;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.report.Json;

/**
 * The JSON report of a run ({@code --report FILE.json}): accounts without secrets, counts, skipped items, plan,
 * and the sealed pass report ({@code "pass"}).
 */
final class ReportFile {
    private ReportFile() {
    }

    static void write(Path file, MailEndpoint source, MailEndpoint target, boolean dryRun, MigrationReport r, int exitCode,
            Map<String, Object> pass) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", source.toString());
        root.put("target", target.toString());
        root.put("dryRun", dryRun);
        root.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        root.put("exitCode", exitCode);
        root.put("failure", r.failure());
        root.put("copied", r.copied());
        root.put("alreadyPresent", r.alreadyPresent());
        root.put("flagsUpdated", r.flagsUpdated());
        root.put("removed", r.removed());
        root.put("skippedCount", r.skipped().size());
        root.put("bytes", r.bytes());
        root.put("durationSeconds", r.duration().toMillis() / 1000.0);
        root.put("messagesPerSecond", Math.round(r.messagesPerSecond() * 10) / 10.0);
        root.put("skipped", r.skipped().stream().map(PassSummary::skipped).toList());
        root.put("warnings", r.warnings());
        root.put("folders", r.plan().stream().map(ReportFile::folder).toList());
        root.put("altered", r.altered().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("folder", a.folder());
            // the connectors' own item ids (an IMAP UID, an Exchange ItemId...), as the skipped items give theirs
            m.put("id", a.id());
            m.put("destinationId", a.destinationId());
            m.put("subject", a.subject());
            m.put("change", a.change());
            return m;
        }).toList());
        root.put("pass", pass); // the sealed pass report, the same text a batch row keeps (PassSummary)
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            // owner-only: the report names accounts and the subjects of skipped messages. An existing regular
            // file is replaced; a device or pipe the user named (/dev/stdout, /dev/full) is written to as it is.
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
            }
            if (!Files.exists(file)) {
                Files.createFile(file, org.mailmigrator.cli.internal.Arguments.ownerOnly(file));
            }
            Files.writeString(file, Json.write(root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            WriteFailure.removePartial(file); // not a 0-byte or cut report that looks like one
            throw e;
        }
    }

    private static Map<String, Object> folder(FolderPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", p.source());
        m.put("destination", p.destination());
        m.put("reason", p.reason());
        m.put("create", p.create());
        m.put("selectable", p.selectable());
        m.put("subscribed", p.subscribed());
        m.put("messages", p.messages());
        m.put("bytes", p.bytes());
        return m;
    }
}
