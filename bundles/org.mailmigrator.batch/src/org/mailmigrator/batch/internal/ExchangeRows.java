package org.mailmigrator.batch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.batch.csv.spi.CsvRowReader;
import org.mailmigrator.batch.csv.spi.PairSide;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * Exchange Online's IMAP migration CSV: {@code EmailAddress,UserName,Password[,UserRoot]}. EmailAddress is
 * the destination mailbox, UserName/Password the source login; the source server, the destination server
 * and the destination (administrator) password are given for the whole batch, as in Exchange's migration
 * endpoint. UserRoot (a source folder root reached through delegation) is kept as the source setting
 * {@code userRoot}.
 */
public final class ExchangeRows implements CsvRowReader {
    private ImportOptions options;
    private final List<String> names = new ArrayList<>();
    private int email = -1;
    private int user = -1;
    private int password = -1;
    private int root = -1;
    private ServerAddress source;
    private ServerAddress destination;

    /** Created by the csvFormats registry ({@code exchange}); the batch-wide options come with the header. */
    public ExchangeRows() {
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean isHeader(List<String> first) {
        return true;
    }

    @Override
    public void header(CsvRow h) {
        options = h.options();
        for (int c = 0; c < h.size(); c++) {
            String n = h.cell(c);
            names.add(n);
            switch (n.toLowerCase(Locale.ROOT)) {
                case "emailaddress" -> email = c;
                case "username" -> user = c;
                case "password" -> password = c;
                case "userroot" -> root = c;
                default -> h.problem(c, "unknown column " + Quote.of(n) + " (expected EmailAddress, UserName, Password, UserRoot)");
            }
        }
        if (email < 0 || user < 0 || password < 0) {
            h.problem(-1, "the header must name EmailAddress, UserName and Password");
        }
        source = batchServer(h, options.sourceServer().orElse(null), "source server", "--source-server");
        destination = batchServer(h, options.destinationServer().orElse(null), "destination server", "--destination-server");
        if (options.destinationPassword().isEmpty()) {
            h.optionProblem("--destination-password-file", "an Exchange Online CSV does not hold the destination "
                    + "(administrator) password: give --destination-password-file FILE");
        }
    }

    private static ServerAddress batchServer(CsvRow h, String value, String what, String option) {
        if (value == null) {
            h.optionProblem(option, "an Exchange Online CSV does not name the " + what + ": give " + option + " HOST|URL");
            return null;
        }
        try {
            return ServerAddress.parse(value, "imap", "tls");
        } catch (IllegalArgumentException e) {
            h.optionProblem(option, option + ": " + e.getMessage());
            return null;
        }
    }

    @Override
    public void read(CsvRow r) {
        if (options == null || email < 0 || user < 0 || password < 0 || source == null || destination == null
                || options.destinationPassword().isEmpty()) {
            return; // the header's problems say why; one message per file, not per row
        }
        String address = r.required(email);
        if (!address.isEmpty() && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            r.problem(email, Quote.of(address) + " is not an e-mail address");
        }
        String login = r.required(user);
        Secret pw = r.password(password);
        Map<String, String> extra = root >= 0 && !r.cell(root).isEmpty() ? Map.of("userRoot", r.cell(root)) : Map.of();
        r.accept(new PairSide(source, extra, login, pw),
                new PairSide(destination, address, options.destinationPassword().get()), MigrationOptions.mailOnly());
    }
}
