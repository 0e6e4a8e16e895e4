package org.mailmigrator.core.pim;

import java.util.List;

/** What happened to one item in a run. */
public sealed interface PimOutcome {
    String describe();

    /** The item that reached the destination (created, updated or found unchanged); empty for a failure. */
    default java.util.Optional<PimItem> arrived() {
        return switch (this) {
            case Created c -> java.util.Optional.of(c.item());
            case Updated u -> java.util.Optional.of(u.item());
            case Unchanged n -> java.util.Optional.of(n.item());
            case Failed f -> java.util.Optional.empty();
        };
    }

    record Created(PimItem item, Stored stored, List<String> notes) implements PimOutcome {
        @Override
        public String describe() {
            return "created " + item.describe() + notesText(notes);
        }
    }

    record Updated(PimItem item, Stored stored, List<String> notes) implements PimOutcome {
        @Override
        public String describe() {
            return "updated " + item.describe() + notesText(notes);
        }
    }

    /** Already at the destination with this content: nothing sent. */
    record Unchanged(PimItem item) implements PimOutcome {
        @Override
        public String describe() {
            return "unchanged " + item.describe();
        }
    }

    /** Malformed at the source or refused by the destination; the reason names the file, line, UID or field. */
    record Failed(String what, String reason) implements PimOutcome {
        @Override
        public String describe() {
            return "FAILED " + what + ": " + reason;
        }
    }

    private static String notesText(List<String> notes) {
        return notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]";
    }
}
