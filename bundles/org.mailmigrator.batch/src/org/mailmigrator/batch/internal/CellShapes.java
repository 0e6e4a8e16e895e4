package org.mailmigrator.batch.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape a cell must have by its column's name, in every import format: a server is a host name with a dot, an
 * IP address or localhost (with an optional scheme and port); a port is a number from 1 to 65535; a login holds
 * no space and no URL; an address (a column named e-mail) holds one '@'; a type is one word; a yes/no column is
 * yes or no; imapsync options start with '-'. Two damages that cancel out in one row (a separator lost and
 * another added) keep the number of cells right but shift the cells between them into columns of another
 * shape: this is what finds such a row (when a server, port, type, address or yes/no column lies in the
 * shifted part; a shift that stays within a login and a password cannot be told from a good row).
 * Messages name the column and never quote the cell, which may hold a password.
 */
final class CellShapes {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final Set<String> YES_NO = Set.of("", "true", "false", "yes", "no", "1", "0", "y", "n", "oui", "non",
            "on", "off");

    private CellShapes() {
    }

    /** Why the cell does not have its column's shape, or null when it does (or the column has no known shape). */
    static String problem(String column, String value) {
        String n = column == null ? "" : column.toLowerCase(Locale.ROOT).strip();
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || CellChecks.isSecret(n)) {
            return null; // empty cells are the readers' to judge (required or not); secrets have any shape
        }
        if (isServer(n)) {
            return server(v) ? null : "is not a server (a host name with a dot, an IP address or localhost, "
                    + "optionally with a scheme and a port): was a separator lost or added in this row?";
        }
        if (n.equals("port") || n.endsWith(".port") || n.endsWith(" port")) {
            return port(v) ? null : "is not a port (a number from 1 to 65535)";
        }
        if (n.contains("email") || n.contains("e-mail") || n.contains("address")) {
            return address(v) ? null : "is not an e-mail address (one '@', a domain with a dot, no space)";
        }
        if (n.endsWith("login") || n.equals("user1") || n.equals("user2") || n.endsWith("username")
                || n.endsWith("delegation")) {
            return login(v) ? null : "is not a login (it holds a space, a URL or a separator): was a separator lost "
                    + "or added in this row?";
        }
        if (n.endsWith(" type")) {
            return v.matches("[A-Za-z][A-Za-z0-9 _-]{0,23}") ? null : "is not a server type such as IMAP";
        }
        if (n.equals("mirror")) {
            return YES_NO.contains(v.toLowerCase(Locale.ROOT)) ? null : "is not yes or no (true, false, yes, no)";
        }
        if (n.equals("options")) {
            return v.startsWith("-") ? null : "is not a list of imapsync options (they start with --)";
        }
        return null;
    }

    private static boolean isServer(String n) {
        return n.equals("host1") || n.equals("host2") || n.endsWith(" server") || n.equals("source.server")
                || n.equals("destination.server") || n.equals("source.host") || n.equals("destination.host");
    }

    static boolean server(String v) {
        String s = SCHEME.matcher(v).replaceFirst("");
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash); // a path after the host (https://host/ews/...)
        }
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            return false; // a login in front of the host: the cell is not a server alone
        }
        String host = s;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                return false;
            }
            host = s.substring(0, end + 1);
            String rest = s.substring(end + 1);
            return IPV6.matcher(host).matches() && (rest.isEmpty() || rest.startsWith(":") && port(rest.substring(1)));
        }
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            if (!port(s.substring(colon + 1))) {
                return false;
            }
            host = s.substring(0, colon);
        }
        if (host.equalsIgnoreCase("localhost") || IPV4.matcher(host).matches()) {
            return true;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2 || host.length() > 253) {
            return false;
        }
        for (String l : labels) {
            if (l.length() > 63 || !LABEL.matcher(l).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].matches("\\d+"); // the last label of a name is not a number
    }

    static boolean port(String v) {
        if (!PORT.matcher(v).matches()) {
            return false;
        }
        int p = Integer.parseInt(v);
        return p >= 1 && p <= 65535;
    }

    private static boolean address(String v) {
        int at = v.indexOf('@');
        return at > 0 && at == v.lastIndexOf('@') && login(v) && v.substring(at + 1).contains(".");
    }

    private static boolean login(String v) {
        return !v.matches("(?s).*[ \\t;,\"].*") && !v.contains("://"); // a quoted line break is the readers' to judge
    }
}
