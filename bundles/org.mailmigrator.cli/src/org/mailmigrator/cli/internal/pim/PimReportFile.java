package org.mailmigrator.cli.internal.pim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.mailmigrator.core.pim.PimReport;

/** {@code --report FILE.json} of a calendar/contacts run: counts, every failed item with its reason, the notes. */
final class PimReportFile {
    private PimReportFile() {
    }

    static void write(Path file, String source, PimTarget target, PimReport report, int exitCode) throws IOException {
        List<String> failed = report.failures().stream()
                .map(f -> "{\"item\": " + quote(f.what()) + ", \"reason\": " + quote(f.reason()) + "}").toList();
        String json = "{\n  \"source\": " + quote(source) + ",\n  \"target\": " + quote(target.toString())
                + ",\n  \"exitCode\": " + exitCode + ",\n  \"failure\": " + (report.failure() == null ? "null" : quote(report.failure()))
                + ",\n  \"created\": " + report.created() + ",\n  \"updated\": " + report.updated()
                + ",\n  \"unchanged\": " + report.unchanged() + ",\n  \"failed\": [" + String.join(", ", failed)
                + "],\n  \"notes\": [" + report.notes().stream().map(PimReportFile::quote).collect(Collectors.joining(", ")) + "]\n}\n";
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

}
