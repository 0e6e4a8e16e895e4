package org.mailmigrator.demo.internal;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo's mailboxes, the same on every start: per user a few dozen messages spread over INBOX, Sent,
 * Drafts, a sub-folder (Archives.2024) and a non-ASCII folder (Réunions), with flags, a keyword, attachments
 * from 3 KB to 1.6 MB (over 1 MiB the engine streams), and the cases an engine must not lose: alice has a
 * message without Message-ID, bob an exact duplicate.
 */
public final class SampleMailboxes {
    /** A demo user: login name (without domain) and how many messages the source mailbox holds. */
    public record User(String name, String displayName, int messages) {
    }

    public static final List<User> USERS = List.of(new User("alice", "Alice Martin", 90),
            new User("bob", "Bob Durand", 70), new User("carol", "Carol Petit", 60), new User("dave", "Dave Moreau", 45),
            new User("erin", "Erin Laurent", 35));
    public static final String SOURCE_DOMAIN = "legacy.example";
    public static final String DESTINATION_DOMAIN = "new.example";
    public static final List<String> FOLDERS = List.of("INBOX", "Sent", "Drafts", "Archives.2024", "Réunions");

    private static final String[] SUBJECTS = { "Quarterly figures", "Lunch on Friday?", "Re: server move",
            "Invoice %d", "Compte rendu de la réunion — été 2024", "Holiday plans", "Fwd: new office keys",
            "Planning week %d", "Grüße aus München", "Contract draft v%d" };
    private static final int[] ATTACHMENTS = { 3_000, 40_000, 250_000 };
    private static final ZonedDateTime FIRST = ZonedDateTime.of(2024, 1, 8, 9, 0, 0, 0, ZoneOffset.UTC);

    private SampleMailboxes() {
    }

    public static String login(User u, String domain) {
        return u.name() + "@" + domain;
    }

    /** The source mailbox of a user, in the order the messages are appended. */
    public static List<SampleMail> of(User u) {
        List<SampleMail> mails = new ArrayList<>();
        String me = "\"" + u.displayName() + "\" <" + login(u, SOURCE_DOMAIN) + ">";
        for (int i = 0; i < u.messages(); i++) {
            String folder = folder(i);
            String peer = "\"" + USERS.get((i + 1) % USERS.size()).displayName() + "\" <"
                    + login(USERS.get((i + 1) % USERS.size()), SOURCE_DOMAIN) + ">";
            boolean outgoing = folder.equals("Sent") || folder.equals("Drafts");
            long seed = (long) u.name().hashCode() * 1000 + i;
            int attachment = i == 5 ? 1_600_000 : i % 6 == 0 ? ATTACHMENTS[(i / 6) % ATTACHMENTS.length] : 0;
            String id = u.name().equals("alice") && i == 3 ? null : "demo-" + u.name() + "-" + i + "@" + SOURCE_DOMAIN;
            String subject = SUBJECTS[i % SUBJECTS.length].formatted(i);
            var content = new SampleMail.Content(outgoing ? me : peer, outgoing ? peer : me, subject,
                    "Hello,\n\nthis is demo message " + (i + 1) + " of " + u.displayName() + " (" + folder + ").\n\n-- \n"
                            + "Mail Migrator demo", id, attachment, seed);
            SampleMail m = SampleMail.of(folder, content, flags(i, folder), date(i));
            mails.add(m);
            if (u.name().equals("bob") && i == 2) {
                mails.add(m); // an exact duplicate: both copies must arrive
            }
        }
        return mails;
    }

    /**
     * Every 17 hours from 8 January 2024, but never between 12:00 and 12:59: GreenMail 2.1 reads the date of
     * an APPEND on a 12-hour clock ("dd-MMM-yyyy hh:mm:ss Z"), so a message arriving at 12:30 would be stored
     * at 00:30 on the destination. The engine sends the right date; the demo avoids the server's bug.
     */
    static ZonedDateTime date(int i) {
        ZonedDateTime d = FIRST.plus(Duration.ofHours(17L * i));
        return d.getHour() == 12 ? d.plusHours(1) : d;
    }

    private static String folder(int i) {
        int slot = i % 20;
        return slot < 9 ? "INBOX" : slot < 13 ? "Sent" : slot < 14 ? "Drafts" : slot < 17 ? "Archives.2024" : "Réunions";
    }

    private static Set<String> flags(int i, String folder) {
        Set<String> f = new LinkedHashSet<>();
        if (folder.equals("Drafts")) {
            f.add("\\Draft");
            return f;
        }
        if (i % 10 < 7 || !folder.equals("INBOX")) {
            f.add("\\Seen");
        }
        if (i % 13 == 0) {
            f.add("\\Flagged");
        }
        if (i % 7 == 0 && folder.equals("INBOX")) {
            f.add("\\Answered");
        }
        if (i % 11 == 0) {
            f.add("$Important");
        }
        return f;
    }
}
