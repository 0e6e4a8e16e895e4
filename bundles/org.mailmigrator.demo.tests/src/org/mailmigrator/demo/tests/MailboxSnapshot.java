package org.mailmigrator.demo.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * What an account holds, read through the IMAP connector as the engine reads it: per selectable folder, the
 * sorted list of "fingerprint flags internal-date" lines (a multiset: duplicates appear twice).
 */
final class MailboxSnapshot {
    private MailboxSnapshot() {
    }

    static Map<String, List<String>> of(Account account, Secret password) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (ConnectorSession session = new ImapConnector().open(account, Role.SOURCE, ConnectContext.of(password))) {
            MailStore store = session.capability(MailStore.class).orElseThrow();
            for (MailFolder f : store.folders()) {
                if (!f.selectable()) {
                    continue;
                }
                List<String> lines = new ArrayList<>();
                try (Mailbox box = store.open(f.name(), false)) {
                    List<String> uids = box.list(null).stream().map(MessageInfo::id).toList();
                    for (MessageInfo m : box.details(uids)) {
                        lines.add(m.fingerprint() + " " + new TreeSet<>(m.copyableFlags()) + " " + m.internalDate());
                    }
                }
                lines.sort(null);
                out.put(f.name(), lines);
            }
        }
        return out;
    }

    static int count(Map<String, List<String>> snapshot) {
        return snapshot.values().stream().mapToInt(List::size).sum();
    }
}
