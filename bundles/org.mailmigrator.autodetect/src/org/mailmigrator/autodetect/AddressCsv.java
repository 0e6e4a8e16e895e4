package org.mailmigrator.autodetect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the addresses (and any incoming host) of a batch CSV with a header row. The address column is the first
 * of email, address, login, user (with or without a source_ prefix); the host column the first of host, server,
 * imap_host. Comma or semicolon separated.
 */
public final class AddressCsv {
    private static final List<String> ADDRESS = List.of("email", "e-mail", "address", "mail", "login", "user", "username");
    private static final List<String> HOST = List.of("host", "server", "imap_host", "imap_server");

    private AddressCsv() {
    }

    /** @throws IllegalArgumentException naming the header when no address column is found */
    public static List<BatchRow> read(Reader source) throws IOException {
        BufferedReader in = new BufferedReader(source);
        in.mark(64 * 1024);
        String header = Optional.ofNullable(in.readLine()).orElse("");
        in.reset();
        char delimiter = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Map<String, Integer> columns = parser.getHeaderMap();
            String addressColumn = column(columns, ADDRESS).orElseThrow(() -> new IllegalArgumentException(
                    "no address column in the CSV header '" + header + "' (expected one of " + ADDRESS + ")"));
            Optional<String> hostColumn = column(columns, HOST);
            List<BatchRow> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // the line where the next record starts: hasNext() already parses it, so ask before
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // an empty line: kept by the parser so that line numbers stay right
                }
                String host = hostColumn.filter(record::isSet).map(record::get).orElse("");
                rows.add(new BatchRow(line, record.isSet(addressColumn) ? record.get(addressColumn) : "", host));
            }
            return rows;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Optional<String> column(Map<String, Integer> columns, List<String> names) {
        for (String name : names) {
            for (String column : columns.keySet()) {
                // spreadsheets often start the file with a byte-order mark, which sticks to the first header
                String c = column.replace("\uFEFF", "").toLowerCase(Locale.ROOT).strip();
                if (c.equals(name) || c.equals("source_" + name) || c.equals("source " + name)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }
}
