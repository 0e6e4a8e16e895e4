package org.mailmigrator.connector.dav.tests;

import java.util.Map;

import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Run in a child JVM with a small heap by {@link StreamedReadTest}: reads a file through the ical or vcard
 * connector (args: connector id, path) and prints {@code read ITEMS MALFORMED CHARS}, CHARS being the total
 * length of the item texts seen (so that every item was really built), and the first malformed entry if any.
 */
public final class StreamedReadMain {
    private StreamedReadMain() {
    }

    public static void main(String[] args) throws Exception {
        Connector connector = args[0].equals("ical") ? new IcalConnector() : new VcardConnector();
        Account source = new Account(args[0], Map.of("path", args[1]), null);
        long[] counts = new long[3];
        String[] firstBad = new String[1];
        try (ConnectorSession in = connector.open(source, Role.SOURCE, ConnectContext.of(null))) {
            in.capability(PimReader.class).orElseThrow().read(e -> {
                if (e instanceof PimEntry.Item i) {
                    counts[0]++;
                    counts[2] += i.item().text().length();
                } else {
                    counts[1]++;
                    if (firstBad[0] == null) {
                        firstBad[0] = e.toString();
                    }
                }
                return true;
            });
        }
        System.out.println("read " + counts[0] + " " + counts[1] + " " + counts[2]);
        if (firstBad[0] != null) {
            System.out.println("first malformed: " + firstBad[0]);
        }
    }
}
