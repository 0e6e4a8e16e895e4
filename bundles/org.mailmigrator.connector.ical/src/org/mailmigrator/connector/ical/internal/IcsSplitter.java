package org.mailmigrator.connector.ical.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits an iCalendar document into its top-level components without interpreting them, so that one
 * broken component (a missing END, a bad date) costs that component only, and every error can name the
 * line where the component starts.
 */
final class IcsSplitter {
    private static final Set<String> TOP_LEVEL = Set.of("VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE");

    /** The calendar-level properties, the components, and the structural problems found. */
    record Split(Map<String, String> calendarProperties, List<Block> blocks, List<String> problems) {
    }

    private IcsSplitter() {
    }

    static Split split(List<ContentLine> lines) {
        Map<String, String> props = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean inCalendar = false;
        boolean sawCalendar = false;
        List<ContentLine> current = null;
        List<String> stack = new ArrayList<>();
        for (ContentLine line : lines) {
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
                    props.putIfAbsent(name, line.value());
                }
                continue;
            }
            if (name.equals("BEGIN") && TOP_LEVEL.contains(value) && !value.equals("VTIMEZONE")
                    || name.equals("END") && value.equals("VCALENDAR")) {
                problems.add("line " + current.get(0).number() + ": BEGIN:" + stack.get(0) + " has no END:" + stack.get(0)
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
                    problems.add("line " + line.number() + ": END:" + value + " closes BEGIN:" + open + " (component of line "
                            + current.get(0).number() + ")");
                    current = null;
                } else if (stack.isEmpty()) {
                    blocks.add(new Block(open, List.copyOf(current)));
                    current = null;
                }
            }
        }
        if (current != null) {
            problems.add("line " + current.get(0).number() + ": BEGIN:" + stack.get(0) + " is not closed before the end of the file");
        }
        if (!sawCalendar) {
            problems.add("not an iCalendar file: no BEGIN:VCALENDAR");
        }
        return new Split(props, blocks, problems);
    }
}
