package org.mailmigrator.autodetect;

import java.util.List;
import java.util.Optional;

/**
 * The detections of a batch, row by row, and the rows that need a person: settings not found, an invalid
 * address, or a host in the row that disagrees with the detected one.
 */
public record BatchReport(List<RowResult> rows, int domainLookups) {

    /** One row's detection, and what is wrong with it, if anything. */
    public record RowResult(BatchRow row, Detection detection, Optional<String> problem) {
    }

    public BatchReport {
        rows = List.copyOf(rows);
    }

    public List<RowResult> problems() {
        return rows.stream().filter(r -> r.problem().isPresent()).toList();
    }
}
