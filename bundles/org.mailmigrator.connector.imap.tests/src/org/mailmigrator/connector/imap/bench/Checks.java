package org.mailmigrator.connector.imap.bench;

import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;

/** A cheap check that a benchmark destination is complete: per folder, message count and total bytes. */
final class Checks {
    private Checks() {
    }

    static void sameCounts(Dovecot d, String source, String destination) throws Exception {
        try (ConnectorSession s = CorpusLoader.session(d, source); ConnectorSession t = CorpusLoader.session(d, destination)) {
            MailStore a = s.capability(MailStore.class).orElseThrow();
            MailStore b = t.capability(MailStore.class).orElseThrow();
            for (MailFolder f : a.folders()) {
                if (!f.selectable()) {
                    continue;
                }
                FolderStatus sa = a.status(f.name()).orElseThrow();
                FolderStatus sb = b.status(f.name()).orElseThrow(() -> new IllegalStateException(destination
                        + " lacks folder " + f.name()));
                long ba;
                long bb;
                try (Mailbox x = a.open(f.name(), false); Mailbox y = b.open(f.name(), false)) {
                    ba = x.totalBytes();
                    bb = y.totalBytes();
                }
                if (sa.messages() != sb.messages() || ba != bb) {
                    throw new IllegalStateException(destination + "/" + f.name() + ": " + sb.messages() + " messages, "
                            + bb + " bytes; source has " + sa.messages() + ", " + ba);
                }
            }
            System.out.println("check: " + destination + " has the same messages and bytes per folder as " + source);
        }
    }
}
