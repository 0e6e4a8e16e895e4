package org.mailmigrator.connector.imap.tests;

import java.util.List;

import org.mailmigrator.testing.Dovecot;

/** Loads {@link TestCorpus} into a test account. */
final class Corpus {
    private Corpus() {
    }

    static List<TestCorpus.Mail> load(Dovecot d, String user, int perFolder) throws Exception {
        List<TestCorpus.Mail> mails = TestCorpus.generate(perFolder, 42);
        try (ImapProbe probe = ImapProbe.login(d, user)) {
            for (String f : TestCorpus.FOLDERS) {
                if (!f.equals("INBOX")) {
                    probe.create(f, !TestCorpus.UNSUBSCRIBED.contains(f));
                }
            }
            for (TestCorpus.Mail m : mails) {
                probe.append(m.folder(), m.bytes(), m.flags(), m.date());
            }
        }
        return mails;
    }
}
