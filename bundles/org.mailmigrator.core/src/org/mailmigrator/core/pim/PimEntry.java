package org.mailmigrator.core.pim;

/** What a source gives for each item it finds: the item, or why that one item cannot be read. */
public sealed interface PimEntry {

    record Item(PimItem item) implements PimEntry {
    }

    /**
     * A malformed item: the rest of the file still migrates.
     *
     * @param origin file and line ({@code calendar.ics:42}), plus the UID when it could be read
     * @param reason what is wrong, naming the property or field
     */
    record Malformed(String origin, String reason) implements PimEntry {
    }
}
