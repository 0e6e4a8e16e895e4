package org.mailmigrator.autodetect;

/**
 * One row of a batch: its line in the CSV, the address, and the incoming server host the row already names
 * (empty when the row carries only an address and a password).
 */
public record BatchRow(long line, String address, String givenHost) {
    public BatchRow {
        givenHost = givenHost == null ? "" : givenHost.strip();
    }
}
