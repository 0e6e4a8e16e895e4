package org.mailmigrator.connector.imap.internal;

import java.util.HashSet;
import java.util.Set;

import jakarta.mail.Flags;

/** Converts between IMAP flags as Angus parses them and the plain strings of the mail SPI. */
final class Flagsets {
    private static final Flags.Flag[] SYSTEM = { Flags.Flag.ANSWERED, Flags.Flag.DELETED, Flags.Flag.DRAFT,
            Flags.Flag.FLAGGED, Flags.Flag.RECENT, Flags.Flag.SEEN };
    private static final String[] NAMES = { "\\Answered", "\\Deleted", "\\Draft", "\\Flagged", "\\Recent", "\\Seen" };

    private Flagsets() {
    }

    static Set<String> toStrings(Flags flags) {
        Set<String> out = new HashSet<>();
        if (flags == null) {
            return out;
        }
        for (int i = 0; i < SYSTEM.length; i++) {
            if (flags.contains(SYSTEM[i])) {
                out.add(NAMES[i]);
            }
        }
        for (String user : flags.getUserFlags()) {
            out.add(user);
        }
        return out;
    }

    static Flags toFlags(Set<String> flags) {
        Flags out = new Flags();
        for (String f : flags) {
            int i = indexOf(f);
            if (i >= 0) {
                out.add(SYSTEM[i]);
            } else if (!f.startsWith("\\")) {
                out.add(f);
            }
        }
        return out;
    }

    /** "(\Seen $Forwarded)" for STORE; \Recent and unknown system flags are left out. */
    static String toList(Set<String> flags) {
        StringBuilder sb = new StringBuilder("(");
        for (String f : flags) {
            if (f.equalsIgnoreCase("\\Recent") || (f.startsWith("\\") && indexOf(f) < 0)) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(' ');
            }
            sb.append(f);
        }
        return sb.append(')').toString();
    }

    private static int indexOf(String flag) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(flag)) {
                return i;
            }
        }
        return -1;
    }
}
