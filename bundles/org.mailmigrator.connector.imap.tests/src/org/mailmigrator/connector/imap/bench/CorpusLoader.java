package org.mailmigrator.connector.imap.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;

/** Loads a benchmark corpus into an account, folders in parallel over four connections. */
final class CorpusLoader {
    record Loaded(long messages, long bytes, int folders) {
    }

    private CorpusLoader() {
    }

    static ConnectorSession session(Dovecot d, String user) throws Exception {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(d.imapPort()), "security",
                "plain", "login", user), new CredentialRef(user));
        return new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
    }

    static Loaded load(Dovecot d, String user, List<BenchCorpus.Mail> mails) throws Exception {
        Map<String, List<Integer>> byFolder = new LinkedHashMap<>();
        for (int i = 0; i < mails.size(); i++) {
            byFolder.computeIfAbsent(mails.get(i).folder(), k -> new ArrayList<>()).add(i);
        }
        try (ConnectorSession s = session(d, user)) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            for (String f : BenchCorpus.FOLDERS) {
                if (!f.equals("INBOX")) {
                    store.create(f, true);
                    if (!f.equals("Old Mail")) {
                        store.subscribe(f);
                    }
                }
            }
            store.create("Empty", true);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "corpus-loader");
            t.setDaemon(true);
            return t;
        });
        List<Future<Long>> results = new ArrayList<>();
        for (var e : byFolder.entrySet()) {
            results.add(pool.submit(() -> {
                long bytes = 0;
                try (ConnectorSession s = session(d, user);
                        Mailbox box = s.capability(MailStore.class).orElseThrow().open(e.getKey(), true)) {
                    for (int i : e.getValue()) {
                        byte[] b = BenchCorpus.bytes(mails.get(i), i);
                        box.append(body(b), mails.get(i).flags(), mails.get(i).date());
                        bytes += b.length;
                    }
                }
                return bytes;
            }));
        }
        long total = 0;
        for (Future<Long> f : results) {
            total += f.get();
        }
        pool.shutdown();
        return new Loaded(mails.size(), total, BenchCorpus.FOLDERS.size() + 1);
    }

    static MessageBody body(byte[] b) {
        return MessageBody.of(b);
    }
}
