package org.mailmigrator.connector.ical;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import org.mailmigrator.connector.ical.internal.IcsFile;
import org.mailmigrator.core.pim.PimReader;

/**
 * The items of one iCalendar text that is not a file (a CalDAV resource), read as an .ics file is: each UID's
 * master and overrides together with the time zones they use, repaired and checked the same way; a malformed
 * component is a {@link org.mailmigrator.core.pim.PimEntry.Malformed} entry naming {@code name} and its line.
 */
public final class IcsText {
    private IcsText() {
    }

    /**
     * @param name       how origins name the text ({@code Work/event.ics})
     * @param collection the calendar its items belong to
     * @return false when the sink asked to stop
     */
    public static boolean read(String name, String text, String collection, PimReader.Sink sink) {
        try {
            return IcsFile.read(name, () -> new BufferedReader(new StringReader(text)), null, collection, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }
}
