package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mailmigrator.testing.Dovecot;

/** Message-by-message comparison of two accounts: per folder, the multisets of bytes+flags+date. */
final class Verify {
    private Verify() {
    }

    /** Every source folder's messages are in the destination folder it maps to (identity unless mapped). */
    static void sameMail(Dovecot src, String srcUser, Dovecot dst, String dstUser, Map<String, String> names)
            throws Exception {
        Map<String, List<String>> expected = new TreeMap<>();
        try (ImapProbe s = ImapProbe.login(src, srcUser)) {
            s.snapshot().forEach((folder, lines) -> expected.put(names.getOrDefault(folder, folder), lines));
        }
        Map<String, List<String>> actual;
        try (ImapProbe d = ImapProbe.login(dst, dstUser)) {
            actual = d.snapshot();
        }
        assertEquals(expected.keySet(), actual.keySet(), "selectable folders");
        for (String folder : expected.keySet()) {
            assertEquals(expected.get(folder), actual.get(folder), "messages (sha256 flags date) of " + folder);
        }
        assertTrue(expected.values().stream().mapToInt(List::size).sum() > 0, "the test copied something");
    }

    /** Folder names, \Noselect parents and subscriptions are the same. */
    static void sameFolders(Dovecot src, String srcUser, Dovecot dst, String dstUser) throws Exception {
        try (ImapProbe s = ImapProbe.login(src, srcUser); ImapProbe d = ImapProbe.login(dst, dstUser)) {
            assertEquals(s.folders(), d.folders());
        }
    }

    /** Like {@link #sameMail} but {@code folder} on the destination lacks exactly {@code missing} messages. */
    static void sameMailExcept(Dovecot src, String srcUser, Dovecot dst, String dstUser, String folder, int missing)
            throws Exception {
        Map<String, List<String>> expected;
        Map<String, List<String>> actual;
        try (ImapProbe s = ImapProbe.login(src, srcUser); ImapProbe d = ImapProbe.login(dst, dstUser)) {
            expected = s.snapshot();
            actual = d.snapshot();
        }
        assertEquals(expected.keySet(), actual.keySet());
        for (String f : expected.keySet()) {
            if (!f.equals(folder)) {
                assertEquals(expected.get(f), actual.get(f), "messages of " + f);
            }
        }
        List<String> rest = new ArrayList<>(expected.get(folder));
        for (String line : actual.get(folder)) {
            assertTrue(rest.remove(line), "unexpected message on the destination: " + line);
        }
        assertEquals(missing, rest.size(), "messages missing from " + folder + ": " + rest);
    }

    /** The snapshot line {@link ImapProbe#messages} gives for a corpus message. */
    static String line(TestCorpus.Mail m) throws Exception {
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(m.bytes());
        return java.util.HexFormat.of().formatHex(sha).substring(0, 16) + " " + new java.util.TreeSet<>(m.flags()) + " "
                + m.date();
    }
}
