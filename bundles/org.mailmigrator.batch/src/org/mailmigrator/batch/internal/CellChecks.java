package org.mailmigrator.batch.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.batch.csv.spi.CsvRowReader;

/**
 * Checks of a record before its dialect reads it, shared by every format: no NUL byte, no absurd length, the
 * right number of cells. A row that fails one is refused whole, and the message names the line and the
 * column but never quotes a cell: when a separator is missing or doubled, any cell may hold a password.
 */
final class CellChecks {
    /** A password longer than this is a pasted file or a merged row, not a password. */
    static final int MAX_PASSWORD = 1024;
    /** Any other cell: an imapsync option list or a folder rule is long, a host name or login is not. */
    static final int MAX_CELL = 4096;

    private CellChecks() {
    }

    /** False (with a problem per bad cell) when a cell holds a NUL byte or is too long. */
    static boolean cells(CsvRow r) {
        boolean ok = true;
        for (int c = 0; c < r.size(); c++) {
            String v = r.raw(c);
            if (v.indexOf('\0') >= 0) {
                r.problem(c, "holds a NUL byte (a binary file, or UTF-16 text: save the file as UTF-8)");
                ok = false;
            } else {
                int max = isSecret(r.name(c)) ? MAX_PASSWORD : MAX_CELL;
                if (v.length() > max) {
                    r.problem(c, "is " + v.length() + " characters long; at most " + max + " are accepted here");
                    ok = false;
                }
            }
        }
        return ok;
    }

    /** False (with a problem per cell) when a cell has not the shape of its column ({@link CellShapes}). */
    static boolean shapes(CsvRow r) {
        boolean ok = true;
        for (int c = 0; c < r.size(); c++) {
            String why = CellShapes.problem(r.name(c), r.raw(c));
            if (why != null) {
                r.problem(c, why);
                ok = false;
            }
        }
        return ok;
    }

    /** Whether a column holds a secret (its value is never shown, even in part). */
    static boolean isSecret(String columnName) {
        return columnName != null && columnName.toLowerCase(Locale.ROOT).contains("password");
    }

    /** Whether a data record repeats the header (two files pasted together, a header copied twice). */
    static boolean sameCells(List<String> header, List<String> cells) {
        if (header.size() != cells.size()) {
            return false;
        }
        for (int i = 0; i < cells.size(); i++) {
            String a = header.get(i) == null ? "" : header.get(i).strip();
            String b = cells.get(i) == null ? "" : cells.get(i).strip();
            if (!a.equalsIgnoreCase(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The most common number of cells among the data records the dialect accepts by their count alone
     * (0 when there are none); on a tie the smaller, so that merged rows never set the norm.
     */
    static int usualWidth(List<CsvReading.Record> records, int from, CsvRowReader reader, int headerWidth) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = from; i < records.size(); i++) {
            List<String> cells = records.get(i).cells();
            if (reader.width(cells, headerWidth, -1) == null) {
                counts.merge(cells.size(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.<Integer, Integer>comparingByKey().reversed())).map(Map.Entry::getKey).orElse(0);
    }

    /** False (with one problem for the line) when the dialect refuses the record's number of cells. */
    static boolean width(CsvRow r, CsvRowReader reader, List<String> header, int usual) {
        String why = reader.width(r.cells(), header == null ? -1 : header.size(), usual);
        if (why != null) {
            r.problem(-1, why + ": the row is not imported");
            return false;
        }
        return true;
    }
}
