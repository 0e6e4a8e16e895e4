package org.mailmigrator.connector.dav.tests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.Stored;

/**
 * Run in a child JVM by {@link PimStateFaultsTest} (args: state folder, run number, items per leg): records every item
 * of a calendar leg and then of a contacts leg in the pair's state store, each leg with a {@link PimState} of its own
 * (opened, used, closed, as a batch row's legs are), the way {@code PimMigration} does: a journal entry committed, then
 * the record that clears it. Each leg first prints what the store holds ({@code has KEY FP}, {@code journal KEY FP},
 * {@code viewed}). Each item's fingerprint is the run number ({@code r007}), so a newer record is later in
 * the alphabet. Prints {@code recorded KEY FP} once {@link PimState#put} returned (the record is committed) and
 * {@code closing} before each close, and does not wait for anyone: the parent kills it wherever it is.
 * <p>
 * H2 frees the space of dead chunks 45 s after they were written; on a long migration that is most of the file. Each
 * leg sets {@code RETENTION_TIME 0} on the open database (through a second connection, closed again before the leg
 * goes on), so that within seconds the file is reused as a migration of minutes reuses it.
 */
public final class PimStateFaultsChild {
    private PimStateFaultsChild() {
    }

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        String fp = String.format("r%03d", Integer.parseInt(a[1]));
        int items = Integer.parseInt(a[2]);
        for (ItemKind kind : new ItemKind[] {ItemKind.CALENDAR, ItemKind.CONTACTS}) {
            try (PimState pim = PimState.openEmbedded(dir, "pair")) {
                try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("pair").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;REUSE_SPACE=FALSE;LOCK_TIMEOUT=30000"); Statement st = c.createStatement()) {
                    st.execute("set retention_time 0");
                }
                view(pim, items);
                for (int i = 0; i < items; i++) {
                    PimItem item = item(kind, i, fp);
                    Optional<Stored> previous = pim.find(item.key()).map(PimState.Entry::stored);
                    pim.journal(new PimState.Journaled(item, fp, previous));
                    pim.put(item.key(), new PimState.Entry(new Stored("/alice/" + item.collection() + "/" + item.uid(), "\"" + fp
                            + "\""), fp));
                    System.out.println("recorded " + item.key() + " " + fp);
                }
                System.out.println("closing");
            }
        }
        System.out.println("finished");
    }

    /** What this opening of the store holds: {@code has KEY FP} per record, {@code journal KEY FP} per entry, {@code viewed}. */
    private static void view(PimState pim, int items) throws Exception {
        for (ItemKind kind : new ItemKind[] {ItemKind.CALENDAR, ItemKind.CONTACTS}) {
            for (int i = 0; i < items; i++) {
                String key = item(kind, i, "").key();
                Optional<PimState.Entry> e = pim.find(key);
                if (e.isPresent()) {
                    System.out.println("has " + key + " " + e.get().fingerprint());
                }
            }
        }
        for (PimState.Journaled j : pim.journal()) {
            System.out.println("journal " + j.key() + " " + j.fingerprint());
        }
        System.out.println("viewed");
    }

    /** Item {@code i} of a leg as run {@code fp} sends it: a document of about 1 kB that differs from run to run. */
    static PimItem item(ItemKind kind, int i, String fp) {
        String uid = kind.id() + "-" + i + "@faults.test";
        String body = kind == ItemKind.CONTACTS
                ? "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:Person " + i + "\r\nNOTE:seen by " + fp + " "
                        + "x".repeat(900) + "\r\nEND:VCARD\r\n"
                : "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Event " + i
                        + " " + fp + "\r\nDESCRIPTION:" + "y".repeat(900) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        return new PimItem(kind, kind == ItemKind.CONTACTS ? "people" : "work", uid, body, "faults." + kind.id() + ":" + i);
    }
}
