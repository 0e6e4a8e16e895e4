package org.mailmigrator.batch.csv;

import java.util.List;

/**
 * What a file holds: the format and encoding found, the valid pairs and every problem. Rows with a
 * problem are not in {@code pairs}; whether the valid ones may be stored is the caller's choice.
 */
public record ImportResult(CsvFormat format, String charset, List<ImportedPair> pairs, List<ImportProblem> problems) {

    public ImportResult {
        pairs = List.copyOf(pairs);
        problems = List.copyOf(problems);
    }

    /** Lines with at least one problem. */
    public long badLines() {
        return problems.stream().mapToInt(ImportProblem::line).distinct().count();
    }
}
