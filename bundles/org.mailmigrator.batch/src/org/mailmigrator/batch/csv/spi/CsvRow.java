package org.mailmigrator.batch.csv.spi;

import java.util.List;
import java.util.Optional;

import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * One record of a batch file as a {@link CsvRowReader} sees it: its cells by 0-based column, problem reporting
 * by column, and the pair it gives. Messages never show a password: reasons are masked with the row's
 * password cells before they are kept.
 */
public interface CsvRow {

    /** The 1-based line the record starts on. */
    int line();

    int size();

    List<String> cells();

    /** The column's name (from {@link CsvRowReader#names()}), or "". */
    String name(int col);

    /** The trimmed cell, or "" when absent. */
    String cell(int col);

    /** The cell as written (passwords keep their spaces), or "" when absent. */
    String raw(int col);

    /** The trimmed cell; a problem "is empty" when it is. */
    String required(int col);

    /** The raw cell as a password; a problem when it is empty. */
    Secret password(int col);

    /**
     * The cell as a server ({@link ServerAddress#parse}); null, with the reason as a problem, when it is not one.
     *
     * @param protocol imap, pop3 or ews: what a bare host is
     * @param bareSecurity tls or starttls: what a bare host uses
     */
    ServerAddress server(int col, String protocol, String bareSecurity);

    /** A problem of column {@code col} (0-based; -1 for the whole line): the row gives no pair. */
    void problem(int col, String reason);

    /**
     * A problem of the import's options rather than of the file (a batch-wide server that is missing):
     * {@code option} names the command-line option ({@code --source-server}), also shown by the wizard.
     */
    void optionProblem(String option, String reason);

    /** Whether a problem was reported for this row. */
    boolean bad();

    /** The batch-wide options of the import (servers and password a file may not hold). */
    ImportOptions options();

    /** The installed connector of this id (for formats that name connectors and settings). */
    Optional<ConnectorDescriptor> connector(String id);

    /**
     * The installed connectors, whose declarations say which URL schemes a column may hold (a calendar/contacts
     * target's {@code caldav+https}, {@code ews+https}...); empty when the import was given none.
     */
    List<ConnectorDescriptor> connectors();

    /**
     * Adds the row's pair unless the row had a problem (or a server is null); a pair repeating an earlier row's
     * is a problem instead.
     */
    void accept(PairSide source, PairSide destination, MigrationOptions options);
}
