package org.mailmigrator.cli.internal.detect;

import java.util.List;
import java.util.stream.Collectors;

import org.mailmigrator.autodetect.BatchReport;
import org.mailmigrator.autodetect.BatchReport.RowResult;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Step;
import org.mailmigrator.core.report.Json;

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
                .map(p -> "{\"line\": " + p.row().line() + ", \"input\": " + Json.quote(p.row().address()) + ", \"problem\": "
                        + Json.quote(p.problem().orElseThrow()) + "}")
                .collect(Collectors.joining(", ", "[", "]"));
        return "{\n  \"lookups\": " + report.domainLookups() + ",\n  \"results\": " + results + ",\n  \"problems\": "
                + problems + "\n}";
    }

    private static String row(RowResult row) {
        Detection d = row.detection();
        StringBuilder json = new StringBuilder("{\"line\": " + row.row().line() + ", \"input\": " + Json.quote(d.input()));
        switch (d) {
            case Detection.Found f -> {
                json.append(", \"status\": \"found\", \"source\": ").append(Json.quote(f.source().id()));
                json.append(", \"confidence\": ").append(Json.quote(f.confidence().id()));
                json.append(", \"provider\": ").append(f.provider()
                        .map(p -> "{\"id\": " + Json.quote(p.id()) + ", \"name\": " + Json.quote(p.name()) + "}").orElse("null"));
                json.append(", \"servers\": ").append(list(f.servers().stream().map(s -> server(s, f)).toList()));
                json.append(", \"advice\": ").append(list(f.advice().stream().map(Json::quote).toList()));
            }
            case Detection.NotFound n -> json.append(", \"status\": \"not-found\"");
            case Detection.Invalid i -> json.append(", \"status\": \"invalid\", \"message\": ").append(Json.quote(i.message()));
        }
        json.append(", \"trail\": ").append(list(d.trail().stream().map(DetectionJson::step).toList()));
        return json.append('}').toString();
    }

    private static String server(ServerSetting s, Detection.Found f) {
        return "{\"protocol\": " + Json.quote(s.protocol().id()) + ", \"host\": " + Json.quote(s.host()) + ", \"port\": " + s.port()
                + ", \"security\": " + Json.quote(s.security().id()) + ", \"login\": " + Json.quote(s.loginFor(f.address()))
                + ", \"url\": " + Json.quote(s.urlFor(f.address())) + "}";
    }

    private static String step(Step s) {
        return "{\"source\": " + Json.quote(s.source().id()) + ", \"tried\": " + Json.quote(s.tried()) + ", \"outcome\": "
                + Json.quote(s.outcome().id()) + ", \"detail\": " + Json.quote(s.detail()) + "}";
    }

    private static String list(List<String> items) {
        return items.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
