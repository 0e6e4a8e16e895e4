package org.mailmigrator.connector.graph.tests;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.mailmigrator.connector.graph.GraphConnector;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.spi.SignIn;

/** Runs calendar/contact migrations into and out of the Graph fake through the public connector classes. */
final class GraphPim {
    static final String TOKEN = "graph-test-token";
    static final String DOCUMENTED_ICALUID = "040000008200E00074C5B7101A82E0080000000028CEBE04293FD3010000000000000000100000009F85AB8AF8ED4D4FAC777FA89954BDB7";

    private GraphPim() {
    }

    static Account graph(GraphFake fake) {
        return new Account("graph", Map.of("url", fake.root(), "login", fake.user, "allowPlaintext", "true"), null);
    }

    /** A Graph source that keeps its delta links in {@code syncState}. */
    static Account graph(GraphFake fake, Path syncState) {
        return new Account("graph", Map.of("url", fake.root(), "login", fake.user, "allowPlaintext", "true",
                "syncState", syncState.toString()), null);
    }

    /** A fixed bearer token (what a token file gives). */
    static ConnectContext bearer(String token) {
        SignIn.TokenSource tokens = new SignIn.TokenSource() {
            @Override
            public Secret accessToken() {
                return Secret.of(token);
            }

            @Override
            public Secret refresh(Secret refused) {
                return Secret.of(token);
            }

            @Override
            public String describe() {
                return "the test's token";
            }
        };
        return ConnectContext.of(new SignIn.Bearer(SignIn.Mechanism.XOAUTH2, tokens), ConnectContext.of((Secret) null));
    }

    /**
     * The documented "Create event" example 3 as Graph keeps it (a weekly series in Pacific time, with an attendee, the
     * organizer and a 15 minutes' reminder), given the category "Red category" (a documented category name) and its
     * occurrence of 16 October 2017 deleted, as a user would have in Outlook.
     */
    static net.minidev.json.JSONObject documentedSeries(GraphFake fake) throws java.io.IOException {
        net.minidev.json.JSONObject e = GraphFake.example("event-created.json");
        e.put("categories", java.util.List.of("Red category"));
        fake.calendar.deleted.add(e.getAsString("id") + "_20171016");
        return e;
    }

    /**
     * The JPEG of ez-vcard's Outlook test card (real-world data kept in the DAV tests, origin and licence noted
     * there): a contact photo and an event attachment here.
     */
    static byte[] picture() throws java.io.IOException {
        Path card = Path.of(System.getProperty("mailmigrator.sourceRoot"), "bundles", "org.mailmigrator.connector.dav.tests",
                "real-world", "ez-vcard", "John_Doe_MS_OUTLOOK.vcf");
        return ezvcard.Ezvcard.parse(java.nio.file.Files.readString(card, java.nio.charset.StandardCharsets.ISO_8859_1)).first()
                .getPhotos().get(0).getData();
    }

    /**
     * Attachments of an event as Graph's "List attachments" gives them: the picture as a small file attachment, a
     * 60 MB file (not copied: over what the reader holds in memory) and an attached Outlook item (not copied).
     */
    static void attach(GraphFake fake, String eventId) throws java.io.IOException {
        fake.calendar.events.get(eventId).put("hasAttachments", true);
        net.minidev.json.JSONObject small = new net.minidev.json.JSONObject(Map.of("@odata.type", "#microsoft.graph.fileAttachment",
                "id", "AAMkAGI1AAAoZCfHAAABEgAQAM", "name", "John_Doe.jpg", "contentType", "image/jpeg", "size", picture().length,
                "isInline", false, "contentBytes", java.util.Base64.getEncoder().encodeToString(picture())));
        net.minidev.json.JSONObject large = new net.minidev.json.JSONObject(Map.of("@odata.type", "#microsoft.graph.fileAttachment",
                "id", "AAMkAGI1AAAoZCfHAAABEgAQAN", "name", "site-survey.pdf", "contentType", "application/pdf", "size", 62_914_560,
                "isInline", false)); // 60 MB, listed without its bytes: over what the reader holds in memory
        net.minidev.json.JSONObject item = new net.minidev.json.JSONObject(Map.of("@odata.type", "#microsoft.graph.itemAttachment",
                "id", "AAMkAGI1AAAoZCfHAAABEgAQAO", "name", "Holiday party", "contentType", "message/rfc822", "size", 32005,
                "isInline", false));
        fake.attachments.put(eventId, java.util.List.of(small, large, item));
    }

    /**
     * {@code size} bytes standing for a large file: seeded pseudo-random bytes, the same on every run and without a
     * period a range mistake could hide in (what Graph checks of a file is its size and its bytes' order).
     */
    static byte[] big(int size) {
        byte[] out = new byte[size];
        new java.util.Random(size).nextBytes(out);
        return out;
    }

    /** Copies a .ics or .vcf file into the fake's mailbox. */
    static PimReport fileToGraph(Path file, GraphFake fake, Path stateDir) throws Exception {
        try (ConnectorSession in = fileSource(file);
                ConnectorSession out = new GraphConnector().open(graph(fake), Role.DESTINATION, bearer(TOKEN));
                PimState state = PimState.openEmbedded(stateDir, "pair")) {
            return run(in, out, state);
        }
    }

    /** A .ics or .vcf file as a source. */
    static ConnectorSession fileSource(Path file) throws Exception {
        boolean vcf = file.toString().endsWith(".vcf");
        Account src = new Account(vcf ? "vcard" : "ical", Map.of("path", file.toString()), null);
        return (vcf ? new VcardConnector() : new IcalConnector()).open(src, Role.SOURCE, ConnectContext.of(null));
    }

    static PimReport run(ConnectorSession in, ConnectorSession out, PimState state) {
        return new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(),
                state, EnumSet.allOf(ItemKind.class), null).run();
    }
}
