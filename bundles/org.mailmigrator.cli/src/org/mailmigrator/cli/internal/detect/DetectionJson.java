package org.mailmigrator.cli.internal.detect;

import java.util.List;
import java.util.stream.Collectors;

import org.mailmigrator.autodetect.BatchReport;
import org.mailmigrator.autodetect.BatchReport.RowResult;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Step;

/**
 * The JSON form of a batch report, written by hand: the target platform has no JSON library and this output is
 * small and flat. One object per row in "results", the rows that need attention in "problems".
 */
final class DetectionJson {

    private DetectionJson() {
    }

    static String report(BatchReport report) {
        String results = report.rows().stream().map(DetectionJson::row).collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
        String problems = report.problems().stream()
                .map(p -> "{\"line\": " + p.row().line() + ", \"input\": " + str(p.row().address()) + ", \"problem\": "
                        + str(p.problem().orElseThrow()) + "}")
                .collect(Collectors.joining(", ", "[", "]"));
        return "{\n  \"lookups\": " + report.domainLookups() + ",\n  \"results\": " + results + ",\n  \"problems\": "
                + problems + "\n}";
    }

    private static String row(RowResult row) {
        Detection d = row.detection();
        StringBuilder json = new StringBuilder("{\"line\": " + row.row().line() + ", \"input\": " + str(d.input()));
        switch (d) {
            case Detection.Found f -> {
                json.append(", \"status\": \"found\", \"source\": ").append(str(f.source().id()));
                json.append(", \"confidence\": ").append(str(f.confidence().id()));
                json.append(", \"provider\": ").append(f.provider()
                        .map(p -> "{\"id\": " + str(p.id()) + ", \"name\": " + str(p.name()) + "}").orElse("null"));
                json.append(", \"servers\": ").append(list(f.servers().stream().map(s -> server(s, f)).toList()));
                json.append(", \"advice\": ").append(list(f.advice().stream().map(DetectionJson::str).toList()));
            }
            case Detection.NotFound n -> json.append(", \"status\": \"not-found\"");
            case Detection.Invalid i -> json.append(", \"status\": \"invalid\", \"message\": ").append(str(i.message()));
        }
        json.append(", \"trail\": ").append(list(d.trail().stream().map(DetectionJson::step).toList()));
        return json.append('}').toString();
    }

    private static String server(ServerSetting s, Detection.Found f) {
        return "{\"protocol\": " + str(s.protocol().id()) + ", \"host\": " + str(s.host()) + ", \"port\": " + s.port()
                + ", \"security\": " + str(s.security().id()) + ", \"login\": " + str(s.loginFor(f.address()))
                + ", \"url\": " + str(s.urlFor(f.address())) + "}";
    }

    private static String step(Step s) {
        return "{\"source\": " + str(s.source().id()) + ", \"tried\": " + str(s.tried()) + ", \"outcome\": "
                + str(s.outcome().id()) + ", \"detail\": " + str(s.detail()) + "}";
    }

    private static String list(List<String> items) {
        return items.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JSON string literal (RFC 8259 escapes), or null. */
    static String str(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
