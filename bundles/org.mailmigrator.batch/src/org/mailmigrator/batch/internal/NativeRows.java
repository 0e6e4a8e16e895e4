package org.mailmigrator.batch.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.batch.csv.spi.CsvRowReader;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.GmailOptions;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * The native format: a header row whose columns are {@code source.<setting>} and
 * {@code destination.<setting>} for the settings the connectors declare ({@code host}, {@code port},
 * {@code security}, {@code login}, {@code password}, ...), plus {@code source.connector} /
 * {@code destination.connector} (default imap), {@code source.server} (host, host:port or URL, instead of
 * host/port/security), and {@code include}, {@code exclude} (one regular expression per column, repeatable)
 * and {@code mirror} (true/false), the limits, schedule and folder mappings of {@link OptionColumns}; {@code calendar.*} and {@code contacts.*} add the row's calendar/contacts
 * legs ({@link PimColumns}). OAuth2 sign-in: {@code source.auth} (password, xoauth2, oauthbearer) with
 * {@code source.tokenfile} or {@code source.serviceaccount} (a file whose content is sealed as the row's secret,
 * {@link OAuthColumns}), the same with {@code destination.}. A source connector whose endpoint is a path (PST, mail
 * files) takes {@code source.path} instead of server, login and password ({@link FileColumns}).
 */
public final class NativeRows implements CsvRowReader {
    private final List<String> names = new ArrayList<>();

    /** Created by the csvFormats registry ({@code native}). */
    public NativeRows() {
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
        for (int c = 0; c < h.size(); c++) {
            String n = h.cell(c).toLowerCase(Locale.ROOT);
            names.add(n);
            if (!n.matches("(source|destination)\\.[a-z0-9]+") && !Set.of("include", "exclude", "mirror", "gmail").contains(n)
                    && !PimColumns.NAMES.contains(n) && !OptionColumns.NAMES.contains(n)) {
                h.problem(c, "unknown column " + Quote.of(h.cell(c)) + " (expected source.SETTING, destination.SETTING, "
                        + "include, exclude, mirror, gmail, since, before, maxsize, notbefore, map, "
                        + "calendar.source|target|password or contacts.source|target|password)");
            }
        }
        PimColumns.header(h, names);
        boolean mailColumns = names.stream().anyMatch(n -> n.startsWith("source.") || n.startsWith("destination."));
        boolean legColumns = names.stream().anyMatch(PimColumns.NAMES::contains);
        for (String side : List.of("source", "destination")) {
            if (legColumns && !mailColumns) {
                break; // a file of calendar/contacts legs only
            }
            if (side.equals("source") && names.contains("source.path")) {
                continue; // files as sources (docs/file-sources.md): a row of an IMAP source still needs its cells
            }
            boolean secret = names.contains(side + ".password") || names.contains(side + ".tokenfile")
                    || names.contains(side + ".serviceaccount");
            if (!names.contains(side + ".login") || !secret
                    || !(names.contains(side + ".server") || names.contains(side + ".host"))) {
                h.problem(-1, "the header needs " + side + ".login, " + side + ".password (or " + side
                        + ".tokenfile / " + side + ".serviceaccount) and " + side + ".server (or " + side + ".host)");
            }
        }
    }

    @Override
    public void read(CsvRow row) {
        // the calendar/contacts legs are the batch bundle's own, beyond the API's pair: its own row class has them
        Rows.Row r = (Rows.Row) row;
        List<PimColumns.Pending> pim = PimColumns.read(r, names);
        boolean mail = false;
        for (int c = 0; c < names.size(); c++) {
            mail |= (names.get(c).startsWith("source.") || names.get(c).startsWith("destination.")) && !r.cell(c).isEmpty();
        }
        if (!mail && pim.stream().anyMatch(l -> org.mailmigrator.batch.run.PimSource.isAccount(l.source()))) {
            r.problem(-1, "a CalDAV/CardDAV or Exchange source signs in with the row's mail source login and password: fill in the source columns");
            return;
        }
        if (!mail && !pim.isEmpty()) {
            // "instead of" the mail pass: a row whose mail cells are all empty runs its legs only
            r.acceptLegsOnly(pim);
            return;
        }
        Side src = side(r, "source");
        Side dst = side(r, "destination");
        List<String> include = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        boolean mirror = false;
        GmailOptions gmail = GmailOptions.DEFAULT;
        for (int c = 0; c < names.size(); c++) {
            String v = r.cell(c);
            switch (names.get(c)) {
                case "include", "exclude" -> {
                    if (!v.isEmpty()) {
                        try {
                            Pattern.compile(v);
                            (names.get(c).equals("include") ? include : exclude).add(v);
                        } catch (PatternSyntaxException e) {
                            r.problem(c, Quote.of(v) + " is not a regular expression: " + e.getDescription());
                        }
                    }
                }
                case "mirror" -> {
                    if (!v.isEmpty() && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        r.problem(c, Quote.of(v) + " is not true or false");
                    }
                    mirror = v.equalsIgnoreCase("true");
                }
                case "gmail" -> { // how a Gmail-like source's labels go: labels-as-keywords, important-keyword, ...
                    try {
                        gmail = GmailOptions.parse(v);
                    } catch (IllegalArgumentException e) {
                        r.problem(c, e.getMessage());
                    }
                }
                default -> {
                }
            }
        }
        OptionColumns.Options more = OptionColumns.read(r, names);
        MigrationOptions options = new MigrationOptions(Set.of(ItemKind.MAIL), include, exclude, more.map(), mirror,
                more.limits(), more.notBefore(), gmail);
        if (src.file() != null) { // a PST, an mbox, a Maildir...: a path, no server, no login
            r.acceptFile(src.file(), dst.address, dst.extra, dst.login, dst.password, options, pim);
            return;
        }
        r.accept(src.address, src.extra, src.login, src.password, dst.address, dst.extra, dst.login, dst.password,
                new MigrationOptions(Set.of(ItemKind.MAIL), include, exclude, more.map(), mirror, more.limits(),
                        more.notBefore(), gmail), pim);
    }

