package org.mailmigrator.autodetect;

import java.util.Arrays;
import java.util.Locale;

/**
 * A service a detected server offers. EWS, CalDAV, CardDAV and Microsoft Graph (Microsoft 365's calendars, contacts
 * and tasks) are reached by URL, the others by host and port.
 */
public enum Protocol {
    IMAP, POP3, SMTP, EWS, CALDAV, CARDDAV, GRAPH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the services addressed by a URL rather than a host and port. */
    public boolean byUrl() {
        return this == EWS || this == CALDAV || this == CARDDAV || this == GRAPH;
    }

    public static Protocol fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol '" + id + "'"));
    }
}
