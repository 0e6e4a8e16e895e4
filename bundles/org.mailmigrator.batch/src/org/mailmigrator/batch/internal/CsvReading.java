package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mailmigrator.batch.csv.CsvFormat;
import org.mailmigrator.batch.csv.CsvFormatDescriptor;
import org.mailmigrator.batch.csv.CsvFormats;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportProblem;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.batch.csv.spi.CsvRowReader;
import org.mailmigrator.core.connector.ConnectorDescriptor;

/**
 * Decoding, format detection and the record loop behind {@link org.mailmigrator.batch.csv.CsvImporter}: the format's
 * declaration ({@link CsvFormatDescriptor}) gives the separator and comment marker, its {@link CsvRowReader} reads
 * the records.
 */
public final class CsvReading {
    private final Function<String, ConnectorDescriptor> connectors;
    private final List<ConnectorDescriptor> installed;
    private final CsvFormats formats;

    /** @param installed the installed connectors (their declared URL schemes check calendar/contacts targets) */
    public CsvReading(Function<String, ConnectorDescriptor> connectors, List<ConnectorDescriptor> installed,
            CsvFormats formats) {
        this.connectors = connectors;
        this.installed = installed;
        this.formats = formats;
    }

    public ImportResult read(byte[] data, ImportOptions options) {
        TextDecoding decoded = TextDecoding.decode(data);
        String text = decoded.text();
        CsvFormat format = options.format().isAuto() ? formats.detect(text) : options.format();
        Rows rows = new Rows(options, connectors, installed);
        if (format.isAuto()) {
            rows.problems.add(new ImportProblem(1, 0, "", "cannot tell the format of this file ("
                    + String.join(", ", formats.formats().stream().map(CsvFormatDescriptor::name).toList())
                    + "): give --format (" + String.join(", ", formats.ids().subList(1, formats.ids().size())) + ")"));
            return new ImportResult(format, decoded.charset(), List.of(), rows.problems);
        }
        CsvRowReader reader;
        CsvFormatDescriptor declared;
        try {
            declared = formats.find(format).orElseThrow(() -> new IllegalArgumentException("no CSV format '"
                    + format.id() + "' is installed (installed: " + String.join(", ", formats.ids()) + ")"));
            reader = formats.reader(format);
        } catch (IllegalArgumentException e) {
            rows.problems.add(new ImportProblem(1, 0, "", e.getMessage(), "--format"));
            return new ImportResult(format, decoded.charset(), List.of(), rows.problems);
        }
        boolean comments = declared.comments();
        CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(declared, text)).setQuote('"')
                .setIgnoreEmptyLines(true).setCommentMarker(comments ? '#' : null).setTrim(false).get();
        List<Record> records = new ArrayList<>();
        LineIndex lines = new LineIndex(text);
        int line = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
            var it = parser.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // the parser's message quotes the library's class and may hold a cell's text: say it in our words
                    rows.problems.add(new ImportProblem(line + 1, 0, "", "the CSV cannot be read from here on: "
                            + "an unclosed quote, or text after a closing quote before the next separator "
                            + "(a quote inside a quoted cell is written twice: \"\")"));
                    break;
                }
                List<String> cells = rec.toList();
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                line = lines.recordLine(text, rec.getCharacterPosition(), comments);
                records.add(new Record(line, cells));
            }
        } catch (IOException e) {
            rows.problems.add(new ImportProblem(Math.max(line, 1), 0, "", "cannot read the file"));
        }
        List<String> header = null;
        boolean headed = !records.isEmpty() && reader.isHeader(records.get(0).cells());
        int usual = CellChecks.usualWidth(records, headed ? 1 : 0, reader, headed ? records.get(0).cells().size() : -1);
        for (int i = 0; i < records.size(); i++) {
            Record rec = records.get(i);
            if (i == 0 && reader.isHeader(rec.cells())) {
                header = rec.cells();
                CsvRow h = rows.row(rec.line(), rec.cells(), rec.cells());
                if (CellChecks.cells(h)) {
                    reader.header(h);
                }
                continue;
            }
            CsvRow row = rows.row(rec.line(), rec.cells(), reader.names());
            if (header != null && CellChecks.sameCells(header, rec.cells())) {
                row.problem(-1, "repeats the header row (line " + records.get(0).line() + "): not an account pair");
            } else if (CellChecks.width(row, reader, header, usual) && CellChecks.cells(row)) {
                reader.read(row);
            }
        }
        if (rows.pairs.isEmpty() && rows.problems.isEmpty()) {
            rows.problems.add(new ImportProblem(1, 0, "", "the file holds no account pair"));
        }
        return new ImportResult(format, decoded.charset(), rows.pairs, rows.problems);
    }

    /**
     * The source addresses (login) and source hosts of a file in one of the import formats, for server
     * detection; empty when the file is in none of them. Passwords are not read.
     */
    public java.util.Optional<List<String[]>> addresses(byte[] data) {
        String text = TextDecoding.decode(data).text();
        CsvFormat format = formats.detect(text);
        if (format.isAuto()) {
            return java.util.Optional.empty();
        }
        if (!BuiltInFormats.readers().containsKey(format.id())) {
            return java.util.Optional.of(read(data, ImportOptions.auto().withFormat(format)).pairs().stream()
                    .map(p -> new String[] { String.valueOf(p.line()), p.migration().source().settings()
                            .getOrDefault("login", ""), p.migration().source().settings().getOrDefault("host", "") })
                    .toList());
        }
        String id = format.id();
        boolean imapsync = id.equals("imapsync");
        CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(formats.find(format).orElseThrow(), text))
                .setQuote('"').setIgnoreEmptyLines(true).setCommentMarker(imapsync ? '#' : null).get();
        LineIndex lines = new LineIndex(text);
        List<String[]> out = new ArrayList<>();
        List<String> header = null;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
            for (CSVRecord rec : parser) {
                List<String> cells = rec.toList();
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                boolean first = header == null && out.isEmpty();
                if (first && (id.equals("exchange") || id.equals("native")
                        || id.equals("omm") && Dialect.protocol(cells.get(0)) == null)) {
                    header = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
                    continue;
                }
                if (first && imapsync && cells.size() < 6) {
                    return java.util.Optional.empty(); // a ';' file of another kind
                }
                int line = lines.recordLine(text, rec.getCharacterPosition(), imapsync);
                out.add(new String[] { String.valueOf(line), login(id, header, cells), host(id, header, cells) });
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // the rows read so far are what can be detected; `batch import` names the broken line
        }
        return java.util.Optional.of(out);
    }

    private static String login(String format, List<String> header, List<String> cells) {
        return switch (format) {
            case "omm" -> at(cells, 2);
            case "imapsync" -> at(cells, 1);
            case "exchange" -> at(cells, col(header, "username")).contains("@") ? at(cells, col(header, "username"))
                    : at(cells, col(header, "emailaddress"));
            default -> at(cells, col(header, "source.login"));
        };
    }

    private static String host(String format, List<String> header, List<String> cells) {
        String server = switch (format) {
            case "omm" -> at(cells, 1);
            case "imapsync" -> at(cells, 0);
            case "exchange" -> "";
            default -> at(cells, col(header, "source.server")).isEmpty() ? at(cells, col(header, "source.host"))
                    : at(cells, col(header, "source.server"));
        };
        try {
            return server.isEmpty() ? "" : org.mailmigrator.batch.csv.ServerAddress.parse(server, "imap", "tls").host();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static int col(List<String> header, String name) {
        return header == null ? -1 : header.indexOf(name);
    }

    private static String at(List<String> cells, int i) {
        return i >= 0 && i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
    }

    /** One non-empty record and the line it starts on. */
    record Record(int line, List<String> cells) {
    }

    private static char delimiter(CsvFormatDescriptor format, String text) {
        return format.separator().orElseGet(() -> {
            String head = firstLine(text);
            return head.chars().filter(c -> c == ';').count() > head.chars().filter(c -> c == ',').count() ? ';' : ',';
        });
    }

    private static String firstLine(String text) {
        for (String l : (Iterable<String>) text.lines()::iterator) {
            if (!l.isBlank() && !l.startsWith("#")) {
                return l;
            }
        }
        return "";
    }
}
