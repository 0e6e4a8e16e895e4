package org.mailmigrator.ui.internal.importer;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mailmigrator.batch.csv.CsvFormat;

/**
 * The file's cells as a person sees them, line by line, to mark the ones the importer rejected. Only for
 * display: the importer does the real parsing (quoted fields spanning lines are shown as the lines they are).
 * Password columns are masked: a preview must not put passwords on a screen or a screenshot.
 */
public final class CsvPreview {
    static final String MASK = "••••••";
    /** A preview shows the first lines; problems further down are still listed. */
    static final int MAX_ROWS = 2000;

    /** One line of the file with its 1-based number. */
    public record Row(int line, List<String> cells) {
    }

    private CsvPreview() {
    }

    public static List<String> columnNames(CsvFormat format, List<Row> rows) {
        return switch (format) {
            case OMM -> List.of("Source type", "Source server", "Source login", "Source password", "Destination type",
                    "Destination server", "Destination login", "Destination password", "Source delegation",
                    "Destination delegation");
            case IMAPSYNC -> List.of("host1", "user1", "password1", "host2", "user2", "password2", "options");
            case EXCHANGE -> List.of("EmailAddress", "UserName", "Password", "UserRoot");
            default -> rows.isEmpty() ? List.of() : rows.get(0).cells();
        };
    }

    public static List<Row> rows(byte[] data, Charset charset, CsvFormat format) {
        String[] lines = new String(data, charset).replace("\uFEFF", "").split("\r?\n|\r", -1);
        char separator = separator(format, lines);
        List<Row> rows = new ArrayList<>();
        Set<Integer> secret = null;
        for (int i = 0; i < lines.length && rows.size() < MAX_ROWS; i++) {
            String l = lines[i];
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = split(l, separator);
            if (secret == null) {
                secret = secretColumns(format, cells);
            }
            List<String> shown = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                boolean header = format == CsvFormat.NATIVE && rows.isEmpty();
                shown.add(!header && secret.contains(c) && !cells.get(c).isEmpty() ? MASK : cells.get(c));
            }
            rows.add(new Row(i + 1, shown));
        }
        return rows;
    }

    private static Set<Integer> secretColumns(CsvFormat format, List<String> firstRow) {
        return switch (format) {
            case OMM -> Set.of(3, 7);
            case IMAPSYNC -> Set.of(2, 5);
            case EXCHANGE -> Set.of(2);
            default -> {
                Set<Integer> s = new java.util.HashSet<>();
                for (int c = 0; c < firstRow.size(); c++) {
                    if (firstRow.get(c).toLowerCase(Locale.ROOT).contains("password")) {
                        s.add(c);
                    }
                }
                yield s;
            }
        };
    }

    private static char separator(CsvFormat format, String[] lines) {
        return switch (format) {
            case OMM, IMAPSYNC -> ';';
            case EXCHANGE -> ',';
            default -> {
                for (String l : lines) {
                    if (!l.isBlank() && !l.startsWith("#")) {
                        yield l.indexOf(';') >= 0 && (l.indexOf(',') < 0 || l.indexOf(';') < l.indexOf(',')) ? ';' : ',';
                    }
                }
                yield ',';
            }
        };
    }

    /** Splits one line at {@code separator} outside double quotes; {@code ""} inside quotes is one quote. */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        // imapsync lines end with ';': no empty cell after the last separator
        if (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty() && line.endsWith(String.valueOf(separator))) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }
}
