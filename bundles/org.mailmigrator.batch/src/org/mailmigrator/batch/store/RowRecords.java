package org.mailmigrator.batch.store;

import java.util.Optional;

/**
 * Texts a batch row's passes leave for the reports (its pass history, completeness check, warnings and last pass's
 * sealed summary: {@code org.mailmigrator.batch.report.PassLog}), kept by a shared store so that every process and
 * machine reads the history of every row, whichever ran it. A workspace folder's store has none
 * ({@link BatchStore#rowRecords()} is empty): those texts are files beside the row's state. Each call is one
 * transaction; thread-safe.
 */
public interface RowRecords {

    /** The text of {@code kind} ({@code passes}, {@code folders}, {@code warnings}, {@code pass.json}) of a row, if any. */
    Optional<String> rowRecord(String batch, String migrationId, String kind) throws BatchStoreException;

    /** Replaces the text of {@code kind} of a row. */
    void saveRowRecord(String batch, String migrationId, String kind, String text) throws BatchStoreException;
}
