package org.mailmigrator.connector.ews.tests;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.mailmigrator.connector.ews.EwsConnector;
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

/** A PIM migration from the shared corpus into the EWS protocol fake, through the public connector classes. */
final class EwsRun {
    static final String LOGIN = "alice@example.org";
    static final String PASSWORD = "ex-pass-1";

    private EwsRun() {
    }

    static Path corpus(String dir) {
        return Path.of(System.getProperty("mailmigrator.sourceRoot"), "bundles", "org.mailmigrator.connector.dav.tests", "corpus", dir);
    }

    static Account ews(EwsProtocolFake fake, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("url", fake.url(), "login", LOGIN, "allowPlaintext", "true",
                "floatingTimeZone", "Europe/Paris"));
        s.putAll(extra);
        return new Account("ews", s, null);
    }

    static ConnectorSession open(EwsProtocolFake fake, String password) throws Exception {
        return new EwsConnector().open(ews(fake, Map.of()), Role.DESTINATION, ConnectContext.of(Secret.of(password)));
    }

    static PimReport migrate(Path source, EwsProtocolFake fake, Path state) throws Exception {
        boolean vcf = source.toString().endsWith(".vcf") || source.getFileName().toString().equals("vcf");
        Account src = new Account(vcf ? "vcard" : "ical", Map.of("path", source.toString()), null);
        try (ConnectorSession in = (vcf ? new VcardConnector() : new IcalConnector()).open(src, Role.SOURCE, ConnectContext.of(null));
                ConnectorSession out = open(fake, PASSWORD); PimState st = PimState.openEmbedded(state, "pair")) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(), st,
                    EnumSet.allOf(ItemKind.class), null).run();
        }
    }
}
