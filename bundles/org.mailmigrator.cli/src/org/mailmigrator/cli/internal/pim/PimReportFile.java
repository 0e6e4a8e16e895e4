package org.mailmigrator.cli.internal.pim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.mailmigrator.batch.run.PassReport;
import org.mailmigrator.batch.run.PassSummary;
import org.mailmigrator.batch.run.PimTarget;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.report.Json;

/**
 * {@code --report FILE.json} of a calendar/contacts run: counts, every failed item with its reason, the notes,
 * and the sealed pass report ({@code "pass"}, the same text a batch row keeps in {@code ID.pass.json}).
 */
final class PimReportFile {
    private PimReportFile() {
    }

    static void write(Path file, String source, PimTarget target, PimReport report, int exitCode,
            PassReport pass) throws IOException {
        List<String> failed = report.failures().stream()
                .map(f -> "{\"item\": " + Json.quote(f.what()) + ", \"reason\": " + Json.quote(f.reason()) + "}").toList();
        String json = "{\n  \"source\": " + Json.quote(source) + ",\n  \"target\": " + Json.quote(target.toString())
                + ",\n  \"exitCode\": " + exitCode + ",\n  \"failure\": " + (report.failure() == null ? "null" : Json.quote(report.failure()))
                + ",\n  \"created\": " + report.created() + ",\n  \"updated\": " + report.updated()
                + ",\n  \"unchanged\": " + report.unchanged() + ",\n  \"failed\": [" + String.join(", ", failed)
                + "],\n  \"notes\": [" + report.notes().stream().map(Json::quote).collect(Collectors.joining(", ")) + "],\n  \"pass\": "
                + PassSummary.json(pass).strip().replace("\n", "\n  ") + "\n}\n";
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}
