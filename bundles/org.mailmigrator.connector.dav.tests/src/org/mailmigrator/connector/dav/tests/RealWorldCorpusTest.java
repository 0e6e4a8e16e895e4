package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Radicale;
import org.mailmigrator.testing.Xandikos;

/**
 * The real-world corpus (real-world/, files from public projects' test data, see its README) into a real Radicale
 * and a real Xandikos. Every item read back from the server is compared by meaning with the source file's own
 * text ({@link IcsModel}, {@link CardModel}), not with what the connector sent. Prints per project and server:
 * items, created, identical, lossy (by property), refused (with reason). Fails when a run aborts, an item is
 * refused without a reason, or a property differs without a note of the migration naming it.
 */
class RealWorldCorpusTest {
    @TempDir
    static Path dir;

    record Server(String name, String url, String login, String password) {
    }

    @Test
    void everyItemArrivesIdenticalOrLossyWithANoteOrIsRefusedWithAReason() throws Exception {
        List<String> problems = new ArrayList<>();
        StringBuilder out = new StringBuilder(String.format("%n%-18s %-9s %6s %8s %10s %6s %9s %8s%n", "project", "server", "items",
                "created", "identical", "lossy", "rewritten", "refused"));
        List<Path> projects;
        try (Stream<Path> s = Files.list(Corpus.realWorld())) {
            projects = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path project : projects) {
            // fresh servers per project: two projects' files of the same name (and UID) must not meet
            Path here = dir.resolve(project.getFileName().toString());
            try (Radicale radicale = Radicale.start(here.resolve("radicale")); Xandikos xandikos = Xandikos.start(here.resolve("xandikos"))) {
            List<Server> servers = List.of(new Server("radicale", radicale.url(), Radicale.LOGIN, Radicale.PASSWORD),
                    new Server("xandikos", xandikos.url(), Xandikos.LOGIN, Xandikos.PASSWORD));
            for (Server server : servers) {
                CorpusTally tally = new CorpusTally();
                for (String ext : List.of(".ics", ".vcf")) {
                    if (has(project, ext)) {
                        run(project, ext, server, tally, problems);
                    }
                }
                out.append(tally.row(project.getFileName().toString(), server.name()));
            }
            // Radicale answers "Bad Request" and keeps its reason for its log: shown here for whoever reads the numbers
            for (String l : Files.readAllLines(here.resolve("radicale/radicale.log"))) {
                if (l.contains("Bad PUT")) {
                    out.append("    radicale log: ").append(l.replaceFirst("^.*\\[WARNING\\] ", "")).append('\n');
                }
            }
            }
        }
        System.out.println(out);
        assertEquals(List.of(), problems, "each item identical, lossy with a note, or refused with a reason");
    }

    private static void run(Path project, String ext, Server server, CorpusTally tally, List<String> problems) throws Exception {
        boolean vcf = ext.equals(".vcf");
        Account src = new Account(vcf ? "vcard" : "ical", Map.of("path", project.toString()), null);
        Account dst = new Account("dav", Map.of("url", server.url(), "login", server.login(), "create", "true",
                "allowPlaintext", "true"), null);
        String label = project.getFileName() + " → " + server.name();
        PimReport report;
        Map<String, String> sent = new java.util.HashMap<>();
        try (ConnectorSession in = (vcf ? new VcardConnector() : new IcalConnector()).open(src, Role.SOURCE, ConnectContext.of(null));
                ConnectorSession out = new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(server.password())));
                PimState state = PimState.openEmbedded(dir.resolve("state"), project.getFileName() + "-" + server.name() + ext.substring(1))) {
            report = new PimMigration(in.capability(PimReader.class).orElseThrow(), recording(out.capability(PimWriter.class)
                    .orElseThrow(), sent), state, EnumSet.allOf(ItemKind.class), null).run();
        }
        if (report.failure() != null) {
            problems.add(label + ": the run stopped: " + report.failure());
        }
        for (PimOutcome o : report.outcomes()) {
            tally.items++;
            switch (o) {
                case PimOutcome.Created c -> compare(project, c.item(), sent.get(c.item().key()), c.stored(), c.notes(), server, tally,
                        problems, label);
                case PimOutcome.Updated u -> compare(project, u.item(), sent.get(u.item().key()), u.stored(), u.notes(), server, tally,
                        problems, label);
                case PimOutcome.Failed f -> {
                    tally.refused(f.what() + ": " + f.reason());
                    if (f.reason() == null || f.reason().isBlank()) {
                        problems.add(label + ": " + f.what() + " refused without a reason");
                    }
                }
                case PimOutcome.Unchanged u -> problems.add(label + ": " + u.item().describe() + " unchanged on a first run");
            }
        }
    }

    /** The writer, remembering the text sent for each item key (outcomes keep identities, not texts). */
    private static PimWriter recording(PimWriter writer, Map<String, String> sent) {
        return new PimWriter() {
            @Override
            public Written write(PimItem item, java.util.Optional<Stored> previous) throws org.mailmigrator.core.spi.ConnectorException {
                sent.put(item.key(), item.text());
                return writer.write(item, previous);
            }

            @Override
            public Held held(PimItem item, java.util.Optional<Stored> previous) throws org.mailmigrator.core.spi.ConnectorException {
                return writer.held(item, previous);
            }
        };
    }

    private static void compare(Path project, PimItem item, String text, Stored stored, List<String> notes, Server server,
            CorpusTally tally, List<String> problems, String label) throws Exception {
        tally.created++;
        String body = get(stored.resource(), server);
        String file = item.origin().substring(0, item.origin().lastIndexOf(':'));
        int line = Integer.parseInt(item.origin().substring(item.origin().lastIndexOf(':') + 1));
        byte[] source = Files.readAllBytes(project.resolve(file));
        boolean card = item.kind() == ItemKind.CONTACTS;
        List<String> differ = card ? CorpusDiff.cards(source, line, body) : CorpusDiff.events(source, line, item.uid(), body);
        if (differ.isEmpty()) {
            tally.identical++;
            return;
        }
        // what the migration sent, against the source: a difference there is ours and must be in a note; a difference
        // only on the server is the server's rewrite (Radicale re-serialises through vobject), counted apart
        List<String> ours = card ? CorpusDiff.cards(source, line, text) : CorpusDiff.events(source, line, item.uid(), text);
        List<String> byServer = differ.stream().filter(p -> !ours.contains(p)).toList();
        List<String> byUs = differ.stream().filter(ours::contains).toList();
        if (!byUs.isEmpty()) {
            tally.lossy(byUs);
        }
        if (!byServer.isEmpty()) {
            tally.rewritten(byServer);
        }
        String said = String.join(" ", notes).toUpperCase(java.util.Locale.ROOT);
        for (String property : byUs) {
            String bare = property.contains("/") ? property.substring(property.indexOf('/') + 1) : property;
            if (!said.contains(bare.toUpperCase(java.util.Locale.ROOT))) {
                problems.add(label + ": " + item.describe() + ": " + property + " differs from the source and no note says so"
                        + (notes.isEmpty() ? "" : " (notes: " + notes + ")"));
            }
        }
    }

    private static boolean has(Path project, String ext) throws Exception {
        try (Stream<Path> s = Files.list(project)) {
            return s.anyMatch(p -> p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(ext));
        }
    }

    static String get(String resource, Server server) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((server.login() + ":" + server.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(resource))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + resource + ": HTTP " + r.statusCode());
        }
        return r.body();
    }
}
