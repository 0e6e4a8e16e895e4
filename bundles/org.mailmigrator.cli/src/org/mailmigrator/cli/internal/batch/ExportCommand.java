package org.mailmigrator.cli.internal.batch;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.MessageLimits;
import org.mailmigrator.core.model.Migration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code batch export NAME FILE.csv}: the batch back as a native CSV, without any password (the columns
 * are there, empty, for the administrator to fill before importing again), calendar/contacts legs, message
 * limits, schedules and folder mappings included (columns only when some migration has them).
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Writes a batch as a native CSV without passwords.")
public final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    BatchCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
    @Parameters(index = "1", paramLabel = "FILE.csv")
    Path file;

    @Override
    public Integer call() throws Exception {
        BatchSpec batch;
        ConnectorRegistry connectors;
        try (BatchWorkspace w = ws.openToRead(parent.service)) {
            connectors = w.connectors();
            BatchStore store = w.store();
            var found = store.batch(name);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("mailmigrator batch export: no batch named '" + name + "'");
                return BatchExitCodes.USAGE;
            }
            batch = found.get();
        }
        int includes = batch.migrations().stream().mapToInt(m -> m.options().includeFolders().size()).max().orElse(0);
        int excludes = batch.migrations().stream().mapToInt(m -> m.options().excludeFolders().size()).max().orElse(0);
        List<String> header = new ArrayList<>(List.of("source.connector", "source.server", "source.login",
                "source.password", "destination.connector", "destination.server", "destination.login",
                "destination.password", "mirror"));
        for (int i = 0; i < includes; i++) {
            header.add("include");
        }
        for (int i = 0; i < excludes; i++) {
            header.add("exclude");
        }
        int maps = batch.migrations().stream().mapToInt(m -> m.options().folderMap().size()).max().orElse(0);
        boolean limits = batch.migrations().stream()
                .anyMatch(m -> m.options().limits().any() || m.options().notBefore().isPresent());
        if (limits) {
            header.addAll(List.of("since", "before", "maxsize", "notbefore"));
        }
        for (int i = 0; i < maps; i++) {
            header.add("map");
        }
        boolean legs = !batch.pim().isEmpty();
        if (legs) {
            header.addAll(List.of("calendar.source", "calendar.target", "calendar.password", "contacts.source",
                    "contacts.target", "contacts.password"));
        }
        // OAuth2 rows (docs/sign-in.md): the sign-in mechanism is exported, their token or key file is not
        boolean oauth = batch.migrations().stream().anyMatch(m -> m.source().setting("auth").isPresent()
                || m.destination().setting("auth").isPresent());
        if (oauth) {
            header.addAll(List.of("source.auth", "destination.auth"));
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord(header);
            for (Migration m : batch.migrations()) {
                List<String> row = new ArrayList<>(List.of(m.source().connectorId(),
                        ServerAddress.format(m.source().settings(), m.source().connectorId()),
                        login(connectors, m.source()), "", m.destination().connectorId(),
                        ServerAddress.format(m.destination().settings(), m.destination().connectorId()),
                        login(connectors, m.destination()), "", String.valueOf(m.options().mirrorDeletions())));
                if (PimLeg.legsOnly(m)) {
                    // a row of legs only has no mail columns: the connector/server cells stay empty
                    row = new ArrayList<>(java.util.Collections.nCopies(row.size(), ""));
                }
                pad(row, m.options().includeFolders(), includes);
                pad(row, m.options().excludeFolders(), excludes);
                if (limits) {
                    MessageLimits l = m.options().limits();
                    row.addAll(List.of(text(l.since()), text(l.before()),
                            l.maxSize().map(MessageLimits::formatSize).orElse(""), text(m.options().notBefore())));
                }
                pad(row, new TreeMap<>(m.options().folderMap()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList(), maps);
                if (legs) {
                    for (PimLeg.Kind k : PimLeg.Kind.values()) {
                        PimLeg leg = batch.pim(m.id()).stream().filter(l -> l.kind() == k).findFirst().orElse(null);
                        row.addAll(leg == null ? List.of("", "", "") : List.of(leg.source(), leg.target(), ""));
                    }
                }
                if (oauth) {
                    row.addAll(List.of(m.source().setting("auth").orElse(""), m.destination().setting("auth").orElse("")));
                }
                p.printRecord(row);
            }
        }
        spec.commandLine().getOut().println("exported " + batch.migrations().size() + " migration(s) of " + name + " to "
                + file + " (without passwords)");
        spec.commandLine().getOut().flush();
        return BatchExitCodes.OK;
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse("");
    }

    private static void pad(List<String> row, List<String> values, int n) {
        for (int i = 0; i < n; i++) {
            row.add(i < values.size() ? values.get(i) : "");
        }
    }

    /**
     * The login column: the setting the account's connector declares as its login ({@code connectors.exsd}). The
     * native reader still stores that column as {@code login} whatever the declaration (the CSV readers are not
     * moved onto the declarations yet), so that setting is the answer when the declared one is not filled, and for
     * a connector that is not installed (no declaration to ask): an export imports back as it was.
     */
    private static String login(ConnectorRegistry connectors, Account account) {
        return connectors.find(account.connectorId()).flatMap(d -> d.login(account))
                .or(() -> account.setting("login")).orElse("");
    }
}
