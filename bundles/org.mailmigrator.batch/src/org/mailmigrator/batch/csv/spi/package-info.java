/**
 * What a third-party CSV format implements: a {@link org.mailmigrator.batch.csv.spi.CsvRowReader} that turns the
 * records of its files into account pairs through {@link org.mailmigrator.batch.csv.spi.CsvRow}. The format is
 * declared in the contributing bundle's {@code plugin.xml} on the extension point
 * {@code org.mailmigrator.batch.csvFormats} (schema {@code schema/csvFormats.exsd} of the batch bundle): id, name,
 * class, how its files are recognised from their first line, separator, comment marker, preview columns and file
 * extensions. Uses only the batch API ({@code org.mailmigrator.batch.csv}) and the core model; the four built-in
 * formats implement it too (in {@code org.mailmigrator.batch.internal}).
 */
package org.mailmigrator.batch.csv.spi;
