package org.mailmigrator.connector.imap.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic benchmark mailbox: same N and seed give the same messages, folders, flags and dates.
 * Size mix after the measured corpus of the project's test bed: ~73% 2-20 KB, 20% 20-100 KB, 6% 100 KB-5 MB,
 * plus N/2000 messages of 20 MB; about 1% without Message-ID and 1% exact duplicates in the same folder.
 */
public final class BenchCorpus {
    public static final List<String> FOLDERS;
    static {
        List<String> f = new ArrayList<>(List.of("INBOX", "INBOX/Receipts", "Sent", "Drafts", "Trash", "Junk",
                "Work/Projects/Alpha", "Work/Projects/v2.0 release", "Clients/ACME Corp", "Reçus & factures",
                "Données/Été 2021", "日本語フォルダ", "Привет мир", "Travel ✈", "Photos 📷", "Old Mail"));
        for (int y = 2009; y <= 2023; y++) {
            f.add("Archive/" + y);
        }
        FOLDERS = List.copyOf(f);
    }

    /** One message to load. */
    public record Mail(String folder, Set<String> flags, Instant date, int size, long seed, boolean messageId) {
    }

    private static final byte[] FILLER = filler();

    private BenchCorpus() {
    }

    public static List<Mail> plan(int n, long seed) {
        Random r = new Random(seed);
        List<Mail> out = new ArrayList<>();
        int bigCount = Math.max(1, n / 2000);
        int stride = Math.max(1, n / bigCount);
        int placed = 0;
        for (int i = 0; i < n; i++) {
            String folder = folder(r);
            double c = r.nextDouble();
            int size;
            if (i % stride == stride / 2 && placed < bigCount) {
                placed++;
                size = 20_000_000;
            } else if (c < 0.74) {
                size = 2_000 + r.nextInt(18_000);
            } else if (c < 0.94) {
                size = 20_000 + r.nextInt(80_000);
            } else {
                size = (int) Math.exp(Math.log(100_000) + r.nextDouble() * (Math.log(5_000_000) - Math.log(100_000)));
            }
            Instant date = Instant.ofEpochSecond(1_230_768_000L + (long) (Math.pow(r.nextDouble(), 0.5) * 470_000_000L));
            Mail m = new Mail(folder, flags(r), date, size, r.nextLong(), r.nextDouble() > 0.01);
            out.add(m);
            if (r.nextDouble() < 0.01) {
                out.add(m); // exact duplicate: same bytes, flags and date
            }
        }
        return out;
    }

    private static String folder(Random r) {
        double c = r.nextDouble();
        if (c < 0.35) {
            return "INBOX";
        } else if (c < 0.50) {
            return "Sent";
        } else if (c < 0.75) {
            return "Archive/" + (2009 + r.nextInt(15));
        }
        return FOLDERS.get(r.nextInt(FOLDERS.size()));
    }

    private static Set<String> flags(Random r) {
        double c = r.nextDouble();
        if (c < 0.6) {
            return Set.of("\\Seen");
        } else if (c < 0.75) {
            return Set.of("\\Seen", "\\Answered");
        } else if (c < 0.8) {
            return Set.of("\\Seen", "$Forwarded", "$Label1");
        } else if (c < 0.85) {
            return Set.of("\\Flagged", "ProjectX");
        }
        return Set.of();
    }

    /** The message's bytes: headers unique per message, a body of base64-like lines up to {@code size}. */
    public static byte[] bytes(Mail m, int index) {
        Random r = new Random(m.seed());
        StringBuilder h = new StringBuilder();
        h.append("From: Sender ").append(r.nextInt(500)).append(" <s").append(r.nextInt(500)).append("@example.org>\r\n");
        h.append("To: Alice <alice@example.net>\r\n");
        h.append("Subject: Benchmark message ").append(index).append(" about ").append(Long.toHexString(m.seed()))
                .append("\r\n");
        h.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(m.date().atZone(java.time.ZoneOffset.UTC))).append("\r\n");
        if (m.messageId()) {
            h.append("Message-ID: <").append(Long.toHexString(m.seed())).append("@bench.example>\r\n");
        }
        h.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
        int size = Math.max(m.size(), head.length + 2);
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, head.length);
        int span = FILLER.length - 80;
        int offset = (int) Math.floorMod(m.seed(), (long) span);
        int pos = head.length;
        while (size - pos >= 80) {
            System.arraycopy(FILLER, (offset + pos) % span, out, pos, 76);
            out[pos + 76] = '\r';
            out[pos + 77] = '\n';
            pos += 78;
        }
        System.arraycopy(FILLER, (offset + pos) % span, out, pos, size - pos - 2);
        out[size - 2] = '\r';
        out[size - 1] = '\n';
        return out;
    }

    private static byte[] filler() {
        Random r = new Random(7);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        byte[] b = new byte[1 << 20];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) alphabet.charAt(r.nextInt(64));
        }
        return b;
    }
}
