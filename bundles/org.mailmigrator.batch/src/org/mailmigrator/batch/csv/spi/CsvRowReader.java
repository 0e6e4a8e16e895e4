package org.mailmigrator.batch.csv.spi;

import java.util.List;

/**
 * How one CSV dialect turns its records into account pairs: the {@code class} of a contribution to
 * {@value org.mailmigrator.batch.csv.CsvFormats#EXTENSION_POINT}. The importer decodes the file, splits it into
 * records with the separator and comment marker the contribution declares, checks every cell (no NUL byte,
 * no absurd length) and the record's width, and hands each record to {@link #read} as a {@link CsvRow}. A new
 * instance reads each file (fields may hold the header's layout), on one thread; it needs a public no-argument
 * constructor.
 *
 * <p>A reader reports what is wrong through {@link CsvRow#problem} (line and column are added for it, passwords
 * are masked) and gives the row's pair with {@link CsvRow#accept}; a row with a problem gives no pair.
 */
public interface CsvRowReader {

    /** Column names used in messages (and to tell password columns: a name containing "password"). */
    List<String> names();

    /** Whether the file's first record is a header rather than data. */
    boolean isHeader(List<String> firstRecord);

    /** Called once with the header record when {@link #isHeader} said so; reports the header's own problems. */
    default void header(CsvRow header) {
    }

    /** Reads one data record: its pair through {@link CsvRow#accept}, or problems. */
    void read(CsvRow row);

    /**
     * Why a record of {@code cells} cells is refused before it is read, or null. The default wants the
     * header's count exactly when there is a header (a missing or extra separator would shift a password into a
     * login or a host column) and accepts any count without one.
     *
     * @param headerWidth the header's cell count, -1 without a header
     * @param usualWidth the most common cell count of the file's data records, -1 while it is being found
     */
    default String width(List<String> cells, int headerWidth, int usualWidth) {
        if (headerWidth >= 0 && cells.size() != headerWidth) {
            return "has " + cells.size() + " cells but the header has " + headerWidth
                    + " (a separator missing or too many: a separator inside a value, a password, must be quoted)";
        }
        return null;
    }
}
