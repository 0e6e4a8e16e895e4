package org.mailmigrator.connector.pst.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The public projects' PST files read by the connector and by {@code readpst -D -e} (pst-utils, the oracle):
 * the same messages per folder, the same subjects and read status, the same attachment bytes (an embedded
 * message's included); a truncated copy, a file that is not a PST and a password-protected one are refused with a
 * message naming the file.
 */
class PstReadingTest {
    @TempDir
    Path tmp;

    @Test
    void everySampleYieldsWhatReadpstFindsFolderByFolder() throws Exception {
        int total = 0;
        for (String sample : Samples.MAIL_SAMPLES) {
            Path pst = Samples.file(sample);
            Map<String, List<String>> oracle = Samples.readpst(pst, tmp.resolve(sample));
            List<String> skipped = new ArrayList<>();
            Map<String, List<Samples.Message>> ours;
            try (ConnectorSession s = Samples.open(pst)) {
                ours = Samples.ours(s.capability(MailStore.class).orElseThrow(), skipped);
            }
            assertEquals(counts(oracle), counts(ours), sample + ": messages per folder as readpst finds them");
            for (String folder : oracle.keySet()) {
                assertEquals(fields(oracle.get(folder), "Subject"),
                        ours.get(folder).stream().map(m -> field(m.text(), "Subject")).sorted().toList(),
                        sample + " " + folder + ": subjects");
                assertEquals(oracle.get(folder).stream().filter(t -> "RO".equals(field(t, "Status"))).count(),
                        ours.get(folder).stream().filter(m -> m.flags().contains("\\Seen")).count(),
                        sample + " " + folder + ": read messages (readpst's Status: RO) are \\Seen");
                for (int i = 0; i < oracle.get(folder).size(); i++) {
                    String theirs = oracle.get(folder).stream().sorted().toList().get(i);
                    String mine = ours.get(folder).stream().map(Samples.Message::text)
                            .filter(t -> field(t, "Subject").equals(field(theirs, "Subject"))).findFirst().orElseThrow();
                    Map<String, String> expected = attachments(theirs);
                    expected.remove("rtf-body.rtf"); // readpst adds the RTF body beside the plain/HTML ones
                    assertEquals(expected, attachments(mine), sample + " " + folder + ": attachment bytes");
                }
            }
            total += ours.values().stream().mapToInt(List::size).sum();
            assertTrue(skipped.isEmpty(), sample + ": " + skipped);
        }
        assertEquals(3, total, "the samples hold three messages in mail folders");
    }

    @Test
    void theInboxAndTheSpecialFoldersAreMapped() throws Exception {
        try (ConnectorSession s = Samples.open(Samples.file("java-libpst/dist-list.pst"))) {
            Map<String, String> uses = new TreeMap<>();
            for (MailFolder f : s.capability(MailStore.class).orElseThrow().folders()) {
                uses.put(f.name(), f.selectable() ? f.specialUse().orElse("") : "\\Noselect");
            }
            assertEquals("", uses.get("INBOX"), uses.toString());
            assertEquals("\\Sent", uses.get("Sent Items"), uses.toString());
            assertEquals("\\Trash", uses.get("Deleted Items"), uses.toString());
            assertEquals("\\Drafts", uses.get("Drafts"), uses.toString());
            assertEquals("\\Junk", uses.get("Junk E-mail"), uses.toString());
            assertEquals("\\Noselect", uses.get("Calendar"), "not mail: " + uses);
            assertEquals("\\Noselect", uses.get("Contacts"), "not mail: " + uses);
            assertFalse(uses.keySet().stream().anyMatch(n -> n.startsWith("Search Root") || n.startsWith("IPM_")),
                    "the root's internal folders are left out: " + uses);
        }
    }

    @Test
    void aTruncatedADamagedAndAProtectedFileAreRefusedNamingTheFile() throws Exception {
        byte[] whole = Files.readAllBytes(Samples.file("pstsdk/sample1.pst"));
        Path cut = Files.write(tmp.resolve("cut.pst"), java.util.Arrays.copyOf(whole, whole.length / 2));
        String m = refusal(cut);
        assertTrue(m.contains(cut.toString()) && m.contains("truncated"), m);

        byte[] broken = whole.clone();
        java.util.Arrays.fill(broken, 0x200, broken.length, (byte) 0x5a);
        Path damaged = Files.write(tmp.resolve("damaged.pst"), broken);
        m = refusal(damaged);
        assertTrue(m.contains(damaged.toString()) && m.contains("damaged"), m);

        Path text = Files.writeString(tmp.resolve("notes.pst"), "not a data file\n");
        m = refusal(text);
        assertTrue(m.contains(text.toString()) && m.contains("not an Outlook data file"), m);

        for (String protectedFile : List.of("java-libpst/passworded.pst", "pstsdk/test_ansi.pst", "pstsdk/test_unicode.pst")) {
            Path locked = Samples.file(protectedFile);
            m = refusal(locked);
            assertTrue(m.contains(locked.toString()) && m.contains("protected by a password"), m);
        }
    }

    private static String refusal(Path pst) {
        return assertThrows(ConnectorException.AccountFailure.class, () -> Samples.open(pst).close()).getMessage();
    }

    private static Map<String, Integer> counts(Map<String, ? extends List<?>> folders) {
        Map<String, Integer> out = new TreeMap<>();
        folders.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    private static List<String> fields(List<String> texts, String name) {
        return texts.stream().map(t -> field(t, name)).sorted().toList();
    }

    /** A top-level header field's unfolded value, "" when absent. */
    static String field(String message, String name) {
        String head = message.split("\r?\n\r?\n", 2)[0].replaceAll("\r?\n[ \t]+", " ");
        for (String line : head.split("\r?\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    /** File name to SHA-256 of every attachment, those of embedded messages included. */
    static Map<String, String> attachments(String message) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
        Map<String, String> out = new TreeMap<>();
        collect(m, out);
        return out;
    }

    private static void collect(Part p, Map<String, String> out) throws Exception {
        if (p.isMimeType("multipart/*")) {
            MimeMultipart mp = (MimeMultipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), out);
            }
        } else if (p.isMimeType("message/rfc822")) {
            collect((Part) p.getContent(), out);
        } else if (p.getFileName() != null) {
            byte[] bytes = p.getInputStream().readAllBytes();
            out.put(p.getFileName(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    static TreeSet<String> sorted(List<String> l) {
        return new TreeSet<>(l);
    }
}
