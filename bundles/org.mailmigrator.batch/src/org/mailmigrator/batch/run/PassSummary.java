package org.mailmigrator.batch.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.report.Json;

/**
 * A sealed pass report as JSON, without timings or rates: the outcome, the mail pass's counts, folders and
 * skipped items, each leg's counts, failed items and notes. Two passes that did the same thing write the
 * same text: {@code migrate --report} holds it as {@code "pass"}, a batch row keeps the last one as
 * {@code ID.pass.json} beside its state. No secrets: accounts appear as the leg's target URL (login, never a
 * password).
 */
public final class PassSummary {
    private PassSummary() {
    }

    public static Map<String, Object> of(PassReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", PassReport.text(r.outcome()));
        m.put("skippedCount", r.skipped().size());
        r.mail().ifPresent(mail -> m.put("mail", mail(mail)));
        m.put("legs", r.legs().stream().map(PassSummary::leg).toList());
        return m;
    }

    public static String json(PassReport r) {
        return Json.write(of(r));
    }

    private static Map<String, Object> mail(MigrationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", PassReport.text(r.outcome()));
        m.put("failure", r.failure());
        m.put("copied", r.copied());
        m.put("alreadyPresent", r.alreadyPresent());
        m.put("flagsUpdated", r.flagsUpdated());
        m.put("removed", r.removed());
        m.put("bytes", r.bytes());
        m.put("folders", r.plan().stream().map(p -> p.source() + " -> " + p.destination()).toList());
        m.put("skipped", r.skipped().stream().map(PassSummary::skipped).toList());
        m.put("warnings", r.warnings());
        if (r.gmail() != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("messages", r.gmail().messages());
            g.put("placements", r.gmail().placements());
            g.put("placed", r.gmail().placed());
            g.put("uploaded", r.gmail().uploaded());
            g.put("copiedOnServer", r.gmail().copiedOnServer());
            g.put("serverCopy", r.gmail().serverCopy());
            g.put("missing", r.gmail().missing());
            m.put("gmail", g);
        }
        return m;
    }

    /** One skipped item as the reports write it (the date is the message's, not the run's). */
    public static Map<String, Object> skipped(SkippedItem s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", s.folder());
        m.put("id", s.id()); // the connector's own string id (an IMAP UID as "17"), never a number made up for others
        m.put("subject", s.subject());
        m.put("date", s.date() == null ? null : s.date().toString());
        m.put("size", s.size());
        m.put("reason", s.reason());
        return m;
    }

    private static Map<String, Object> leg(PassReport.Leg l) {
        PimReport r = l.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", l.leg().kind().id());
        m.put("target", l.leg().target());
        m.put("failure", r.failure());
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        List<Map<String, Object>> failed = r.failures().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("item", f.what());
            x.put("reason", f.reason());
            return x;
        }).toList();
        m.put("failed", failed);
        m.put("notes", r.notes());
        return m;
    }
}
