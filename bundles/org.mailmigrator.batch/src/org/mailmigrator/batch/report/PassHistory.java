package org.mailmigrator.batch.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.report.PassLog.FolderCount;
import org.mailmigrator.batch.report.PassLog.Pass;

/**
 * One migration's passes and its latest completeness check, as the reports render them: in words for
 * {@code summary.txt} and {@code migrations/ID.txt}, as values for the JSON, with the last pass's warnings.
 * A migration never run has none.
 */
public record PassHistory(List<Pass> passes, List<FolderCount> folders, List<String> warnings) {
    public static final PassHistory NONE = new PassHistory(List.of(), List.of());

    public PassHistory {
        passes = List.copyOf(passes);
        folders = List.copyOf(folders);
        warnings = List.copyOf(warnings);
    }

    public PassHistory(List<Pass> passes, List<FolderCount> folders) {
        this(passes, folders, List.of());
    }

    /** The history in the files of the workspace folder {@code ws}. */
    public static PassHistory read(Workspace ws, String batch, String migrationId) {
        return read(new PassLog(ws, batch, migrationId));
    }

    /** The history of a row of {@code store}: the store's when it keeps them (a shared store), else the folder's. */
    public static PassHistory read(org.mailmigrator.batch.store.BatchStore store, Workspace ws, String batch,
            String migrationId) {
        return read(PassLog.of(store, ws, batch, migrationId));
    }

    private static PassHistory read(PassLog log) {
        try {
            return new PassHistory(log.passes(), log.folders(), log.warnings());
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** True when every folder of the check holds on the destination at least what the source holds; empty when never checked. */
    public Optional<Boolean> complete() {
        return folders.isEmpty() ? Optional.empty() : Optional.of(folders.stream().allMatch(FolderCount::complete));
    }

    public String completeText() {
        return complete().map(c -> c ? "complete" : "incomplete").orElse("not checked");
    }

    public Optional<Pass> lastPass() {
        return passes.isEmpty() ? Optional.empty() : Optional.of(passes.get(passes.size() - 1));
    }

    public String lastPassText() {
        return lastPass().map(PassHistory::passText).orElse("no pass yet");
    }

    /** The lines of the per-migration text report: one per pass, then one per folder of the check. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < passes.size(); i++) {
            sb.append("pass ").append(i + 1).append(": ").append(passText(passes.get(i))).append('\n');
        }
        warnings.forEach(w -> sb.append("warning: ").append(w).append('\n'));
        if (!folders.isEmpty()) {
            long src = folders.stream().mapToLong(FolderCount::sourceMessages).sum();
            long dst = folders.stream().mapToLong(FolderCount::destinationMessages).sum();
            sb.append(String.format(Locale.ROOT, "completeness check: %s (source %d message(s), destination %d)%n",
                    completeText(), src, dst));
            for (FolderCount f : folders) {
                sb.append(String.format(Locale.ROOT, "  %s -> %s: source %d, destination %d, copied by this migration %d%s%n",
                        f.source(), f.destination(), f.sourceMessages(), f.destinationMessages(), f.copied(),
                        f.complete() ? "" : "  MISSING " + (f.sourceMessages() - f.destinationMessages())));
            }
        } else if (!passes.isEmpty()) {
            sb.append("completeness check: not made yet (it runs after a pass that finishes)\n");
        }
        return sb.toString();
    }

    public List<Object> passesJson() {
        List<Object> out = new ArrayList<>();
        for (Pass p : passes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("started", p.started());
            m.put("ended", Optional.ofNullable(p.ended()));
            m.put("kind", p.kind());
            m.put("outcome", p.outcomeText());
            m.put("copied", p.copied());
            m.put("alreadyOnDestination", p.alreadyPresent());
            m.put("skipped", p.skipped());
            m.put("bytes", p.bytes());
            out.add(m);
        }
        return out;
    }

    public List<Object> foldersJson() {
        List<Object> out = new ArrayList<>();
        for (FolderCount f : folders) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", f.source());
            m.put("destination", f.destination());
            m.put("sourceMessages", f.sourceMessages());
            m.put("destinationMessages", f.destinationMessages());
            m.put("copiedByThisMigration", f.copied());
            m.put("complete", f.complete());
            out.add(m);
        }
        return out;
    }

    static String passText(Pass p) {
        return String.format(Locale.ROOT, "%s pass started %s: %s; copied %d, already on the destination %d, skipped %d, %.1f MB",
                p.kind(), p.started(), p.outcomeText(), p.copied(), p.alreadyPresent(), p.skipped(), p.bytes() / 1e6);
    }
}
