package org.mailmigrator.batch.internal;

import org.mailmigrator.batch.run.PimTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import java.util.Optional;
import java.util.function.Function;

import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportProblem;
import org.mailmigrator.batch.csv.ImportedPair;
import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.batch.csv.spi.PairSide;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * Collects the pairs and problems of one file. A row with any problem gives no pair, so that "skip bad
 * rows" never stores half a row; a row repeating an earlier pair is a problem too.
 */
final class Rows {
    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^A-Za-z0-9@._-]");
    final List<ImportedPair> pairs = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final ImportOptions options;
    private final Function<String, ConnectorDescriptor> connectors;
    private final List<ConnectorDescriptor> installed;

    /** @param installed the installed connectors, whose declared URL schemes calendar/contacts targets resolve through */
    Rows(ImportOptions options, Function<String, ConnectorDescriptor> connectors, List<ConnectorDescriptor> installed) {
        this.options = options;
        this.connectors = connectors;
        this.installed = List.copyOf(installed);
    }

    /** The cells of one record, with problem reporting by column. */
    final class Row implements CsvRow {
        final int line;
        private final List<String> cells;
        private final List<String> names;
        private boolean bad;

        Row(int line, List<String> cells, List<String> names) {
            this.line = line;
            this.cells = cells;
            this.names = names;
        }

        @Override
        public int size() {
            return cells.size();
        }

        @Override
        public List<String> cells() {
            return cells;
        }

        @Override
        public String name(int col) {
            return col < names.size() ? names.get(col) : "";
        }

        /** The trimmed cell, or "" when absent. */
        @Override
        public String cell(int col) {
            return col < cells.size() && cells.get(col) != null ? cells.get(col).trim() : "";
        }

        /** Passwords keep their spaces. */
        @Override
        public String raw(int col) {
            return col < cells.size() && cells.get(col) != null ? cells.get(col) : "";
        }

        @Override
        public String required(int col) {
            String v = cell(col);
            if (v.isEmpty()) {
                problem(col, "is empty");
            }
            return v;
        }

        @Override
        public Secret password(int col) {
            String v = raw(col);
            if (v.isEmpty()) {
                problem(col, "the password is empty");
            }
            return Secret.of(v);
        }

        @Override
        public ServerAddress server(int col, String protocol, String bareSecurity) {
            try {
                return ServerAddress.parse(cell(col), protocol, bareSecurity);
            } catch (IllegalArgumentException e) {
                problem(col, e.getMessage());
                return null;
            }
        }

        /** {@code col} is 0-based; the report is 1-based (or 0 for the whole line when col < 0). */
        @Override
        public void problem(int col, String reason) {
            bad = true;
            problems.add(new ImportProblem(line, col < 0 ? 0 : col + 1, col < 0 ? "" : name(col), hideSecrets(reason)));
        }

        /**
         * A reason never shows this row's passwords, even when a shifted cell put one where a value is quoted
         * (short values are left: hiding "pw" would garble the words of the message, not protect anything).
         */
        private String hideSecrets(String reason) {
            String out = reason;
            for (int c = 0; c < cells.size(); c++) {
                String v = raw(c);
                if (CellChecks.isSecret(name(c)) && v.strip().length() >= 4) {
                    out = out.replace(v, "(hidden)").replace(v.strip(), "(hidden)");
                }
            }
            return out;
        }

        /** A problem of the import's options ({@code option} names the command-line option), not of the file. */
        @Override
        public void optionProblem(String option, String reason) {
            bad = true;
            problems.add(new ImportProblem(line, 0, "", reason, option));
        }

        @Override
        public boolean bad() {
            return bad;
        }

        @Override
        public int line() {
            return line;
        }

        @Override
        public ImportOptions options() {
            return options;
        }

        @Override
        public Optional<ConnectorDescriptor> connector(String id) {
            return Optional.ofNullable(connectors.apply(id));
        }

        @Override
        public List<ConnectorDescriptor> connectors() {
            return installed;
        }

        @Override
        public void accept(PairSide source, PairSide destination, MigrationOptions options) {
            accept(source.server(), source.extra(), source.login(), source.password(), destination.server(),
                    destination.extra(), destination.login(), destination.password(), options);
        }

        /** Adds the pair when the row had no problem. */
        void accept(ServerAddress src, Map<String, String> srcExtra, String srcLogin, Secret srcPw, ServerAddress dst,
                Map<String, String> dstExtra, String dstLogin, Secret dstPw, MigrationOptions options) {
            accept(src, srcExtra, srcLogin, srcPw, dst, dstExtra, dstLogin, dstPw, options, List.of());
        }

        /**
         * Adds a row of calendar/contacts legs only: its migration's source is the first leg's file connector
         * and its destination that leg's target (what {@link org.mailmigrator.batch.PimLeg#legsOnly} tells by),
         * with no mail password; its id carries the target's login.
         */
        /**
         * Adds a pair whose source is a local file or folder of a path-valued connector (a PST, an mbox...): no login,
         * no source secret; its id carries the file's name, and a second row with the same file and destination
         * account is refused.
         */
        void acceptFile(Account src, ServerAddress dst, Map<String, String> dstExtra, String dstLogin, Secret dstPw,
                MigrationOptions options, List<PimColumns.Pending> pim) {
            if (bad || dst == null || !CellChecks.shapes(this)) {
                return;
            }
            String path = src.settings().getOrDefault("path", String.valueOf(src.settings()));
            Integer earlier = seen.putIfAbsent(("file|" + path + "|" + dst.host() + "|" + dstLogin).toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                problem(-1, "repeats the pair of line " + earlier + " (" + path + " to " + dstLogin + ")");
                return;
            }
            String name = java.nio.file.Path.of(path).getFileName() == null ? path : java.nio.file.Path.of(path).getFileName().toString();
            String id = id(line, name);
            var d = new java.util.HashMap<>(dst.settings(dstLogin));
            d.putAll(dstExtra);
            Migration m = new Migration(id, new Account(src.connectorId(), src.settings(), new CredentialRef(id + "/source")),
                    new Account(dst.connectorId(), d, new CredentialRef(id + "/destination")), options);
            pairs.add(new ImportedPair(line, m, Secret.of(""), dstPw, pim.stream().map(l -> l.leg(id)).toList(),
                    PimColumns.passwords(pim)));
        }

        void acceptLegsOnly(List<PimColumns.Pending> pim) {
            if (bad) {
                return;
            }
            PimColumns.Pending first = pim.get(0);
            PimTarget target = PimTarget.parse(first.target(), first.kind(), installed);
            // the connector that declares the target's scheme (checked by PimColumns) stores the destination
            Optional<String> targetConnector = installed.stream()
                    .filter(c -> c.addressing().scheme(target.scheme()).isPresent()).map(ConnectorDescriptor::id).findFirst();
            if (targetConnector.isEmpty()) {
                problem(-1, "no installed connector takes " + target.scheme() + ":// URLs (" + target + ")");
                return;
            }
            StringBuilder key = new StringBuilder("legs");
            pim.forEach(l -> key.append('|').append(l.source()).append('|').append(l.target()));
            Integer earlier = seen.putIfAbsent(key.toString().toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                problem(-1, "repeats the calendar/contacts legs of line " + earlier);
                return;
            }
            String id = id(line, target.login());
            Set<ItemKind> kinds = new HashSet<>();
            pim.forEach(l -> kinds.addAll(PimTarget.kinds(l.kind())));
            Account file = org.mailmigrator.batch.run.PimSource.file(first.leg(line + ""), name -> installed.stream()
                    .filter(c -> c.addressing().scheme(name).isPresent()).findFirst()); // .ics/.vcf, or pst:PATH
            Migration m = new Migration(id, new Account(file.connectorId(), file.settings(),
                    new CredentialRef(id + "/source")), new Account(targetConnector.get(), Map.of("url",
                            target.url().toString(), "login", target.login()), new CredentialRef(id + "/destination")),
                    new MigrationOptions(kinds, List.of(), List.of(), Map.of(), false));
            pairs.add(new ImportedPair(line, m, Secret.of(""), Secret.of(""), pim.stream().map(l -> l.leg(id)).toList(),
                    PimColumns.passwords(pim)));
        }

        /** Adds the pair with its calendar/contacts legs when the row had no problem. */
        void accept(ServerAddress src, Map<String, String> srcExtra, String srcLogin, Secret srcPw, ServerAddress dst,
                Map<String, String> dstExtra, String dstLogin, Secret dstPw, MigrationOptions options,
                List<PimColumns.Pending> pim) {
            if (bad || src == null || dst == null || !CellChecks.shapes(this)) { // shapes: a row shifted by two damages
                return;
            }
            String key = (src.host() + "|" + srcLogin + "|" + dst.host() + "|" + dstLogin).toLowerCase(Locale.ROOT);
            Integer earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                problem(-1, "repeats the pair of line " + earlier + " (" + srcLogin + " to " + dstLogin + ")");
                return;
            }
            String id = id(line, srcLogin);
            var s = new java.util.HashMap<>(src.settings(srcLogin));
            s.putAll(srcExtra);
            var d = new java.util.HashMap<>(dst.settings(dstLogin));
            d.putAll(dstExtra);
            Migration m = new Migration(id, new Account(src.connectorId(), s, new CredentialRef(id + "/source")),
                    new Account(dst.connectorId(), d, new CredentialRef(id + "/destination")), options);
            pairs.add(new ImportedPair(line, m, srcPw, dstPw, pim.stream().map(l -> l.leg(id)).toList(),
                    PimColumns.passwords(pim)));
        }
    }

    /** The line number (unique in one file) and the login, readable in folder names and messages. */
    static String id(int line, String login) {
        String safe = UNSAFE.matcher(login).replaceAll("_");
        return String.format(Locale.ROOT, "%05d-%s", line, safe.length() > 64 ? safe.substring(0, 64) : safe);
    }

    Row row(int line, List<String> cells, List<String> names) {
        return new Row(line, cells, names);
    }
}
