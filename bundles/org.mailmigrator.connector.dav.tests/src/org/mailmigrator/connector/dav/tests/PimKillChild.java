package org.mailmigrator.connector.dav.tests;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
import org.mailmigrator.core.engine.MigrationSettings;
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
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Run in a child JVM by {@link PimKillTest}: migrates an .ics and a .vcf file (args: state folder, DAV URL, login,
 * password, ics, vcf) into one state store, and stops at every step to say where it is ({@code step PHASE KEY}) and
 * wait for a line on stdin, so that the parent can SIGKILL it exactly there. Phases: {@code looking} (resolving a
 * journal entry at the destination), {@code journaled} (the journal entry is committed, the write not sent),
 * {@code written} (the destination accepted it, not yet recorded), {@code recorded} (the copy is recorded).
 */
public final class PimKillChild {
    private static final BufferedReader IN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private PimKillChild() {
    }

    public static void main(String[] a) throws Exception {
        Path state = Path.of(a[0]);
        Account dav = new Account("dav", Map.of("url", a[1], "login", a[2], "create", "true", "allowPlaintext", "true"), null);
        long created = 0;
        long unchanged = 0;
        for (String file : List.of(a[4], a[5])) {
            boolean ics = file.endsWith(".ics");
            Connector source = ics ? new IcalConnector() : new VcardConnector();
            Account src = new Account(ics ? "ical" : "vcard", Map.of("path", file), null);
            try (ConnectorSession in = source.open(src, Role.SOURCE, ConnectContext.of(null));
                    ConnectorSession out = new DavConnector().open(dav, Role.DESTINATION, ConnectContext.of(Secret.of(a[3])));
                    PimState pim = PimState.openEmbedded(state, "pair")) {
                PimWriter writer = stepping(out.capability(PimWriter.class).orElseThrow());
                PimReport r = new PimMigration(in.capability(PimReader.class).orElseThrow(), writer, pim,
                        ics ? EnumSet.of(ItemKind.CALENDAR, ItemKind.TASKS) : EnumSet.of(ItemKind.CONTACTS), o -> {
                            if (o instanceof PimOutcome.Created c) {
                                step("recorded", c.item().key());
                            } else if (o instanceof PimOutcome.Updated u) {
                                step("recorded", u.item().key());
                            } else if (o instanceof PimOutcome.Unchanged u) {
                                step("recorded", u.item().key());
                            }
                        }).withRetries(MigrationSettings.defaults(), m -> System.out.println("info " + m)).run();
                if (!r.complete()) {
                    System.out.println("failed " + r.failure() + " " + r.failures());
                    return;
                }
                created += r.created();
                unchanged += r.unchanged();
            }
        }
        System.out.println("finished created " + created + " unchanged " + unchanged);
    }

    private static PimWriter stepping(PimWriter writer) {
        return new PimWriter() {
            @Override
            public Written write(PimItem item, Optional<Stored> previous) throws ConnectorException {
                step("journaled", item.key());
                Written w = writer.write(item, previous);
                System.out.println("wrote " + item.key() + (w.created() ? " created" : w.unchanged() ? " unchanged" : " updated")
                        + (previous.isPresent() ? " over " + previous.get().version() : "") + " " + w.notes());
                step("written", item.key());
                return w;
            }

            @Override
            public Held held(PimItem item, Optional<Stored> previous) throws ConnectorException {
                step("looking", item.key());
                Held h = writer.held(item, previous);
                System.out.println("held " + item.key() + " " + h.getClass().getSimpleName());
                return h;
            }
        };
    }

    /** Says where the run is and waits until the parent lets it go on (or kills it). */
    private static void step(String phase, String key) {
        System.out.println("step " + phase + " " + key);
        System.out.flush();
        try {
            if (IN.readLine() == null) {
                Runtime.getRuntime().halt(3);
            }
        } catch (java.io.IOException e) {
            Runtime.getRuntime().halt(3);
        }
    }
}
