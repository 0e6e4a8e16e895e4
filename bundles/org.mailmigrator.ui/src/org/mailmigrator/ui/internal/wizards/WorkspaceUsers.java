package org.mailmigrator.ui.internal.wizards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mailboxes of a Google Workspace batch, from a pasted list or a one-column CSV: one address per line (a
 * first line {@code email}, {@code user}, {@code login} or {@code address} is a header), a bare name gets
 * {@code @domain}. Every problem names its line.
 */
final class WorkspaceUsers {
    private static final List<String> HEADERS = List.of("email", "user", "login", "address", "primary email");

    private WorkspaceUsers() {
    }

    /** The parsed list: the addresses in order, or the problems (each naming a line). */
    record Parsed(List<String> users, List<String> problems) {
    }

    static Parsed parse(String text, String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> users = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String cell = lines[i].strip();
            if (cell.startsWith("\uFEFF")) {
                cell = cell.substring(1);
            }
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1).strip();
            }
            if (cell.isEmpty() || (line == 1 && HEADERS.contains(cell.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            if (cell.contains(",") || cell.contains(";") || cell.contains("\t")) {
                problems.add("Users, line " + line + ": '" + cell + "' has more than one column (one address a line)");
                continue;
            }
            String user = cell.contains("@") ? cell : d.isEmpty() ? cell : cell + "@" + d;
            if (!user.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add("Users, line " + line + ": '" + cell + "' is not an e-mail address");
                continue;
            }
            if (!d.isEmpty() && !user.toLowerCase(Locale.ROOT).endsWith("@" + d)) {
                problems.add("Users, line " + line + ": '" + cell + "' is not in the domain " + d);
                continue;
            }
            Integer first = seen.putIfAbsent(user.toLowerCase(Locale.ROOT), line);
            if (first != null) {
                problems.add("Users, line " + line + ": " + user + " is already on line " + first);
            } else {
                users.add(user);
            }
        }
        if (problems.isEmpty() && seen.isEmpty()) {
            problems.add("Users: paste one address a line or load a one-column CSV");
        }
        return new Parsed(users, problems);
    }

    /** The destination login of a source address: its local part at {@code destinationDomain}, or the same. */
    static String destination(String user, String destinationDomain) {
        String d = destinationDomain.trim();
        return d.isEmpty() ? user : user.substring(0, user.indexOf('@')) + "@" + d;
    }
}
