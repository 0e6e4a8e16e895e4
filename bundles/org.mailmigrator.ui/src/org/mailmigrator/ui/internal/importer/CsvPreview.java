package org.mailmigrator.ui.internal.importer;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.batch.csv.CsvFormatDescriptor;

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

    /** The format's declared columns; a header-led format's (no declared columns) are the first row's cells. */
    public static List<String> columnNames(Optional<CsvFormatDescriptor> format, List<Row> rows) {
        List<String> declared = format.map(CsvFormatDescriptor::columns).orElse(List.of());
        if (!declared.isEmpty()) {
            return declared;
        }
        return rows.isEmpty() ? List.of() : rows.get(0).cells();
    }

    public static List<Row> rows(byte[] data, Charset charset, Optional<CsvFormatDescriptor> format) {
        String[] lines = new String(data, charset).replace("\uFEFF", "").split("\r?\n|\r", -1);
        char separator = format.flatMap(CsvFormatDescriptor::separator).orElseGet(() -> separator(lines));
        boolean headerLed = format.map(f -> f.columns().isEmpty()).orElse(false);
        List<Row> rows = new ArrayList<>();
        Set<Integer> secret = null;
        for (int i = 0; i < lines.length && rows.size() < MAX_ROWS; i++) {
            String l = lines[i];
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = split(l, separator);
            if (secret == null) {
                secret = secretColumns(format.map(CsvFormatDescriptor::columns).filter(c -> !c.isEmpty()).orElse(cells));
            }
            List<String> shown = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                boolean header = headerLed && rows.isEmpty();
                shown.add(!header && secret.contains(c) && !cells.get(c).isEmpty() ? MASK : cells.get(c));
            }
            rows.add(new Row(i + 1, shown));
        }
        return rows;
    }

    /** The columns whose name says password. */
    private static Set<Integer> secretColumns(List<String> names) {
        Set<Integer> s = new java.util.HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).toLowerCase(Locale.ROOT).contains("password")) {
                s.add(c);
            }
        }
        return s;
    }

    /** A format that does not declare its separator: ';' when it comes before any ',' on the first line. */
    private static char separator(String[] lines) {
        for (String l : lines) {
            if (!l.isBlank() && !l.startsWith("#")) {
                return l.indexOf(';') >= 0 && (l.indexOf(',') < 0 || l.indexOf(';') < l.indexOf(',')) ? ';' : ',';
            }
        }
        return ',';
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
