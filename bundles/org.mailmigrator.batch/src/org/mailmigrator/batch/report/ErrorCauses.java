package org.mailmigrator.batch.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows' last errors grouped by cause ("37 rows: authentication failed"), each with the fix an administrator can
 * act on and a filter text ("cause: NAME") that finds exactly those rows in the Migrations view, whatever words
 * each row's message uses. Messages no rule knows are grouped by their first phrase with accounts, hosts, numbers
 * and quoted names taken out, so that variants of one message are one cause. The causes are recognised from
 * the words the connectors and the batch manager write (never from Java exception class names).
 */
public final class ErrorCauses {

    /** One cause: its name, the hint, the text that filters its rows, and the ids of the rows. */
    public record Cause(String name, String hint, String filter, List<String> rows) {
    }

    private record Rule(String name, String hint, String... words) {
        boolean matches(String error) {
            String e = error.toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (e.contains(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("authentication failed", "check the login and password (or app password) of the named side",
                    "login refused", "authentication", "authenticate"),
            new Rule("certificate not trusted", "compare the SHA-256 with the provider's, then trust it (Start asks again) "
                    + "or pass --trust-sha256", "not trusted", "certificate"),
            new Rule("server not found", "check the server name (DNS)", "no such host", "unknown host", "cannot be resolved"),
            new Rule("cannot connect", "check the server, port and firewall; TLS on the right port (993 imaps, 143 STARTTLS)",
                    "connect", "connection refused", "timed out", "starttls"),
            new Rule("per-server limit too low", "raise the connections per server (preferences, --per-host)", "per-host limit"),
            new Rule("too large for the destination", "raise the destination's APPENDLIMIT or quota, or accept the skipped items",
                    "appendlimit", "quota", "largest message"),
            new Rule("cut off when the program ended", "Start or Resume continues where it stood", "cut off"),
            new Rule("items skipped", "see the skipped items of the report; the next run tries them again", "item(s) skipped"),
            new Rule("calendar or contacts leg failed", "the mail is there; fix the named leg's target or password",
                    "leg failed"));

    private ErrorCauses() {
    }

    /** What the Migrations view's filter box takes to show the rows of one cause ("cause: NAME"). */
    public static final String FILTER_PREFIX = "cause:";

    /** Groups {@code errors} (row id to last error); rows without an error are left out. Largest group first. */
    public static List<Cause> group(Map<String, String> errors) {
        Map<String, Cause> out = new LinkedHashMap<>();
        errors.forEach((id, error) -> {
            if (error == null || error.isBlank()) {
                return;
            }
            Rule r = rule(error);
            String name = causeOf(error);
            Cause c = out.computeIfAbsent(name, k -> new Cause(k, r != null ? r.hint() : "read the row's error in the Details view",
                    FILTER_PREFIX + " " + k, new ArrayList<>()));
            c.rows().add(id);
        });
        List<Cause> list = new ArrayList<>(out.values());
        list.sort((a, b) -> Integer.compare(b.rows().size(), a.rows().size()));
        return list;
    }

    /**
     * The cause of one error: a known cause's name, else the message's first phrase with what varies from row to
     * row (accounts, hosts, ports, numbers, quoted names) taken out, so that one cause is one entry.
     */
    public static String causeOf(String error) {
        Rule r = rule(error);
        return r != null ? r.name() : other(error);
    }

    private static Rule rule(String error) {
        return RULES.stream().filter(x -> x.matches(error)).findFirst().orElse(null);
    }

    private static String other(String error) {
        String general = error.replaceAll("'[^']*'|\"[^\"]*\"", "…").replaceAll("\\S+@\\S+", "…")
                .replaceAll("\\b\\d+(\\.\\d+)*\\b", "n").replaceAll("\\s+", " ");
        String first = general.split("[:(]", 2)[0].trim();
        return first.length() > 60 ? first.substring(0, 60) : first;
    }
}
