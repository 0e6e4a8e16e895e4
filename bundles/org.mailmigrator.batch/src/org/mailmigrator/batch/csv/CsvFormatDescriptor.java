package org.mailmigrator.batch.csv;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contributed CSV format as declared (nothing of its code is loaded to list or detect it).
 *
 * @param firstLine found (not matched whole) in the file's first line that is neither blank nor a {@code #}
 *        comment, lower-cased with its double quotes removed; empty when the format is never detected and must
 *        be chosen
 * @param priority detection tries the formats by descending priority; the first whose pattern is found wins
 * @param separator the cell separator; empty for "{@code ;} when the first line has more of them than of
 *        {@code ,}, else {@code ,}"
 * @param comments whether lines starting with {@code #} are comments
 * @param columns the column names shown in the wizard's preview; empty when the file's header names them
 * @param extensions file name extensions without the dot (the wizard's file dialog offers them)
 */
public record CsvFormatDescriptor(String id, String name, String description, String contributor,
        Optional<Pattern> firstLine, int priority, Optional<Character> separator, boolean comments,
        List<String> columns, List<String> extensions) {

    public CsvFormatDescriptor {
        columns = List.copyOf(columns);
        extensions = List.copyOf(extensions);
    }

    public CsvFormat format() {
        return new CsvFormat(id);
    }

    /** Whether {@code firstLine} (as found in the file) says the file is in this format. */
    public boolean recognises(String normalizedFirstLine) {
        return firstLine.map(p -> p.matcher(normalizedFirstLine).find()).orElse(false);
    }

    /** The label of the format in lists: its name and its id. */
    public String label() {
        return name + " (" + id + ")";
    }
}