    /** Whether this row fills {@code prefix}tokenfile or {@code prefix}serviceaccount. */
    private boolean oauthSecretColumn(CsvRow r, String prefix) {
        for (String col : List.of(prefix + "tokenfile", prefix + "serviceaccount")) {
            int c = names.indexOf(col);
            if (c >= 0 && !r.cell(c).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private record Side(ServerAddress address, Map<String, String> extra, String login, Secret password,
            org.mailmigrator.core.model.Account file) {
        Side(ServerAddress address, Map<String, String> extra, String login, Secret password) {
            this(address, extra, login, password, null);
        }
    }

    private Side side(CsvRow r, String side) {
        String prefix = side + ".";
        int connectorCol = names.indexOf(prefix + "connector");
        String connector = connectorCol >= 0 && !r.cell(connectorCol).isEmpty() ? r.cell(connectorCol) : "imap";
        ConnectorDescriptor descriptor = r.connector(connector).orElse(null);
        if (descriptor != null && descriptor.addressing().pathValued() && side.equals("source")) {
            return new Side(null, Map.of(), "", Secret.of(""), FileColumns.account((Rows.Row) r, names, connector, descriptor));
        }
        Map<String, String> extra = new HashMap<>();
        ServerAddress address = null;
        String login = "";
        Secret password = Secret.of("");
        String host = null;
        for (int c = 0; c < names.size(); c++) {
            if (!names.get(c).startsWith(prefix)) {
                continue;
            }
            String header = names.get(c).substring(prefix.length());
            // headers are read in lower case: a declared setting's own spelling (dailyUploadMb, trustSha256)
            String setting = descriptor == null ? header : descriptor.settings().stream().map(d -> d.id())
                    .filter(id -> id.equalsIgnoreCase(header)).findFirst().orElse(header);
            String v = r.cell(c);
            switch (setting) {
                case "connector" -> {
                    if (descriptor == null) {
                        r.problem(c, "no connector " + Quote.of(connector) + " is installed");
                    }
                }
                case "server" -> address = v.isEmpty() ? null : r.server(c, connector, "tls");
                case "host" -> host = v;
                case "login" -> login = r.required(c);
                case "password" -> password = r.cell(c).isEmpty() && oauthSecretColumn(r, prefix) ? password : r.password(c);
                case "auth", "tokenfile", "serviceaccount" -> {
                    // OAuth2 (docs/sign-in.md): the file's content becomes the row's sealed secret
                    String failure = OAuthColumns.read(setting, v, extra);
                    if (failure != null) {
                        r.problem(c, failure);
                    } else if (!setting.equals("auth") && !v.isEmpty()) {
                        password = OAuthColumns.secret(v);
                    }
                }
                default -> {
                    if (descriptor != null && descriptor.setting(setting).isEmpty()) {
                        r.problem(c, "connector " + Quote.of(connector) + " has no setting " + Quote.of(setting));
                    } else if (descriptor != null && !v.isEmpty()) {
                        final int col = c;
                        descriptor.setting(setting).flatMap(d -> d.validate(v)).ifPresent(why -> r.problem(col, why));
                    }
                    if (!v.isEmpty()) {
                        extra.put(setting, v);
                    }
                }
            }
        }
        if (OAuthColumns.lacksAuth(extra, oauthSecretColumn(r, prefix))) {
            extra.put(org.mailmigrator.auth.SignIns.AUTH, "xoauth2"); // a token or key file implies OAuth2
        }
        if (address == null && host != null && !host.isEmpty()) {
            String port = extra.getOrDefault("port", "");
            address = r.server(names.indexOf(prefix + "host"), connector, extra.getOrDefault("security", "tls"));
            if (address != null && !port.isEmpty()
                    && (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
                r.problem(names.indexOf(prefix + "port"), Quote.of(port) + " is not a port number (1-65535)");
            } else if (address != null && !port.isEmpty()) {
                address = new ServerAddress(address.connectorId(), address.host(), Integer.parseInt(port),
                        extra.getOrDefault("security", address.security()), null);
            }
        } else if (address == null) {
            r.problem(-1, "no " + side + " server (" + prefix + "server or " + prefix + "host)");
        }
        if (address != null && !address.connectorId().equals(connector) && connectorCol >= 0) {
            address = new ServerAddress(connector, address.host(), address.port(), address.security(), address.url());
        }
        return new Side(address, extra, login, password);
    }
}
