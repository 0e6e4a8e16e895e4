package org.mailmigrator.batch.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.core.mail.Quota;
import org.mailmigrator.core.report.Json;

/**
 * The pre-flight results of a run, as the command line prints them and as {@code preflight.txt} /
 * {@code preflight.json} next to the other reports. They exist only in the process that ran the checks
 * (they are not stored), so they are written by {@code batch run --report DIR}, not by {@code batch report}.
 */
public record PreflightReport(Map<String, PreflightResult> results) {

    public PreflightReport {
        results = Map.copyOf(results);
    }

    /** One block per row: the summary line, both sides' capabilities, the quota, then the fix list. */
    public String text() {
        StringBuilder sb = new StringBuilder("Pre-flight:\n");
        for (PreflightResult r : new java.util.TreeMap<>(results).values()) {
            sb.append(String.format("%s: %s - %d folder(s), %d message(s), %d bytes, largest %d bytes, APPENDLIMIT %s%n",
                    r.migrationId(), r.ready() ? "ready" : "TO FIX", r.folders(), r.messages(), r.bytes(), r.largest(),
                    r.appendLimit().map(String::valueOf).orElse("none")));
            sb.append("    source capabilities: ").append(caps(r.sourceCapabilities())).append('\n');
            sb.append("    destination capabilities: ").append(caps(r.destinationCapabilities())).append('\n');
            if (r.destinationQuota().isEmpty()) {
                sb.append(r.destinationCapabilities().isEmpty() ? "    quota: unknown (not logged in on the destination)\n"
                        : "    quota: not offered by the destination\n");
            }
            r.destinationQuota().forEach(q -> sb.append("    quota: ").append(q).append('\n'));
            r.fixes().forEach(f -> sb.append("    fix: ").append(f).append('\n'));
        }
        return sb.toString();
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("preflight.txt"), text(), StandardCharsets.UTF_8);
        List<Object> rows = new ArrayList<>();
        for (PreflightResult r : new java.util.TreeMap<>(results).values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.migrationId());
            m.put("ready", r.ready());
            m.put("folders", r.folders());
            m.put("messages", r.messages());
            m.put("bytes", r.bytes());
            m.put("largest", r.largest());
            m.put("largestFolder", r.largestFolder());
            m.put("appendLimit", r.appendLimit());
            m.put("sourceCapabilities", r.sourceCapabilities());
            m.put("destinationCapabilities", r.destinationCapabilities());
            List<Object> quota = new ArrayList<>();
            for (Quota q : r.destinationQuota()) {
                quota.add(Map.of("root", q.root(), "resource", q.resource(), "usage", q.usage(), "limit", q.limit()));
            }
            m.put("destinationQuota", quota);
            m.put("fixes", r.fixes());
            m.put("notes", r.notes());
            rows.add(m);
        }
        Files.writeString(dir.resolve("preflight.json"), Json.write(Map.of("preflight", rows)), StandardCharsets.UTF_8);
    }

    private static String caps(List<String> caps) {
        return caps.isEmpty() ? "(none: not logged in, or not announced)" : String.join(" ", caps);
    }
}
