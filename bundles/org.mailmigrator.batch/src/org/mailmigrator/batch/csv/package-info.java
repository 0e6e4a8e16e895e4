/**
 * Importing batches from the CSV files administrators already have: OVH Mail Migrator's project template,
 * imapsync's {@code file.txt}, Exchange Online's IMAP migration CSV, and a native format whose header names
 * the connectors' declared settings. Every problem is reported with line, column and reason before anything
 * is stored.
 * <p>
 * The formats are contributions to the extension point {@code org.mailmigrator.batch.csvFormats} (schema
 * {@code schema/csvFormats.exsd}), read by {@link org.mailmigrator.batch.csv.CsvFormats}: the four above are the
 * batch bundle's own, a third party adds one by declaring it and implementing
 * {@link org.mailmigrator.batch.csv.spi.CsvRowReader}. Detection, {@code batch import --format} and the import
 * wizard's list all come from the declarations.
 */
package org.mailmigrator.batch.csv;
