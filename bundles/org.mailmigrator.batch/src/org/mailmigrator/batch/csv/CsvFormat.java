package org.mailmigrator.batch.csv;

/** The CSV dialects {@link CsvImporter} reads; {@link #AUTO} looks at the file to choose. */
public enum CsvFormat {
    AUTO, OMM, IMAPSYNC, EXCHANGE, NATIVE
}
