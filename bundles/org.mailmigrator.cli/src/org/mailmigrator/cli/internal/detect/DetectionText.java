package org.mailmigrator.cli.internal.detect;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailmigrator.autodetect.BatchReport;
import org.mailmigrator.autodetect.BatchReport.RowResult;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.ProviderPreset;
import org.mailmigrator.autodetect.ServerSetting;

/** The text forms of detections: one address in detail, or a batch as one line per domain plus its problems. */
final class DetectionText {

    private DetectionText() {
    }

    static void detail(Detection detection, PrintWriter out) {
        switch (detection) {
            case Detection.Found f -> {
                out.printf("%s: found by %s, confidence %s%s%n", f.input(), f.source().label(), f.confidence().id(),
                        f.provider().map(p -> " - " + p.name()).orElse(""));
                for (ServerSetting s : f.servers()) {
                    String where = s.url() != null ? s.urlFor(f.address()) : s.describe();
                    out.printf("  %-8s %-44s login %s%n", s.protocol().id(), where, s.loginFor(f.address()));
                }
                f.advice().forEach(a -> out.println("  advice: " + a));
            }
            case Detection.NotFound n -> out.printf("%s: no settings found%n", n.input());
            case Detection.Invalid i -> out.printf("%s: %s%n", i.input(), i.message());
        }
        if (!detection.trail().isEmpty()) {
            out.println("  trail:");
            detection.trail().forEach(step -> out.println("    " + step));
        }
    }

    static void domains(BatchReport report, PrintWriter out) {
        Map<String, List<RowResult>> byDomain = new LinkedHashMap<>();
        for (RowResult r : report.rows()) {
            String domain = switch (r.detection()) {
                case Detection.Found f -> f.address().domain();
                case Detection.NotFound n -> n.address().domain();
                case Detection.Invalid i -> "(invalid)";
            };
            byDomain.computeIfAbsent(domain, d -> new java.util.ArrayList<>()).add(r);
        }
        String format = "%-28s %5s  %-13s %-10s %-28s %s%n";
        out.printf(format, "DOMAIN", "ROWS", "SOURCE", "CONFIDENCE", "PROVIDER", "INCOMING");
        byDomain.forEach((domain, rows) -> {
            if (rows.get(0).detection() instanceof Detection.Found f) {
                String incoming = f.server(Protocol.IMAP).or(() -> f.server(Protocol.POP3)).map(ServerSetting::describe).orElse("-");
                out.printf(format, domain, rows.size(), f.source().id(), f.confidence().id(),
                        f.provider().map(ProviderPreset::name).orElse("-"), incoming);
            } else {
                out.printf(format, domain, rows.size(), "-", "-", "-",
                        rows.get(0).detection() instanceof Detection.Invalid ? "invalid address" : "not found");
            }
        });
        out.printf("%d row(s), %d domain lookup(s).%n", report.rows().size(), report.domainLookups());
        List<RowResult> problems = report.problems();
        if (!problems.isEmpty()) {
            out.printf("%n%d row(s) need attention:%n", problems.size());
            problems.forEach(p -> out.println("  - " + p.problem().orElseThrow()));
        }
    }
}
