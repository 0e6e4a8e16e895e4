package org.mailmigrator.batch.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Labels;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.engine.QuotaSkips;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.report.Json;

/**
 * The reports of a batch, from what the store holds (so they can be written after the run, by another
 * process): {@code batch.json}, {@code migrations.csv}, {@code skipped.csv}, {@code summary.txt}, {@code report.html}
 * (charts, errors by cause; {@link HtmlReport}), and per
 * migration {@code migrations/ID.json} and {@code migrations/ID.txt}. Every skipped item is listed with
 * folder, subject, date, size and reason; calendar/contacts items that failed are skipped items of the folder
 * {@code calendar} or {@code contacts}, and the counts of a migration's last calendar/contacts pass are in
 * {@code pim} (by migration id). No password reaches a report: accounts carry only references.
 */
public record BatchReport(BatchSpec batch, List<MigrationState> states, Map<String, List<SkippedItem>> skipped,
        BatchStore.Times times, Map<String, String> pim, Map<String, PassHistory> history,
        List<ThroughputLog.Sample> throughput, ConnectorFactory connectors) {

    public BatchReport {
        throughput = List.copyOf(throughput);
    }

    /**
     * With each migration's passes and completeness check, read from the store when it keeps them (a shared store:
     * every machine's rows) or else from the workspace's state folder, and the
     * batch's throughput history ({@link ThroughputLog}); accounts are named as their connectors declare
     * ({@link Labels#account(Account, ConnectorFactory)}).
     */
    public static BatchReport load(BatchStore store, Workspace ws, String name, ConnectorFactory connectors)
            throws BatchStoreException {
        BatchSpec spec = store.batch(name).orElseThrow(() -> new BatchStoreException("no batch named '" + name + "'", null));
        Map<String, List<SkippedItem>> skipped = new LinkedHashMap<>();
        Map<String, PassHistory> h = new LinkedHashMap<>();
        for (Migration m : spec.migrations()) {
            skipped.put(m.id(), store.skipped(name, m.id()));
            h.put(m.id(), PassHistory.read(store, ws, name, m.id()));
        }
        return new BatchReport(spec, store.states(name), skipped, store.times(name), store.pimSummaries(name), h,
                ThroughputLog.read(ws, name), connectors);
    }

    /** An account as the tables of the reports name it. */
    public String label(Account a) {
        return Labels.account(a, connectors);
    }

    public Map<MigrationStatus, Integer> counts() {
        Map<MigrationStatus, Integer> m = new LinkedHashMap<>();
        states.forEach(s -> m.merge(s.status(), 1, Integer::sum));
        return m;
    }

    public List<MigrationState> failures() {
        return states.stream().filter(s -> s.status() == MigrationStatus.FAILED).toList();
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("batch.json"), Json.write(batchJson()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.txt"), summary(), StandardCharsets.UTF_8);
        HtmlReport.write(this, dir.resolve("report.html"));
        try (Writer w = Files.newBufferedWriter(dir.resolve("migrations.csv"), StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord("id", "source", "destination", "status", "since", "copied (all passes)", "skipped (last pass)",
                    "bytes (all passes)", "last sync", "last error", "calendar/contacts", "passes", "last pass", "completeness");
            for (int i = 0; i < states.size(); i++) {
                MigrationState s = states.get(i);
                Migration m = batch.migrations().get(i);
                p.printRecord(m.id(), label(m.source()), label(m.destination()), s.status().label(),
                        s.since(), s.copied(), s.skipped(), s.bytes(), s.lastSync().map(Instant::toString).orElse(""),
                        s.lastError().orElse(""), pim.getOrDefault(m.id(), ""), history(m.id()).passes().size(),
                        history(m.id()).lastPassText(), history(m.id()).completeText());
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("skipped.csv"), StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord("migration", "folder", "id", "subject", "date", "size", "reason");
            for (var e : skipped.entrySet()) {
                for (SkippedItem s : e.getValue()) {
                    p.printRecord(e.getKey(), s.folder(), orEmpty(s.id()), orEmpty(s.subject()), s.date() == null ? "" : s.date(),
                            s.size(), orEmpty(s.reason()));
                }
            }
        }
        for (int i = 0; i < states.size(); i++) {
            Map<String, Object> one = migrationJson(batch.migrations().get(i), states.get(i));
            String id = batch.migrations().get(i).id();
            Files.writeString(dir.resolve("migrations").resolve(id + ".json"), Json.write(one), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("migrations").resolve(id + ".txt"), line(batch.migrations().get(i), states.get(i))
                    + "\n" + (pim.containsKey(id) ? "calendar/contacts: " + pim.get(id) + "\n" : "") + history(id).text()
                    + skippedText(id),
                    StandardCharsets.UTF_8);
        }
    }

    private Map<String, Object> batchJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", batch.name());
        m.put("created", batch.created());
        m.put("started", times.started());
        m.put("finished", times.finished());
        m.put("concurrency", batch.concurrency());
        m.put("perHostLimit", batch.perHostLimit());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts().forEach((k, v) -> counts.put(k.label(), v));
        m.put("counts", counts);
        m.put("copied", states.stream().mapToLong(MigrationState::copied).sum());
        m.put("bytes", states.stream().mapToLong(MigrationState::bytes).sum());
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            rows.add(migrationJson(batch.migrations().get(i), states.get(i)));
        }
        m.put("migrations", rows);
        return m;
    }

    private Map<String, Object> migrationJson(Migration mig, MigrationState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", mig.id());
        m.put("source", label(mig.source()));
        m.put("destination", label(mig.destination()));
        m.put("status", s.status().label());
        m.put("since", s.since());
        Map<String, Object> timeIn = new LinkedHashMap<>();
        s.timeIn().forEach((k, v) -> timeIn.put(k.label(), v));
        m.put("timeInStatus", timeIn);
        m.put("lastError", s.lastError());
        m.put("copied", s.copied());
        m.put("skippedLastPass", s.skipped());
        m.put("bytes", s.bytes());
        PassHistory h = history(mig.id());
        m.put("passes", h.passesJson());
        m.put("folders", h.foldersJson());
        m.put("complete", h.complete());
        m.put("warnings", h.warnings());
        m.put("lastSync", s.lastSync());
        m.put("calendarContacts", Optional.ofNullable(pim.get(mig.id())));
        List<Object> items = new ArrayList<>();
        for (SkippedItem it : skipped.getOrDefault(mig.id(), List.of())) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("folder", it.folder());
            x.put("id", it.id());
            x.put("subject", Optional.ofNullable(it.subject()));
            x.put("date", Optional.ofNullable(it.date()));
            x.put("size", it.size());
            x.put("reason", it.reason());
            items.add(x);
        }
        m.put("skipped", items);
        return m;
    }

    /** The human summary: totals, then one line per migration, then the failures and skipped items. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Batch ").append(batch.name()).append(": ").append(states.size()).append(" migration(s)");
        counts().forEach((k, v) -> sb.append(", ").append(v).append(' ').append(k.label()));
        sb.append('\n');
        times.started().ifPresent(t -> sb.append("started ").append(t));
        times.finished().ifPresent(t -> sb.append(", finished ").append(t).append(" (")
                .append(times.started().map(s -> Duration.between(s, t).toSeconds() + " s").orElse("?")).append(')'));
        sb.append("\ncopied ").append(states.stream().mapToLong(MigrationState::copied).sum())
                .append(" message(s) over all passes, ").append(states.stream().mapToLong(MigrationState::bytes).sum())
                .append(" bytes\n\n");
        for (int i = 0; i < states.size(); i++) {
            sb.append(line(batch.migrations().get(i), states.get(i))).append('\n');
            String id = batch.migrations().get(i).id();
            String p = pim.get(id);
            if (p != null) {
                sb.append("    calendar/contacts: ").append(p).append('\n');
            }
            PassHistory h = history(id);
            if (!h.passes().isEmpty()) {
                sb.append("    ").append(h.passes().size()).append(" pass(es), last: ").append(h.lastPassText())
                        .append("; completeness: ").append(h.completeText()).append('\n');
            }
            h.warnings().forEach(w -> sb.append("    warning: ").append(w).append('\n'));
        }
        for (var e : skipped.entrySet()) {
            if (!e.getValue().isEmpty()) {
                sb.append('\n').append(skippedText(e.getKey()));
            }
        }
        return sb.toString();
    }

    private String line(Migration m, MigrationState s) {
        return String.format("%-24s %-40s -> %-40s %-18s copied %6d (all passes), skipped %4d%s", m.id(), label(m.source()),
                label(m.destination()), s.status().label(), s.copied(), s.skipped(),
                s.lastError().map(e -> "  (" + e + ")").orElse(""));
    }

    private PassHistory history(String id) {
        return history.getOrDefault(id, PassHistory.NONE);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private String skippedText(String id) {
        StringBuilder sb = new StringBuilder();
        List<SkippedItem> all = skipped.getOrDefault(id, List.of());
        long full = all.stream().filter(s -> QuotaSkips.isQuota(s.reason())).count();
        if (full > 0) { // one line, not one per refused message: the migration's line gives usage and limit
            sb.append(id).append(": ").append(full).append(" message(s) not copied: the destination mailbox is full")
                    .append(" (each one is listed in skipped.csv; they are copied by the next run once there is space)\n");
        }
        for (SkippedItem it : all) {
            if (QuotaSkips.isQuota(it.reason())) {
                continue;
            }
            sb.append(id).append(": skipped in '").append(it.folder()).append("': ")
                    .append(it.subject() == null ? "(no subject)" : "'" + it.subject() + "'").append(", ")
                    .append(it.date() == null ? "date unknown" : it.date()).append(", ").append(it.size()).append(" bytes: ")
                    .append(orEmpty(it.reason())).append('\n');
        }
        return sb.toString();
    }
}
