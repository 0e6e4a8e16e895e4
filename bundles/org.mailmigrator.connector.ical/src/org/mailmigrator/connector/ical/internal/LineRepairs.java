package org.mailmigrator.connector.ical.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs, line by line, what real exporters write against RFC 5545 but mean unambiguously, so that strict
 * servers (Xandikos) accept the item. Each repair is said in the item's notes. What cannot be understood is
 * not repaired here: the parser then refuses the item with the line and property.
 */
final class LineRepairs {
    private static final Set<String> UTC_ONLY = Set.of("DTSTAMP", "LAST-MODIFIED", "CREATED", "COMPLETED");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{8}T\\d{6}");
    private static final Pattern DATE_WITH_Z = Pattern.compile("\\d{8}Z(,\\d{8}Z)*");
    private static final Pattern VALUE_IN_TZID = Pattern.compile("(?i);TZID=\"([^\":]+):(\\d{8}T\\d{6}Z?)\"$");
    private static final Pattern QUOTED_ADDRESS = Pattern.compile("(?i)^((?:ORGANIZER|ATTENDEE)(?:;[^\":]*(?:\"[^\"]*\")?)*?)[:=]\"(mailto:[^\"]*)\"$");
    private static final Pattern CID = Pattern.compile("(?i)(ALTREP=\")CID:<([^\">]*)>\"");

    private LineRepairs() {
    }

    /** The repaired line; what was changed is added to {@code notes}. */
    static String repair(ContentLine line, boolean dateOnlyStart, List<String> notes) {
        String text = line.text();
        Matcher tz = VALUE_IN_TZID.matcher(text);
        if (tz.find()) {
            // Outlook: DTSTART;TZID="W. Europe Standard Time:20200609T090000" (the closing quote after the value)
            notes.add("line " + line.number() + ": " + line.name() + ": the TZID quote that enclosed the value was moved to close the zone name");
            text = text.substring(0, tz.start()) + ";TZID=\"" + tz.group(1) + "\":" + tz.group(2);
            line = new ContentLine(line.number(), text);
        }
        Matcher quoted = QUOTED_ADDRESS.matcher(text);
        if (quoted.matches()) {
            // ORGANIZER="mailto:..." or ORGANIZER:"mailto:...": an address in quotes, with or without its colon
            notes.add("line " + line.number() + ": the quotes around the " + quoted.group(1).split(";")[0].toUpperCase(java.util.Locale.ROOT) + " address were removed");
            return quoted.group(1) + ":" + quoted.group(2);
        }
        String name = line.name();
        String value = line.value();
        String head = text.substring(0, text.length() - value.length());
        if (UTC_ONLY.contains(name) && LOCAL_DATE_TIME.matcher(value.trim()).matches() && Params.tzid(text) == null) {
            // Evolution: LAST-MODIFIED/DTSTAMP without Z; RFC 5545 allows only UTC here
            notes.add("line " + line.number() + ": " + name + " " + value.trim() + " had no 'Z' (UTC is the only form allowed): read as UTC");
            return head + value.trim() + "Z";
        }
        if ((name.equals("RDATE") || name.equals("EXDATE")) && DATE_WITH_Z.matcher(value.trim()).matches()
                && !head.toUpperCase(Locale.ROOT).contains("VALUE=")) {
            // Google: RDATE:20131210Z, a date with a UTC marker dates do not have
            String dates = value.trim().replace("Z", "");
            if (dateOnlyStart) {
                notes.add("line " + line.number() + ": " + name + ":" + value.trim() + " is a date with a 'Z': read as the date " + dates);
                return head.substring(0, head.length() - 1) + ";VALUE=DATE:" + dates;
            }
            String times = String.join(",", java.util.Arrays.stream(dates.split(",")).map(d -> d + "T000000Z").toList());
            notes.add("line " + line.number() + ": " + name + ":" + value.trim() + " is a date with a 'Z': read as " + times);
            return head + times;
        }
        Matcher cid = CID.matcher(head);
        if (cid.find()) {
            // Lotus Notes: ALTREP="CID:<part@host>"; RFC 2392 writes cid: without the angle brackets
            notes.add("line " + line.number() + ": " + name + " ALTREP CID:<" + cid.group(2) + "> written as CID:" + cid.group(2)
                    + " (the MIME part it names is not in the file)");
            head = cid.replaceFirst(Matcher.quoteReplacement(cid.group(1) + "CID:" + cid.group(2) + "\""));
            text = head + value;
        }
        String escaped = Params.unescapeParams(head);
        if (!escaped.equals(head)) {
            // iOS X-APPLE-STRUCTURED-LOCATION: X-TITLE=Gare de Lyon\;Hall 1 (backslash escapes are not allowed in parameters)
            notes.add("line " + line.number() + ": backslash-escaped characters in the parameters of " + name + " written as quoted values");
            return escaped + value;
        }
        return text;
    }

    /** Lines of a block, repaired, keeping their numbers. */
    static List<ContentLine> repairAll(Block block, List<String> notes) {
        boolean dateOnly = block.property("DTSTART").map(v -> v.matches("\\d{8}")).orElse(false);
        List<ContentLine> out = new ArrayList<>(block.lines().size());
        for (ContentLine l : block.lines()) {
            out.add(new ContentLine(l.number(), repair(l, dateOnly, notes)));
        }
        return out;
    }
}
