package org.mailmigrator.connector.ical.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Splits an iCalendar document into its top-level components without interpreting them, so that one
 * broken component (a missing END, a bad date) costs that component only, and every error can name the
 * line where the component starts. Streamed: each component is handed over when its END is read, and only
 * the component being read is held.
 */
final class IcsSplitter {
    private static final Set<String> TOP_LEVEL = Set.of("VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE");

    /** What the splitter finds, in file order. */
    interface Handler {
        /** A calendar-level property (the first of each name counts). */
        void property(String name, String value);

        /** A complete component; false stops the splitting. */
        boolean block(Block block);

        /** A structural problem, naming its lines. */
        void problem(String problem);
    }

    private IcsSplitter() {
    }

    /** @return false when the handler stopped it */
    static boolean split(Iterator<ContentLine> lines, Handler handler) {
        boolean inCalendar = false;
        boolean sawCalendar = false;
        List<ContentLine> current = null;
        List<String> stack = new ArrayList<>();
        while (lines.hasNext()) {
            ContentLine line = lines.next();
            String name = line.name();
            String value = line.value().trim().toUpperCase(java.util.Locale.ROOT);
            if (current == null) {
                if (name.equals("BEGIN") && value.equals("VCALENDAR")) {
                    inCalendar = true;
                    sawCalendar = true;
                } else if (name.equals("END") && value.equals("VCALENDAR")) {
                    inCalendar = false;
                } else if (inCalendar && name.equals("BEGIN")) {
                    current = new ArrayList<>(List.of(line));
                    stack.clear();
                    stack.add(value);
                } else if (inCalendar) {
                    handler.property(name, line.value());
                }
                continue;
            }
            if (name.equals("BEGIN") && TOP_LEVEL.contains(value) && !value.equals("VTIMEZONE")
                    || name.equals("END") && value.equals("VCALENDAR")) {
                handler.problem("line " + current.get(0).number() + ": BEGIN:" + stack.get(0) + " has no END:" + stack.get(0)
                        + " before line " + line.number());
                current = null;
                if (name.equals("BEGIN")) {
                    current = new ArrayList<>(List.of(line));
                    stack.clear();
                    stack.add(value);
                } else {
                    inCalendar = false;
                }
                continue;
            }
            current.add(line);
            if (name.equals("BEGIN")) {
                stack.add(value);
            } else if (name.equals("END")) {
                String open = stack.remove(stack.size() - 1);
                if (!open.equals(value)) {
                    handler.problem("line " + line.number() + ": END:" + value + " closes BEGIN:" + open + " (component of line "
                            + current.get(0).number() + ")");
                    current = null;
                } else if (stack.isEmpty()) {
                    Block block = new Block(open, List.copyOf(current));
                    current = null;
                    if (!handler.block(block)) {
                        return false;
                    }
                }
            }
        }
        if (current != null) {
            handler.problem("line " + current.get(0).number() + ": BEGIN:" + stack.get(0) + " is not closed before the end of the file");
        }
        if (!sawCalendar) {
            handler.problem("not an iCalendar file: no BEGIN:VCALENDAR");
        }
        return true;
    }
}
